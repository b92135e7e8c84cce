#include "BlockItem.h"

#include "BlockStyle.h"
#include "ConnectionItem.h"
#include "ParameterText.h"
#include "SpaceDocument.h"
#include "SpaceScene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace archscape {

namespace {

constexpr qreal kHeader = 22;
constexpr qreal kLine = 15;
constexpr qreal kPadding = 6;
constexpr qreal kRadius = 7;
constexpr int kMaxLines = 3;
constexpr qreal kPortHitRadius = 11;
// Below this zoom the body text is too small to read: show the id large instead.
constexpr qreal kDetailZoom = 0.6;

QFont titleFont()
{
    QFont f;
    f.setPointSizeF(9);
    f.setBold(true);
    return f;
}

QFont bodyFont()
{
    QFont f;
    f.setPointSizeF(8);
    return f;
}

} // namespace

BlockItem::BlockItem(const SpaceDocument* document, const QString& blockId)
    : document_(document), blockId_(blockId), nested_(blockId.contains(QLatin1Char('/')))
{
    // A nested block (a Choice's alternative, a Repeat's body) has no place
    // of its own: the scene lays it out, and it has no ports to wire.
    setFlags(nested_ ? ItemIsSelectable : ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setAcceptHoverEvents(true);
    setZValue(1);
    refresh();
    syncPosition();
}

const Block* BlockItem::block() const
{
    return document_->blockAt(blockId_.toStdString());
}

void BlockItem::refresh()
{
    const Block* b = block();
    if (!b)
        return;
    prepareGeometryChange();
    title_ = QString::fromStdString(b->info().displayName);
    lines_.clear();
    if (!b->name.empty())
        lines_ << QString::fromStdString(b->name);
    lines_ += ParameterText::brief(*b, document_->space());
    if (lines_.size() > kMaxLines) // the last line takes what is left
        lines_ = lines_.mid(0, kMaxLines - 1) << lines_.mid(kMaxLines - 1).join(QStringLiteral("  "));
    height_ = kHeader + kPadding + std::max<qsizetype>(1, lines_.size()) * kLine + kPadding / 2;
    updateToolTip();
    update();
    for (ConnectionItem* c : connections_)
        c->updatePath();
}

void BlockItem::syncPosition()
{
    if (nested_)
        return;
    if (const Block* b = block())
        setPos(b->x, b->y);
}

void BlockItem::updateToolTip()
{
    const Block* b = block();
    if (!b)
        return;
    QStringList tip;
    tip << QStringLiteral("<b>%1</b> (%2)").arg(blockId_.toHtmlEscaped(), title_.toHtmlEscaped());
    if (!b->name.empty())
        tip << QString::fromStdString(b->name).toHtmlEscaped();
    for (const QString& line : ParameterText::brief(*b, document_->space()))
        tip << line.toHtmlEscaped();
    for (const QString& p : problems_)
        tip << QStringLiteral("<span style='color:#e5484d'>%1</span>").arg(p.toHtmlEscaped());
    if (!nested_ && (b->kind == BlockKind::Choice || b->kind == BlockKind::Repeat
                     || b->kind == BlockKind::Cell))
        tip << QStringLiteral("<i>%1</i>").arg(SpaceScene::tr("Double-click to open its inner graph."));
    setToolTip(tip.join(QStringLiteral("<br>")));
}

QRectF BlockItem::nodeRect() const
{
    return QRectF(-kWidth / 2, -height_ / 2, kWidth, height_);
}

QRectF BlockItem::boundingRect() const
{
    const qreal m = kPortRadius + 4;
    return nodeRect().adjusted(-m, -m, m, m);
}

QPainterPath BlockItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(nodeRect(), kRadius, kRadius);
    return path;
}

QPointF BlockItem::inputPortPos(int port) const
{
    const Block* b = block();
    const int n = b ? std::max(1, b->inputCount()) : 1;
    const QRectF r = nodeRect();
    return QPointF(r.left() + r.width() * (port + 1) / (n + 1), r.top());
}

QPointF BlockItem::outputPortPos() const
{
    return QPointF(0, nodeRect().bottom());
}

QPointF BlockItem::inputPortScenePos(int port) const
{
    return mapToScene(inputPortPos(port));
}

QPointF BlockItem::outputPortScenePos() const
{
    return mapToScene(outputPortPos());
}

std::optional<PortRef> BlockItem::portAt(const QPointF& scenePos) const
{
    const Block* b = block();
    if (!b || nested_)
        return std::nullopt;
    const QPointF p = mapFromScene(scenePos);
    auto near = [&](QPointF port) { return QLineF(p, port).length() <= kPortHitRadius; };
    if (b->info().output != PortType::None && near(outputPortPos()))
        return PortRef{blockId_, PortRef::Side::Output, 0};
    for (int i = 0; i < b->inputCount(); ++i)
        if (near(inputPortPos(i)))
            return PortRef{blockId_, PortRef::Side::Input, i};
    return std::nullopt;
}

void BlockItem::setHighlightedPort(std::optional<PortRef> port)
{
    const bool same = (!port && !highlighted_)
                      || (port && highlighted_ && port->side == highlighted_->side
                          && port->index == highlighted_->index);
    if (same)
        return;
    highlighted_ = std::move(port);
    update();
}

void BlockItem::setProblems(const QStringList& messages)
{
    if (messages == problems_)
        return;
    problems_ = messages;
    updateToolTip();
    update();
}

void BlockItem::attach(ConnectionItem* connection)
{
    connections_.push_back(connection);
}

void BlockItem::detach(ConnectionItem* connection)
{
    connections_.erase(std::remove(connections_.begin(), connections_.end(), connection),
                       connections_.end());
}

