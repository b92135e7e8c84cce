#include "ConnectionItem.h"

#include "BlockItem.h"
#include "BlockStyle.h"

#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>

namespace archscape {

ConnectionItem::ConnectionItem(Edge edge, BlockItem* source, BlockItem* target)
    : edge_(std::move(edge)), source_(source), target_(target)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(0);
    source_->attach(this);
    target_->attach(this);
    updatePath();
}

ConnectionItem::~ConnectionItem()
{
    source_->detach(this);
    target_->detach(this);
}

QPainterPath ConnectionItem::curve(QPointF from, QPointF to)
{
    // Vertical tangents: edges leave downwards and arrive from above; an
    // edge going back up loops round instead of cutting through its blocks.
    const qreal dy = to.y() - from.y();
    const qreal bend = std::max<qreal>(40, std::abs(dy) * 0.5 + (dy < 0 ? 40 : 0));
    QPainterPath path(from);
    path.cubicTo(from + QPointF(0, bend), to - QPointF(0, bend), to);
    return path;
}

void ConnectionItem::updatePath()
{
    setPath(curve(source_->outputPortScenePos(), target_->inputPortScenePos(edge_.toPort)));
}

QPainterPath ConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(path());
}

void ConnectionItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QColor color = BlockStyle::connection();
    qreal width = 2.0;
    if (isSelected()) {
        color = BlockStyle::selection();
        width = 3.0;
    } else if (hovered_) {
        color = color.lighter(135);
        width = 2.6;
    }
    painter->setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
}

void ConnectionItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    hovered_ = true;
    update();
    QGraphicsPathItem::hoverEnterEvent(event);
}

void ConnectionItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    hovered_ = false;
    update();
    QGraphicsPathItem::hoverLeaveEvent(event);
}

} // namespace archscape
