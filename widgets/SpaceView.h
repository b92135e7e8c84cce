#pragma once
// The canvas widget: shows a SpaceScene with wheel zoom (about the cursor),
// panning (middle button, or Space held while dragging), fit to view, and
// rubber-band selection; accepts block kinds dropped from the palette. A
// minimap sits in the bottom-right corner and, inside a block's inner
// graph, a breadcrumb bar in the top-left one.

#include <QGraphicsView>

class QMimeData;

namespace archscape {

class BreadcrumbBar;
class SpaceMinimap;
class SpaceScene;

class SpaceView : public QGraphicsView
{
    Q_OBJECT
public:
    static constexpr qreal kMinZoom = 0.1;
    static constexpr qreal kMaxZoom = 3.0;

    explicit SpaceView(SpaceScene* scene, QWidget* parent = nullptr);

    SpaceScene* spaceScene() const { return scene_; }
    SpaceMinimap* minimap() const { return minimap_; }
    BreadcrumbBar* breadcrumb() const { return breadcrumb_; }
    bool isMinimapShown() const { return minimapShown_; }
    qreal zoom() const;
    void setZoom(qreal zoom);

    // Drops a block kind (palette MIME data) at a point of the viewport.
    // dropEvent calls this; tests call it where a real drag cannot run.
    bool dropKind(const QMimeData* mime, QPoint viewportPos);

public Q_SLOTS:
    void fitToView();
    void zoomIn();
    void zoomOut();
    void centreOnBlock(const QString& id);
    void setMinimapShown(bool shown);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void zoomBy(qreal factor);
    void placeOverlays();
    void updateMinimap();

    SpaceScene* scene_;
    bool spaceHeld_ = false;
    bool panning_ = false;
    QPoint panLast_;
    SpaceMinimap* minimap_;
    BreadcrumbBar* breadcrumb_;
    bool minimapShown_ = true;
};

} // namespace archscape
