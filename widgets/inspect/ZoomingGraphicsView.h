#pragma once
// A QGraphicsView that zooms with the wheel (around the cursor) and pans by
// dragging, for the read-only inspection scenes.

#include <QGraphicsView>

namespace archscape {

class ZoomingGraphicsView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit ZoomingGraphicsView(QGraphicsScene* scene, QWidget* parent = nullptr);

    // Shows the scene's full width from its top, never magnified beyond
    // 1:1, and keeps it so as the view resizes until the user zooms or pans.
    void fitAll();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fit();

    bool autoFit_ = true;
};

} // namespace archscape
