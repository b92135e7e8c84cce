#pragma once
// A view with a short centred message in its place while it has nothing to
// show: the study docks (trials, Pareto front, curves, architecture,
// predictor) say what will appear there and how to get it while no study is
// open, instead of an empty table or a plot with axes 0 to 5.

#include <QStackedWidget>
#include <QString>

class QLabel;

namespace archscape {

class PlaceholderStack : public QStackedWidget
{
    Q_OBJECT

public:
    // Takes `view` as its child; `message` is rich text.
    PlaceholderStack(QWidget* view, const QString& message, QWidget* parent = nullptr);

    QWidget* view() const { return view_; }
    QLabel* placeholder() const { return placeholder_; }
    void setPlaceholderShown(bool shown);
    bool isPlaceholderShown() const { return currentWidget() != view_; }

private:
    QWidget* view_;
    QLabel* placeholder_;
};

} // namespace archscape
