#pragma once
// The selected trial's training curves: loss on the left axis, accuracy on
// the right, per epoch (QCustomPlot). Follows the app-wide selection, and
// re-reads the curves while the trial is still training.

#include <QWidget>

#include <cstdint>

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QLabel;

namespace archscape {

class StudySession;
class TrialSelection;

class CurvesView : public QWidget
{
    Q_OBJECT

public:
    CurvesView(TrialSelection* selection, QWidget* parent = nullptr);

    void setSession(StudySession* session);
    int64_t shownTrial() const { return trial_; }
    QCustomPlot* plot() const { return plot_; }
    // Points drawn of each curve.
    int lossPointCount() const;
    int accuracyPointCount() const;
    QString message() const;

private:
    void showTrial(int64_t trialId);
    void reload();

    TrialSelection* selection_;
    StudySession* session_ = nullptr;
    QCustomPlot* plot_;
    QCPGraph* loss_;
    QCPGraph* accuracy_;
    QCPItemText* message_;
    QLabel* title_;
    int64_t trial_ = 0;
};

} // namespace archscape
