#pragma once
// The Pareto view: every finished trial as a point on two objectives (a
// third as colour), the non-dominated front as a step line over emphasised
// points, dominated points dimmed, the front's hypervolume, hover tooltips,
// click to select (TrialSelection), zoom/pan, log axes and export. Built
// for 100,000 points: a few scatter graphs, not one item per point, and the
// selection drawn on its own buffered layer so selecting redraws only it.

#include "search/Objective.h"
#include "study/TrialRecord.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPColorScale;
class QCPGraph;
class QCPLayer;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace archscape {

class TrialSelection;

class ParetoView : public QWidget
{
    Q_OBJECT

public:
    explicit ParetoView(QWidget* parent = nullptr);

    // Replaces every trial; only complete trials with both metrics are drawn.
    void setTrials(const std::vector<TrialRecord>& trials);
    // Adds trials as a search finishes them: the front is updated from the
    // old front and the new points only. A trial already shown is replaced.
    void appendTrials(const std::vector<TrialRecord>& trials);
    // Selects on click and highlights whatever the selection holds.
    void setSelection(TrialSelection* selection);

    void setObjectives(const Objective& x, const Objective& y);
    Objective xObjective() const { return x_; }
    Objective yObjective() const { return y_; }
    // A metric shown as colour, or "" for none.
    void setColorMetric(const std::string& metric);
    void setLogAxes(bool logX, bool logY);

    // What is drawn: trial ids on the front (ascending), the hypervolume of
    // the front in minimised objectives and its reference point (the worst
    // drawn value of each objective, 10 % of the range beyond it).
    std::vector<int64_t> frontTrialIds() const;
    int plottedCount() const { return static_cast<int>(points_.size()); }
    double hypervolume() const { return hypervolume_; }
    std::vector<double> hypervolumeReference() const { return reference_; }
    int64_t highlightedTrial() const { return highlighted_; }
    // Where a drawn trial's point is, in plot() coordinates (null if not drawn).
    QPoint pixelOfTrial(int64_t trialId) const;
    // The drawn trial nearest a plot() pixel within `radius` pixels, or 0.
    int64_t trialAt(QPointF pixel, double radius = 12.0) const;

    QCustomPlot* plot() const { return plot_; }

    // Each returns false and fills `error` when the file cannot be written.
    bool exportPng(const QString& path, QString* error = nullptr);
    bool exportPdf(const QString& path, QString* error = nullptr);
    bool exportSvg(const QString& path, QString* error = nullptr);
    // One row per drawn point: trial_id, number, x, y, [colour,] on_front.
    bool exportCsv(const QString& path, QString* error = nullptr) const;

    // Redraws only the selection layer (what a selection change costs).
    void redrawSelection();

Q_SIGNALS:
    // "Export to ONNX…" in a point's context menu (offered while connected).
    void exportRequested(int64_t trialId);

private:
    struct PlotPoint
    {
        size_t trial = 0; // index into trials_
        double x = 0.0, y = 0.0, color = 0.0;
        bool onFront = false;
    };

    void buildControls();
    void setUpPlot();
    void refillMetricChoices();
    void rebuild();
    bool pointFor(size_t trialIndex, PlotPoint& point) const;
    void recomputeFront(std::vector<size_t> candidates);
    void fillGraphs();
    void updateFrontLine();
    void updateHypervolume();
    void updateSummary();
    void rescale();
    void ensureXOrder() const;
    int nearestPoint(QPointF pixel, double radius) const;
    void highlight(int64_t trialId);
    void showTooltip(QMouseEvent* event);
    void onPress(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    void showContextMenu(const QPoint& pos);
    void onControlsChanged();
    void exportWithDialog();
    QString tooltipText(const TrialRecord& trial) const;
    QString axisTitle(const Objective& o) const;

    QCustomPlot* plot_ = nullptr;
    QComboBox* xCombo_ = nullptr;
    QComboBox* yCombo_ = nullptr;
    QComboBox* colorCombo_ = nullptr;
    QCheckBox* logX_ = nullptr;
    QCheckBox* logY_ = nullptr;
    QLabel* summary_ = nullptr;
    QCPColorScale* colorScale_ = nullptr;
    QCPLayer* selectionLayer_ = nullptr;
    std::vector<QCPGraph*> dominatedGraphs_; // one per colour bin
    std::vector<QCPGraph*> frontGraphs_;
    QCPGraph* frontLine_ = nullptr;
    QCPGraph* selectedGraph_ = nullptr;
    TrialSelection* selection_ = nullptr;

    Objective x_{"valid_acc", true};
    Objective y_{"params", false};
    std::string colorMetric_;
    bool updatingControls_ = false;
    bool autoRange_ = true;

    std::vector<TrialRecord> trials_;
    std::unordered_map<int64_t, size_t> trialIndex_; // id -> trials_ position
    std::vector<std::string> metricNames_;
    std::vector<PlotPoint> points_;
    std::unordered_map<size_t, size_t> pointOfTrial_; // trials_ position -> points_ position
    std::vector<size_t> front_; // points_ positions, by x
    double colorMin_ = 0.0, colorMax_ = 1.0;
    double hypervolume_ = 0.0;
    std::vector<double> reference_;
    int64_t highlighted_ = 0;

    mutable bool xOrderDirty_ = true;
    mutable std::vector<double> sortedX_;
    mutable std::vector<size_t> xOrder_; // points_ positions by x

    QPoint pressPos_;
};

} // namespace archscape