QVariant BlockItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionChange) {
        auto* space = qobject_cast<SpaceScene*>(scene());
        if (space && space->isDraggingBlocks())
            return space->snapped(value.toPointF());
    } else if (change == ItemPositionHasChanged) {
        for (ConnectionItem* c : connections_)
            c->updatePath();
    } else if (change == ItemSelectedHasChanged) {
        setZValue(value.toBool() ? 2 : 1);
    }
    return QGraphicsItem::itemChange(change, value);
}

void BlockItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const Block* b = block();
    if (!b)
        return;
    const QRectF r = nodeRect();
    const QColor family = BlockStyle::familyColor(b->kind);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);

    // Body, then the header band in the family colour.
    QPainterPath body;
    body.addRoundedRect(r, kRadius, kRadius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(BlockStyle::nodeBody());
    painter->drawPath(body);
    QPainterPath header;
    header.addRoundedRect(QRectF(r.left(), r.top(), r.width(), kHeader + kRadius), kRadius,
                          kRadius);
    header = header.intersected([&] {
        QPainterPath clip;
        clip.addRect(QRectF(r.left(), r.top(), r.width(), kHeader));
        return clip;
    }());
    painter->setBrush(family);
    painter->drawPath(header);

    // Outline: selection wins over a problem, which wins over nothing.
    QPen outline(QColor(0x1a, 0x1c, 0x1f), 1.2);
    if (isSelected())
        outline = QPen(BlockStyle::selection(), 2.4);
    else if (hasProblem())
        outline = QPen(BlockStyle::problem(), 2.4);
    painter->setPen(outline);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(body);

    if (lod < kDetailZoom) {
        // Zoomed far out: only the id, large enough to read on screen.
        QFont f = titleFont();
        f.setPixelSize(static_cast<int>(std::min<qreal>(r.height() * 0.6, 12 / std::max(lod, 0.05))));
        painter->setFont(f);
        painter->setPen(BlockStyle::nodeText());
        painter->drawText(r.adjusted(4, kHeader * 0.5, -4, 0), Qt::AlignCenter,
                          QFontMetricsF(f).elidedText(blockId_, Qt::ElideRight, r.width() - 8));
    } else {
        const qreal textLeft = r.left() + 8;
        const qreal textWidth = r.width() - 16;
        const QRectF titleRect(textLeft, r.top(), textWidth, kHeader);
        const QFontMetricsF titleMetrics(titleFont());
        const QFontMetricsF idMetrics(bodyFont());
        const QString id = idMetrics.elidedText(blockId_, Qt::ElideMiddle, textWidth * 0.5);
        const qreal idWidth = idMetrics.horizontalAdvance(id);
        painter->setFont(titleFont());
        painter->setPen(BlockStyle::nodeText());
        painter->drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft,
                          titleMetrics.elidedText(title_, Qt::ElideRight, textWidth - idWidth - 6));
        painter->setFont(bodyFont());
        painter->setPen(QColor(255, 255, 255, 210));
        painter->drawText(titleRect, Qt::AlignVCenter | Qt::AlignRight, id);

        const QFontMetricsF metrics(bodyFont());
        qreal y = r.top() + kHeader + kPadding / 2;
        for (int i = 0; i < lines_.size(); ++i) {
            const bool label = i == 0 && !b->name.empty();
            painter->setPen(label ? BlockStyle::nodeText() : BlockStyle::nodeSubtleText());
            painter->drawText(QRectF(textLeft, y, textWidth, kLine), Qt::AlignVCenter | Qt::AlignLeft,
                              metrics.elidedText(lines_[i], Qt::ElideRight, textWidth));
            y += kLine;
        }
    }

    if (hasProblem()) {
        const QPointF c(r.right() - 2, r.top() + 2);
        painter->setPen(QPen(QColor(0x1a, 0x1c, 0x1f), 1));
        painter->setBrush(BlockStyle::problem());
        painter->drawEllipse(c, 8, 8);
        QFont f = titleFont();
        painter->setFont(f);
        painter->setPen(Qt::white);
        painter->drawText(QRectF(c.x() - 8, c.y() - 8, 16, 16), Qt::AlignCenter,
                          QStringLiteral("!"));
    }

    if (nested_)
        return;
    // Ports: filled when connected, ringed when not.
    auto drawPort = [&](QPointF at, PortType type, bool connected, bool highlighted) {
        const qreal radius = highlighted ? kPortRadius + 2.5 : kPortRadius;
        painter->setPen(QPen(QColor(0x1a, 0x1c, 0x1f), 1.5));
        painter->setBrush(connected || highlighted ? BlockStyle::portColor(type)
                                                   : BlockStyle::nodeBody());
        painter->drawEllipse(at, radius, radius);
        if (!connected && !highlighted) {
            painter->setPen(QPen(BlockStyle::portColor(type), 1.6));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(at, radius - 1.5, radius - 1.5);
        }
    };
    const SearchSpace& space = document_->space();
    const std::string id = blockId_.toStdString();
    for (int i = 0; i < b->inputCount(); ++i) {
        const bool hi = highlighted_ && highlighted_->side == PortRef::Side::Input
                        && highlighted_->index == i;
        drawPort(inputPortPos(i), b->info().input, space.edgeInto(id, i) != nullptr, hi);
    }
    if (b->info().output != PortType::None) {
        const bool used = std::any_of(space.edges().begin(), space.edges().end(),
                                      [&](const Edge& e) { return e.from == id; });
        const bool hi = highlighted_ && highlighted_->side == PortRef::Side::Output;
        drawPort(outputPortPos(), b->info().output, used, hi);
    }
}

} // namespace archscape
