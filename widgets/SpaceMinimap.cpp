#include "SpaceMinimap.h"

#include "BlockItem.h"
#include "BlockStyle.h"
#include "SpaceDocument.h"
#include "SpaceScene.h"
#include "SpaceView.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace archscape {

namespace {

constexpr qreal kInset = 6;

} // namespace

SpaceMinimap::SpaceMinimap(SpaceView* view) : QWidget(view), view_(view)
{
    setObjectName(QStringLiteral("minimap"));
    setFixedSize(220, 150);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
}

QRectF SpaceMinimap::visibleSceneRect() const
{
    return view_->mapToScene(view_->viewport()->rect()).boundingRect();
}

QRectF SpaceMinimap::shownSceneRect() const
{
    QRectF rect = view_->spaceScene()->blocksRect().united(visibleSceneRect());
    const qreal margin = std::max(rect.width(), rect.height()) * 0.05;
    return rect.adjusted(-margin, -margin, margin, margin);
}

qreal SpaceMinimap::scale() const
{
    const QRectF shown = shownSceneRect();
    if (shown.isEmpty())
        return 1;
    return std::min((width() - 2 * kInset) / shown.width(),
                    (height() - 2 * kInset) / shown.height());
}

QPointF SpaceMinimap::origin() const
{
    // The shown rectangle centred in the widget.
    const QRectF shown = shownSceneRect();
    const qreal s = scale();
    return QPointF((width() - shown.width() * s) / 2, (height() - shown.height() * s) / 2) -
           shown.topLeft() * s;
}

QPointF SpaceMinimap::fromScene(QPointF scenePos) const
{
    return origin() + scenePos * scale();
}

QPointF SpaceMinimap::toScene(QPointF local) const
{
    return (local - origin()) / scale();
}

void SpaceMinimap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x55, 0x5b, 0x63), 1));
    painter.setBrush(QColor(0x1b, 0x1d, 0x20, 225));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5);

    const qreal s = scale();
    const QPointF o = origin();
    const SearchSpace& space = view_->spaceScene()->document()->space();
    painter.setPen(Qt::NoPen);
    for (const BlockItem* item : view_->spaceScene()->blockItems()) {
        const Block* b = space.block(item->blockId().toStdString());
        const QRectF r = item->sceneBoundingRect();
        painter.setBrush(b ? BlockStyle::familyColor(b->kind) : BlockStyle::nodeBody());
        painter.drawRect(QRectF(o + r.topLeft() * s, r.size() * s));
    }
    painter.setBrush(QColor(255, 255, 255, 28));
    painter.setPen(QPen(BlockStyle::selection(), 1.5));
    const QRectF visible = visibleSceneRect();
    painter.drawRect(QRectF(o + visible.topLeft() * s, visible.size() * s));
}

void SpaceMinimap::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        view_->centerOn(toScene(event->position()));
        event->accept();
    }
}

void SpaceMinimap::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton) {
        view_->centerOn(toScene(event->position()));
        event->accept();
    }
}

} // namespace archscape
