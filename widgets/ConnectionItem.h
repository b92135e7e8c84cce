#pragma once
// One edge on the canvas: a cubic Bézier from a block's output port (at its
// bottom) to an input port (at the top of another block). Selectable, so
// that Delete removes it.

#include "space/Edge.h"

#include <QGraphicsPathItem>

namespace archscape {

class BlockItem;

class ConnectionItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 2 };

    // Attaches itself to both blocks, which keep it in step when they move.
    ConnectionItem(Edge edge, BlockItem* source, BlockItem* target);
    ~ConnectionItem() override;

    int type() const override { return Type; }
    const Edge& edge() const { return edge_; }
    BlockItem* source() const { return source_; }
    BlockItem* target() const { return target_; }

    void updatePath();
    // The curve between two points, as edges and the connection being dragged use it.
    static QPainterPath curve(QPointF from, QPointF to);

    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    Edge edge_;
    BlockItem* source_;
    BlockItem* target_;
    bool hovered_ = false;
};

} // namespace archscape
