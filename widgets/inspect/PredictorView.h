#pragma once
// The predictor view: how well a predictor stored in the study ranks
// trials. Predicted against measured with the identity line, Kendall's tau
// and Spearman's rho (engine/stats/RankCorrelation), and the residuals
// (predicted - measured) below; the predictor chosen from a combo; click a
// point to select its trial, and the selected trial is highlighted.

#include "storage/StudyStorage.h"

#include <QWidget>

#include <cstdint>
#include <string>
#include <vector>

class QComboBox;
class QCPAxisRect;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace archscape {

class TrialSelection;

class PredictorView : public QWidget
{
    Q_OBJECT

public:
    explicit PredictorView(QWidget* parent = nullptr);

    // Reads the predictors and their predictions from the study (again on
    // refresh()); the storage must outlive the view or be replaced.
    void setStorage(const StudyStorage* storage);
    void refresh();
    void setSelection(TrialSelection* selection);

    void setPredictor(const std::string& name);
    std::string predictor() const { return predictor_; }

    // Of the points drawn: predictions with a measured value, the newest per trial.
    int pointCount() const { return static_cast<int>(points_.size()); }
    double kendall() const { return tau_; }
    double spearman() const { return rho_; }
    std::vector<double> predicted() const;
    std::vector<double> measured() const;
    int64_t highlightedTrial() const { return highlighted_; }
    // Where a trial's point is on the scatter, in plot() coordinates (null if not drawn).
    QPoint pixelOfTrial(int64_t trialId) const;
    // The trial nearest a plot() pixel on either plot within `radius`, or 0.
    int64_t trialAt(QPointF pixel, double radius = 12.0) const;

    QCustomPlot* plot() const { return plot_; }

private:
    struct Point
    {
        int64_t trialId = 0;
        double predicted = 0.0;
        double measured = 0.0;
    };

    void loadPredictions();
    void redraw();
    void highlight(int64_t trialId);
    void onRelease(QMouseEvent* event);
    void showTooltip(QMouseEvent* event);
    int nearest(QPointF pixel, double radius) const;

    const StudyStorage* storage_ = nullptr;
    TrialSelection* selection_ = nullptr;
    std::string predictor_;
    std::vector<Point> points_;
    double tau_ = 0.0, rho_ = 0.0;
    int64_t highlighted_ = 0;
    bool updatingCombo_ = false;
    QPoint pressPos_;

    QComboBox* combo_ = nullptr;
    QLabel* summary_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QCPAxisRect* scatterRect_ = nullptr;
    QCPAxisRect* residualRect_ = nullptr;
    QCPGraph* scatter_ = nullptr;
    QCPGraph* identity_ = nullptr;
    QCPGraph* residuals_ = nullptr;
    QCPGraph* zeroLine_ = nullptr;
    QCPGraph* selectedScatter_ = nullptr;
    QCPGraph* selectedResidual_ = nullptr;
};

} // namespace archscape
