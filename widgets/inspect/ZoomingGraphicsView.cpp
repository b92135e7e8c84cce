#include "ZoomingGraphicsView.h"

#include <QMouseEvent>
#include <QResizeEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace archscape {

ZoomingGraphicsView::ZoomingGraphicsView(QGraphicsScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
{
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setBackgroundBrush(Qt::white);
}

void ZoomingGraphicsView::fitAll()
{
    autoFit_ = true;
    fit();
}

void ZoomingGraphicsView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (autoFit_)
        fit();
}

void ZoomingGraphicsView::mousePressEvent(QMouseEvent* event)
{
    autoFit_ = false;
    QGraphicsView::mousePressEvent(event);
}

void ZoomingGraphicsView::fit()
{
    if (!scene())
        return;
    // Fit the width, not the height: networks are tall and narrow, and a
    // whole one shrunk into the view is unreadable; scroll down instead.
    const QRectF rect = scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10);
    const double scale = std::min(1.0, viewport()->width() / std::max(1.0, rect.width()));
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(rect.center().x(), rect.top() + viewport()->height() / (2.0 * scale));
}

void ZoomingGraphicsView::wheelEvent(QWheelEvent* event)
{
    const double factor = std::pow(1.0015, event->angleDelta().y());
    const double scale = transform().m11() * factor;
    if (scale < 0.02 || scale > 8.0)
        return;
    autoFit_ = false;
    this->scale(factor, factor);
    event->accept();
}

} // namespace archscape
