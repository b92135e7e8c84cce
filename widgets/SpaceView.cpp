#include "SpaceView.h"

#include "BlockPalette.h"
#include "BreadcrumbBar.h"
#include "SpaceDocument.h"
#include "SpaceMinimap.h"
#include "SpaceScene.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace archscape {

SpaceView::SpaceView(SpaceScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontSavePainterState);
    setCacheMode(QGraphicsView::CacheBackground);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);

    minimap_ = new SpaceMinimap(this);
    breadcrumb_ = new BreadcrumbBar(scene_, this);
    // Not QGraphicsScene::changed: listening to it slows every repaint of a
    // large scene. The overview follows committed edits, scrolling and zoom.
    connect(scene_->document(), &SpaceDocument::contentsChanged, this, &SpaceView::updateMinimap);
    connect(scene_, &SpaceScene::scopeChanged, this, [this] {
        fitToView();
        placeOverlays();
        updateMinimap();
    });
    placeOverlays();
}

void SpaceView::setMinimapShown(bool shown)
{
    minimapShown_ = shown;
    updateMinimap();
}

void SpaceView::updateMinimap()
{
    // Only worth its corner when the graph does not fit the view.
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const bool useful = minimapShown_ && !scene_->blocksRect().isEmpty()
                        && !visible.contains(scene_->blocksRect());
    minimap_->setVisible(useful);
    if (useful)
        minimap_->update();
}

void SpaceView::placeOverlays()
{
    const int margin = 10;
    minimap_->move(width() - minimap_->width() - margin, height() - minimap_->height() - margin);
    breadcrumb_->adjustSize();
    breadcrumb_->move(margin, margin);
}

void SpaceView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    placeOverlays();
    updateMinimap();
}

void SpaceView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    updateMinimap();
}

qreal SpaceView::zoom() const
{
    return transform().m11();
}

void SpaceView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
    updateMinimap();
}

void SpaceView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
    updateMinimap();
}

void SpaceView::zoomIn()
{
    zoomBy(1.25);
}

void SpaceView::zoomOut()
{
    zoomBy(1 / 1.25);
}

void SpaceView::fitToView()
{
    QRectF rect = scene_->blocksRect();
    if (rect.isEmpty()) {
        setZoom(1.0);
        centerOn(0, 0);
        return;
    }
    rect.adjust(-40, -40, 40, 40);
    const qreal sx = viewport()->width() / rect.width();
    const qreal sy = viewport()->height() / rect.height();
    // No closer than 1:1: a small graph should not look blown up.
    setZoom(std::min({sx, sy, 1.0}));
    centerOn(rect.center());
}

void SpaceView::centreOnBlock(const QString& id)
{
    if (BlockItem* item = scene_->blockItem(id)) {
        scene_->selectBlock(id);
        centerOn(item);
    }
}

void SpaceView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, delta.y()));
    event->accept();
}

void SpaceView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton || (spaceHeld_ && event->button() == Qt::LeftButton)) {
        panning_ = true;
        panLast_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void SpaceView::mouseMoveEvent(QMouseEvent* event)
{
    if (panning_) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - panLast_;
        panLast_ = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void SpaceView::mouseReleaseEvent(QMouseEvent* event)
{
    if (panning_ && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        panning_ = false;
        viewport()->setCursor(spaceHeld_ ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void SpaceView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && !scene_->scope().isEmpty()) {
        scene_->leaveScope();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        scene_->deleteSelection();
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void SpaceView::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        if (!panning_)
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void SpaceView::focusOutEvent(QFocusEvent* event)
{
    spaceHeld_ = false;
    panning_ = false;
    viewport()->unsetCursor();
    QGraphicsView::focusOutEvent(event);
}

void SpaceView::dragEnterEvent(QDragEnterEvent* event)
{
    if (BlockPalette::kindFromMime(event->mimeData()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void SpaceView::dragMoveEvent(QDragMoveEvent* event)
{
    if (BlockPalette::kindFromMime(event->mimeData()))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void SpaceView::dropEvent(QDropEvent* event)
{
    if (dropKind(event->mimeData(), event->position().toPoint()))
        event->acceptProposedAction();
    else
        QGraphicsView::dropEvent(event);
}

bool SpaceView::dropKind(const QMimeData* mime, QPoint viewportPos)
{
    const std::optional<std::string> kindName = BlockPalette::kindFromMime(mime);
    if (!kindName)
        return false;
    scene_->addBlockAt(*kindName, mapToScene(viewportPos));
    setFocus();
    return true;
}

} // namespace archscape
