#include "CellGraphItem.h"

#include "BlockStyle.h"
#include "SpaceScene.h"

#include <QPainter>
#include <QStringList>

#include <algorithm>

namespace archscape {

namespace {

// Longer edges bow higher, so no two arcs of a cell lie on top of each other.
constexpr qreal kBowPerStep = 70;

} // namespace

CellGraphItem::CellGraphItem(const CellDefinition* cell, const QString& cellName) : name_(cellName)
{
    if (cell)
        cell_ = *cell;
}

QPointF CellGraphItem::nodePos(int node) const
{
    const int n = nodeCount();
    return QPointF((node - (n - 1) / 2.0) * kNodeStep, 0);
}

QRectF CellGraphItem::boundingRect() const
{
    const int n = std::max(1, nodeCount());
    // Wide enough for the caption under the smallest cell.
    const qreal halfWidth = std::max<qreal>(n * kNodeStep / 2 + 60, 380);
    return QRectF(-halfWidth, -(n - 1) * kBowPerStep - 80, 2 * halfWidth,
                  (n - 1) * kBowPerStep + 200);
}

QPainterPath CellGraphItem::arc(int from, int to) const
{
    const QPointF a = nodePos(from) + QPointF(0, -kNodeRadius);
    const QPointF b = nodePos(to) + QPointF(0, -kNodeRadius);
    const qreal bow = (to - from) * kBowPerStep;
    QPainterPath path(a);
    path.cubicTo(a + QPointF(0, -bow), b + QPointF(0, -bow), b);
    return path;
}

void CellGraphItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font;
    font.setPointSizeF(9);
    painter->setFont(font);
    if (!cell_) {
        painter->setPen(BlockStyle::problem());
        painter->drawText(
            QRectF(-300, -20, 600, 40), Qt::AlignCenter,
            SpaceScene::tr("This Cell names '%1', which the space does not define.").arg(name_));
        return;
    }
    const QColor edgeColor = BlockStyle::familyColor(BlockKind::Cell);
    for (const auto& [from, to] : cell_->edges()) {
        painter->setPen(QPen(edgeColor, 2));
        painter->setBrush(Qt::NoBrush);
        const QPainterPath path = arc(from, to);
        painter->drawPath(path);
        const QPointF end = path.pointAtPercent(1);
        painter->setBrush(edgeColor);
        painter->drawPolygon(QPolygonF({end, end + QPointF(-5, -9), end + QPointF(5, -9)}));
        const QPointF mid = path.pointAtPercent(0.5);
        const QString label = QStringLiteral("%1→%2").arg(from).arg(to);
        painter->setPen(BlockStyle::nodeText());
        painter->drawText(QRectF(mid.x() - 30, mid.y() - 16, 60, 14), Qt::AlignCenter, label);
    }
    for (int i = 0; i < cell_->nodes; ++i) {
        painter->setPen(QPen(QColor(0x1a, 0x1c, 0x1f), 1.5));
        painter->setBrush(BlockStyle::nodeBody());
        painter->drawEllipse(nodePos(i), kNodeRadius, kNodeRadius);
        painter->setPen(BlockStyle::nodeText());
        const QString text = i == 0                  ? SpaceScene::tr("in")
                             : i == cell_->nodes - 1 ? SpaceScene::tr("out")
                                                     : QString::number(i);
        painter->drawText(QRectF(nodePos(i) - QPointF(kNodeRadius, kNodeRadius),
                                 QSizeF(2 * kNodeRadius, 2 * kNodeRadius)),
                          Qt::AlignCenter, text);
    }
    QStringList ops;
    for (const auto& op : cell_->ops)
        ops << QString::fromStdString(op);
    painter->setPen(BlockStyle::nodeSubtleText());
    const QRectF caption(boundingRect().left(), kNodeRadius + 20, boundingRect().width(), 60);
    painter->drawText(caption, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                      SpaceScene::tr("cell %1: %2 nodes, %3 edges; each node sums its inputs\n"
                                     "each edge chooses one of: %4")
                          .arg(name_)
                          .arg(cell_->nodes)
                          .arg(cell_->edgeCount())
                          .arg(ops.join(QStringLiteral(", "))));
}

} // namespace archscape
