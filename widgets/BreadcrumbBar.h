#pragma once
// The path into the graph being edited, over the canvas's top-left corner:
// "Search space › op1 (Choice)". Clicking "Search space" goes back to the
// top level; hidden while there.

#include <QWidget>

class QLabel;
class QToolButton;

namespace archscape {

class SpaceScene;

class BreadcrumbBar : public QWidget
{
    Q_OBJECT
public:
    BreadcrumbBar(SpaceScene* scene, QWidget* parent);

    QToolButton* topButton() const { return top_; }
    QString text() const; // as shown, e.g. "Search space › op1 (Choice)"

private:
    void showScope(const QString& scope);

    SpaceScene* scene_;
    QToolButton* top_;
    QLabel* current_;
};

} // namespace archscape
