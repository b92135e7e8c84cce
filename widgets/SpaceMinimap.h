#pragma once
// An overview of the whole graph in a corner of the canvas: every block as a
// small rectangle in its family colour and the part the view shows as a
// frame. Clicking or dragging in it moves the view there.

#include <QRectF>
#include <QWidget>

namespace archscape {

class SpaceView;

class SpaceMinimap : public QWidget
{
    Q_OBJECT
public:
    explicit SpaceMinimap(SpaceView* view);

    // The scene rectangle drawn: every block and the visible area, with a margin.
    QRectF shownSceneRect() const;
    QPointF toScene(QPointF local) const;
    QPointF fromScene(QPointF scenePos) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRectF visibleSceneRect() const;
    // Scene-to-widget scale and offset for the shown rectangle.
    qreal scale() const;
    QPointF origin() const;

    SpaceView* view_;
};

} // namespace archscape
