#include "ParetoView.h"

#include "QCustomPlotSupport.h"
#include "TrialSelection.h"
#include "TwoObjectiveFront.h"
#include "multiobjective/Hypervolume.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMetaMethod>
#include <QMouseEvent>
#include <QSvgGenerator>
#include <QTextStream>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace archscape {

namespace {

constexpr int kColorBins = 12;
const QColor kDominated(0x8a, 0x94, 0xa0, 110);
const QColor kFront(0xd6, 0x45, 0x2b);
const QColor kSelected(0x10, 0x7c, 0xd8);

QCPColorGradient colorGradient()
{
    // Viridis-like: readable on white and in greyscale.
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    g.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    g.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    return g;
}

// Dominated points are drawn as a pre-rendered disc: 100,000 vector
// ellipses (each flattened from Béziers) cost a third of a second a replot.
QPixmap discPixmap(const QColor& color, int diameter)
{
    QPixmap pixmap(diameter, diameter);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0, 0, diameter, diameter));
    return pixmap;
}

QString formatValue(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace

ParetoView::ParetoView(QWidget* parent) : QWidget(parent)
{
    buildControls();
    setUpPlot();
}

void ParetoView::buildControls()
{
    xCombo_ = new QComboBox(this);
    yCombo_ = new QComboBox(this);
    colorCombo_ = new QComboBox(this);
    logX_ = new QCheckBox(tr("log x"), this);
    logY_ = new QCheckBox(tr("log y"), this);
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(exportButton);
    menu->addAction(tr("PNG, SVG, PDF or CSV…"), this, &ParetoView::exportWithDialog);
    exportButton->setMenu(menu);
    summary_ = new QLabel(this);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("x"), this));
    controls->addWidget(xCombo_, 1);
    controls->addWidget(new QLabel(tr("y"), this));
    controls->addWidget(yCombo_, 1);
    controls->addWidget(new QLabel(tr("colour"), this));
    controls->addWidget(colorCombo_, 1);
    controls->addWidget(logX_);
    controls->addWidget(logY_);
    controls->addWidget(exportButton);

    plot_ = new QCustomPlot(this);
    plot_->setMinimumSize(320, 240);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);
    layout->addWidget(summary_);

    for (QComboBox* combo : {xCombo_, yCombo_, colorCombo_})
        connect(combo, &QComboBox::currentIndexChanged, this, &ParetoView::onControlsChanged);
    connect(logX_, &QCheckBox::toggled, this, &ParetoView::onControlsChanged);
    connect(logY_, &QCheckBox::toggled, this, &ParetoView::onControlsChanged);
}

void ParetoView::setUpPlot()
{
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    // Dominated points below the front, the selection above everything.
    plot_->addLayer(QStringLiteral("dominated"), plot_->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    plot_->addLayer(QStringLiteral("selection"), plot_->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    selectionLayer_ = plot_->layer(QStringLiteral("selection"));
    selectionLayer_->setMode(QCPLayer::lmBuffered);

    colorScale_ = new QCPColorScale(plot_);
    colorScale_->setGradient(colorGradient());
    colorScale_->setVisible(false);

    frontLine_ = plot_->addGraph();
    frontLine_->setName(tr("Pareto front"));
    frontLine_->setPen(QPen(kFront, 1.6));
    frontLine_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x30, 0x30, 0x30), 1.2), QBrush(kFront), 9));

    selectedGraph_ = plot_->addGraph();
    selectedGraph_->setLayer(selectionLayer_);
    selectedGraph_->setLineStyle(QCPGraph::lsNone);
    selectedGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kSelected, 3.0), Qt::NoBrush, 16));
    selectedGraph_->setName(tr("selected"));
    selectedGraph_->removeFromLegend();

    connect(plot_, &QCustomPlot::mouseMove, this, &ParetoView::showTooltip);
    connect(plot_, &QCustomPlot::mousePress, this, &ParetoView::onPress);
    connect(plot_, &QCustomPlot::mouseRelease, this, &ParetoView::onRelease);
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, &ParetoView::showContextMenu);
    connect(plot_, &QCustomPlot::mouseWheel, this, [this] { autoRange_ = false; });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] {
        autoRange_ = true;
        rescale();
        plot_->replot();
    });
}

// ---- data ----

void ParetoView::setTrials(const std::vector<TrialRecord>& trials)
{
    trials_ = trials;
    trialIndex_.clear();
    for (size_t i = 0; i < trials_.size(); ++i)
        trialIndex_[trials_[i].id] = i;
    autoRange_ = true;
    refillMetricChoices();
    rebuild();
}

void ParetoView::appendTrials(const std::vector<TrialRecord>& trials)
{
    bool replaced = false;
    const size_t firstNew = trials_.size();
    for (const auto& t : trials) {
        auto it = trialIndex_.find(t.id);
        if (it != trialIndex_.end()) {
            trials_[it->second] = t;
            replaced = true;
        } else {
            trialIndex_[t.id] = trials_.size();
            trials_.push_back(t);
        }
    }
    const size_t metricsBefore = metricNames_.size();
    refillMetricChoices();
    const bool colorRangeFixed = colorMetric_.empty();
    if (replaced || metricsBefore != metricNames_.size() || !colorRangeFixed) {
        rebuild();
        return;
    }

    // A point dominated by the old front stays dominated: only the old front
    // and the new points compete for the new front.
    std::vector<size_t> candidates = front_;
    const size_t firstNewPoint = points_.size();
    for (size_t i = firstNew; i < trials_.size(); ++i) {
        PlotPoint p;
        if (!pointFor(i, p))
            continue;
        pointOfTrial_[i] = points_.size();
        candidates.push_back(points_.size());
        points_.push_back(p);
    }
    if (points_.size() == firstNewPoint)
        return;
    xOrderDirty_ = true;
    std::vector<size_t> oldFront = front_;
    recomputeFront(candidates);

    QVector<double> keys, values;
    auto addDominated = [&](size_t k) {
        if (!points_[k].onFront) {
            keys.push_back(points_[k].x);
            values.push_back(points_[k].y);
        }
    };
    for (size_t k : oldFront)
        addDominated(k);
    for (size_t k = firstNewPoint; k < points_.size(); ++k)
        addDominated(k);
    dominatedGraphs_.front()->addData(keys, values);
    updateFrontLine();
    updateHypervolume();
    updateSummary();
    if (autoRange_)
        rescale();
    highlight(highlighted_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void ParetoView::setSelection(TrialSelection* selection)
{
    if (selection_)
        disconnect(selection_, nullptr, this, nullptr);
    selection_ = selection;
    if (selection_) {
        connect(selection_, &TrialSelection::changed, this, [this](int64_t id) {
            highlight(id);
            redrawSelection();
        });
        highlight(selection_->current());
        redrawSelection();
    }
}

void ParetoView::setObjectives(const Objective& x, const Objective& y)
{
    x_ = x;
    y_ = y;
    refillMetricChoices();
    rebuild();
}

void ParetoView::setColorMetric(const std::string& metric)
{
    colorMetric_ = metric;
    refillMetricChoices();
    rebuild();
}

void ParetoView::setLogAxes(bool logX, bool logY)
{
    updatingControls_ = true;
    logX_->setChecked(logX);
    logY_->setChecked(logY);
    updatingControls_ = false;
    rebuild();
}

void ParetoView::refillMetricChoices()
{
    std::set<std::string> names(metricNames_.begin(), metricNames_.end());
    for (const auto& t : trials_)
        for (const auto& [name, value] : t.metrics)
            names.insert(name);
    names.insert(x_.metric);
    names.insert(y_.metric);
    if (!colorMetric_.empty())
        names.insert(colorMetric_);
    std::vector<std::string> sorted(names.begin(), names.end());
    const bool same = sorted == metricNames_ && xCombo_->count() == int(sorted.size());
    metricNames_ = std::move(sorted);

    updatingControls_ = true;
    if (!same) {
        xCombo_->clear();
        yCombo_->clear();
        colorCombo_->clear();
        colorCombo_->addItem(tr("none"), QString());
        for (const auto& name : metricNames_) {
            const QString metric = QString::fromStdString(name);
            const QString direction = metricIsMaximized(name) ? tr("max") : tr("min");
            xCombo_->addItem(QStringLiteral("%1 (%2)").arg(metric, direction), metric);
            yCombo_->addItem(QStringLiteral("%1 (%2)").arg(metric, direction), metric);
            colorCombo_->addItem(metric, metric);
        }
    }
    xCombo_->setCurrentIndex(xCombo_->findData(QString::fromStdString(x_.metric)));
    yCombo_->setCurrentIndex(yCombo_->findData(QString::fromStdString(y_.metric)));
    colorCombo_->setCurrentIndex(std::max(0, colorCombo_->findData(QString::fromStdString(colorMetric_))));
    updatingControls_ = false;
}

void ParetoView::onControlsChanged()
{
    if (updatingControls_)
        return;
    const std::string x = xCombo_->currentData().toString().toStdString();
    const std::string y = yCombo_->currentData().toString().toStdString();
    if (x != x_.metric)
        x_ = Objective{x, metricIsMaximized(x)};
    if (y != y_.metric)
        y_ = Objective{y, metricIsMaximized(y)};
    colorMetric_ = colorCombo_->currentData().toString().toStdString();
    autoRange_ = true;
    rebuild();
}

bool ParetoView::pointFor(size_t trialIndex, PlotPoint& point) const
{
    const TrialRecord& t = trials_[trialIndex];
    if (t.state != TrialState::Complete)
        return false;
    auto x = t.metric(x_.metric);
    auto y = t.metric(y_.metric);
    if (!x || !y || !std::isfinite(*x) || !std::isfinite(*y))
        return false;
    if ((logX_->isChecked() && *x <= 0) || (logY_->isChecked() && *y <= 0))
        return false;
    point.trial = trialIndex;
    point.x = *x;
    point.y = *y;
    point.onFront = false;
    if (!colorMetric_.empty()) {
        auto c = t.metric(colorMetric_);
        point.color = c && std::isfinite(*c) ? *c : std::numeric_limits<double>::quiet_NaN();
    }
    return true;
}

void ParetoView::recomputeFront(std::vector<size_t> candidates)
{
    std::vector<double> a, b;
    a.reserve(candidates.size());
    b.reserve(candidates.size());
    for (size_t k : candidates) {
        points_[k].onFront = false;
        a.push_back(x_.minimized(points_[k].x));
        b.push_back(y_.minimized(points_[k].y));
    }
    front_.clear();
    for (int i : TwoObjectiveFront::nonDominated(a, b)) {
        points_[candidates[size_t(i)]].onFront = true;
        front_.push_back(candidates[size_t(i)]);
    }
    std::sort(front_.begin(), front_.end(), [&](size_t i, size_t j) {
        return points_[i].x != points_[j].x ? points_[i].x < points_[j].x : points_[i].y < points_[j].y;
    });
}

void ParetoView::rebuild()
{
    points_.clear();
    pointOfTrial_.clear();
    std::vector<size_t> all;
    for (size_t i = 0; i < trials_.size(); ++i) {
        PlotPoint p;
        if (!pointFor(i, p))
            continue;
        pointOfTrial_[i] = points_.size();
        all.push_back(points_.size());
        points_.push_back(p);
    }
    xOrderDirty_ = true;
    recomputeFront(std::move(all));

    colorMin_ = std::numeric_limits<double>::infinity();
    colorMax_ = -colorMin_;
    for (const auto& p : points_)
        if (!colorMetric_.empty() && !std::isnan(p.color)) {
            colorMin_ = std::min(colorMin_, p.color);
            colorMax_ = std::max(colorMax_, p.color);
        }
    if (!(colorMin_ <= colorMax_)) {
        colorMin_ = 0.0;
        colorMax_ = 1.0;
    } else if (colorMin_ == colorMax_) {
        colorMax_ = colorMin_ + 1.0;
    }

    fillGraphs();
    updateFrontLine();
    updateHypervolume();
    updateSummary();

    plot_->xAxis->setLabel(axisTitle(x_));
    plot_->yAxis->setLabel(axisTitle(y_));
    for (auto [axis, log] : {std::pair{plot_->xAxis, logX_->isChecked()}, std::pair{plot_->yAxis, logY_->isChecked()}}) {
        axis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (log)
            axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else
            axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    if (autoRange_)
        rescale();
    highlight(highlighted_);
    plot_->replot();
}

void ParetoView::fillGraphs()
{
    for (QCPGraph* g : dominatedGraphs_)
        plot_->removeGraph(g);
    for (QCPGraph* g : frontGraphs_)
        plot_->removeGraph(g);
    dominatedGraphs_.clear();
    frontGraphs_.clear();

    const bool colored = !colorMetric_.empty();
    const int bins = colored ? kColorBins : 1;
    QCPColorGradient gradient = colorGradient();
    for (int bin = 0; bin < bins; ++bin) {
        const QColor binColor = colored ? QColor(gradient.color(colorMin_ + (bin + 0.5) * (colorMax_ - colorMin_) / bins,
                                                                QCPRange(colorMin_, colorMax_)))
                                        : kDominated;
        QColor dim = binColor;
        dim.setAlpha(colored ? 170 : 130);
        QCPGraph* dominated = plot_->addGraph();
        dominated->setLineStyle(QCPGraph::lsNone);
        dominated->setScatterStyle(QCPScatterStyle(discPixmap(dim, 5)));
        dominated->setName(tr("dominated"));
        dominated->setLayer(QStringLiteral("dominated"));
        if (bin > 0)
            dominated->removeFromLegend();
        dominatedGraphs_.push_back(dominated);

        QCPGraph* front = plot_->addGraph();
        front->setLineStyle(QCPGraph::lsNone);
        front->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x30, 0x30, 0x30), 1.2), QBrush(binColor), 9));
        front->removeFromLegend();
        frontGraphs_.push_back(front);
    }

    auto binOf = [&](const PlotPoint& p) {
        if (!colored || std::isnan(p.color))
            return 0;
        const double t = (p.color - colorMin_) / (colorMax_ - colorMin_);
        return std::clamp(int(t * bins), 0, bins - 1);
    };
    const size_t binCount = size_t(bins);
    std::vector<QVector<double>> dx(binCount), dy(binCount), fx(binCount), fy(binCount);
    for (const auto& p : points_) {
        const size_t bin = size_t(binOf(p));
        if (p.onFront && colored) {
            fx[bin].push_back(p.x);
            fy[bin].push_back(p.y);
        } else if (!p.onFront) {
            dx[bin].push_back(p.x);
            dy[bin].push_back(p.y);
        }
    }
    for (size_t bin = 0; bin < size_t(bins); ++bin) {
        dominatedGraphs_[bin]->setData(dx[bin], dy[bin]);
        frontGraphs_[bin]->setData(fx[bin], fy[bin]);
    }

    colorScale_->setVisible(colored);
    if (colored) {
        if (plot_->plotLayout()->columnCount() < 2)
            plot_->plotLayout()->addElement(0, 1, colorScale_);
        colorScale_->setDataRange(QCPRange(colorMin_, colorMax_));
        colorScale_->axis()->setLabel(QString::fromStdString(colorMetric_));
    } else if (plot_->plotLayout()->columnCount() > 1) {
        plot_->plotLayout()->take(colorScale_);
        plot_->plotLayout()->simplify();
    }
}

void ParetoView::updateFrontLine()
{
    // Non-coloured mode: the front line draws its own emphasised points.
    QVector<double> keys, values;
    for (size_t k : front_) {
        keys.push_back(points_[k].x);
        values.push_back(points_[k].y);
    }
    frontLine_->setData(keys, values, true);
    frontLine_->setLineStyle(x_.maximize ? QCPGraph::lsStepRight : QCPGraph::lsStepLeft);
    const bool colored = !colorMetric_.empty();
    frontLine_->setScatterStyle(colored ? QCPScatterStyle(QCPScatterStyle::ssNone)
                                        : QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0x30, 0x30, 0x30), 1.2), QBrush(kFront), 9));
}

void ParetoView::updateHypervolume()
{
    hypervolume_ = 0.0;
    reference_.clear();
    if (points_.empty())
        return;
    double worstA = -std::numeric_limits<double>::infinity(), worstB = worstA;
    double bestA = std::numeric_limits<double>::infinity(), bestB = bestA;
    for (const auto& p : points_) {
        const double a = x_.minimized(p.x), b = y_.minimized(p.y);
        worstA = std::max(worstA, a);
        worstB = std::max(worstB, b);
        bestA = std::min(bestA, a);
        bestB = std::min(bestB, b);
    }
    reference_ = {worstA + 0.1 * (worstA - bestA), worstB + 0.1 * (worstB - bestB)};
    std::vector<std::vector<double>> front;
    for (size_t k : front_)
        front.push_back({x_.minimized(points_[k].x), y_.minimized(points_[k].y)});
    hypervolume_ = Hypervolume::compute(front, reference_);
}

void ParetoView::updateSummary()
{
    if (points_.empty()) {
        summary_->setText(tr("No complete trial has both %1 and %2.")
                              .arg(QString::fromStdString(x_.metric), QString::fromStdString(y_.metric)));
        return;
    }
    // The reference is shown in the metrics' own units and directions.
    const double refX = x_.maximize ? -reference_[0] : reference_[0];
    const double refY = y_.maximize ? -reference_[1] : reference_[1];
    summary_->setText(tr("%1 trials, %2 on the front · hypervolume %3 (reference %4 = %5, %6 = %7: "
                         "the worst drawn value of each, 10 % of the range beyond)")
                          .arg(points_.size())
                          .arg(front_.size())
                          .arg(formatValue(hypervolume_))
                          .arg(QString::fromStdString(x_.metric), formatValue(refX))
                          .arg(QString::fromStdString(y_.metric), formatValue(refY)));
    summary_->setWordWrap(true);
}

void ParetoView::rescale()
{
    if (points_.empty())
        return;
    plot_->rescaleAxes();
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        QCPRange r = axis->range();
        if (axis->scaleType() == QCPAxis::stLogarithmic) {
            axis->setRange(r.lower / 1.25, r.upper * 1.25);
        } else {
            const double pad = r.size() > 0 ? 0.05 * r.size() : std::max(1.0, std::abs(r.lower) * 0.05);
            axis->setRange(r.lower - pad, r.upper + pad);
        }
    }
}

QString ParetoView::axisTitle(const Objective& o) const
{
    return QStringLiteral("%1 (%2)").arg(QString::fromStdString(o.metric),
                                         o.maximize ? tr("higher is better") : tr("lower is better"));
}

std::vector<int64_t> ParetoView::frontTrialIds() const
{
    std::vector<int64_t> ids;
    for (size_t k : front_)
        ids.push_back(trials_[points_[k].trial].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// ---- selection and hit testing ----

void ParetoView::highlight(int64_t trialId)
{
    highlighted_ = trialId;
    selectedGraph_->data()->clear();
    auto it = trialIndex_.find(trialId);
    if (it == trialIndex_.end())
        return;
    auto p = pointOfTrial_.find(it->second);
    if (p == pointOfTrial_.end())
        return;
    selectedGraph_->addData(points_[p->second].x, points_[p->second].y);
}

void ParetoView::redrawSelection()
{
    selectionLayer_->replot();
}

void ParetoView::ensureXOrder() const
{
    if (!xOrderDirty_)
        return;
    xOrder_.resize(points_.size());
    for (size_t i = 0; i < points_.size(); ++i)
        xOrder_[i] = i;
    std::sort(xOrder_.begin(), xOrder_.end(), [&](size_t i, size_t j) { return points_[i].x < points_[j].x; });
    sortedX_.resize(points_.size());
    for (size_t i = 0; i < xOrder_.size(); ++i)
        sortedX_[i] = points_[xOrder_[i]].x;
    xOrderDirty_ = false;
}

int ParetoView::nearestPoint(QPointF pixel, double radius) const
{
    if (points_.empty())
        return -1;
    ensureXOrder();
    const double x1 = plot_->xAxis->pixelToCoord(pixel.x() - radius);
    const double x2 = plot_->xAxis->pixelToCoord(pixel.x() + radius);
    auto first = std::lower_bound(sortedX_.begin(), sortedX_.end(), std::min(x1, x2));
    auto last = std::upper_bound(sortedX_.begin(), sortedX_.end(), std::max(x1, x2));
    int best = -1;
    double bestDistance = radius * radius;
    for (auto it = first; it != last; ++it) {
        const size_t k = xOrder_[size_t(it - sortedX_.begin())];
        const double dx = plot_->xAxis->coordToPixel(points_[k].x) - pixel.x();
        const double dy = plot_->yAxis->coordToPixel(points_[k].y) - pixel.y();
        const double d = dx * dx + dy * dy;
        // Front points win ties: they are drawn on top.
        if (d < bestDistance || (d == bestDistance && best >= 0 && points_[k].onFront && !points_[size_t(best)].onFront)) {
            bestDistance = d;
            best = int(k);
        }
    }
    return best;
}

int64_t ParetoView::trialAt(QPointF pixel, double radius) const
{
    const int k = nearestPoint(pixel, radius);
    return k < 0 ? 0 : trials_[points_[size_t(k)].trial].id;
}

QPoint ParetoView::pixelOfTrial(int64_t trialId) const
{
    auto it = trialIndex_.find(trialId);
    if (it == trialIndex_.end())
        return {};
    auto p = pointOfTrial_.find(it->second);
    if (p == pointOfTrial_.end())
        return {};
    const PlotPoint& point = points_[p->second];
    return QPointF(plot_->xAxis->coordToPixel(point.x), plot_->yAxis->coordToPixel(point.y)).toPoint();
}

QString ParetoView::tooltipText(const TrialRecord& trial) const
{
    QString text = tr("Trial %1 (id %2)").arg(trial.number).arg(trial.id);
    for (const auto& [name, value] : trial.metrics)
        text += QStringLiteral("\n%1: %2").arg(QString::fromStdString(name), formatValue(value));
    return text;
}

void ParetoView::showTooltip(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton) {
        autoRange_ = false;
        return;
    }
    const int k = nearestPoint(event->position(), 8.0);
    if (k < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), tooltipText(trials_[points_[size_t(k)].trial]), plot_);
}

void ParetoView::onPress(QMouseEvent* event)
{
    pressPos_ = event->position().toPoint();
}

void ParetoView::onRelease(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || (event->position().toPoint() - pressPos_).manhattanLength() > 4)
        return;
    const int64_t id = trialAt(event->position());
    if (id == 0)
        return;
    if (selection_) {
        selection_->select(id);
    } else {
        highlight(id);
        redrawSelection();
    }
}

void ParetoView::showContextMenu(const QPoint& pos)
{
    const int64_t id = trialAt(pos);
    if (id == 0 || !isSignalConnected(QMetaMethod::fromSignal(&ParetoView::exportRequested)))
        return;
    if (selection_)
        selection_->select(id);
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* exportAction =
        menu->addAction(tr("Export to ONNX…"), this, [this, id] { Q_EMIT exportRequested(id); });
    exportAction->setObjectName(QStringLiteral("exportOnnxAction"));
    menu->popup(plot_->mapToGlobal(pos));
}

// ---- export ----

bool ParetoView::exportPng(const QString& path, QString* error)
{
    if (plot_->savePng(path, plot_->width(), plot_->height(), 2.0))
        return true;
    if (error)
        *error = tr("Cannot write the PNG file %1.").arg(path);
    return false;
}

bool ParetoView::exportPdf(const QString& path, QString* error)
{
    if (plot_->savePdf(path, plot_->width(), plot_->height()))
        return true;
    if (error)
        *error = tr("Cannot write the PDF file %1.").arg(path);
    return false;
}

bool ParetoView::exportSvg(const QString& path, QString* error)
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the SVG file %1: %2").arg(path, probe.errorString());
        return false;
    }
    probe.close();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(plot_->size());
    generator.setViewBox(plot_->rect());
    generator.setTitle(tr("Pareto front"));
    QCPPainter painter;
    painter.begin(&generator);
    plot_->toPainter(&painter, plot_->width(), plot_->height());
    painter.end();
    return true;
}

bool ParetoView::exportCsv(const QString& path, QString* error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write the CSV file %1: %2").arg(path, file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << "trial_id,number," << QString::fromStdString(x_.metric) << ',' << QString::fromStdString(y_.metric);
    if (!colorMetric_.empty())
        out << ',' << QString::fromStdString(colorMetric_);
    out << ",on_front\n";
    std::vector<size_t> order(points_.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t i, size_t j) {
        return trials_[points_[i].trial].number < trials_[points_[j].trial].number;
    });
    for (size_t k : order) {
        const PlotPoint& p = points_[k];
        const TrialRecord& t = trials_[p.trial];
        out << t.id << ',' << t.number << ',' << QString::number(p.x, 'g', 17) << ','
            << QString::number(p.y, 'g', 17);
        if (!colorMetric_.empty())
            out << ',' << (std::isnan(p.color) ? QString() : QString::number(p.color, 'g', 17));
        out << ',' << (p.onFront ? 1 : 0) << '\n';
    }
    out.flush();
    if (file.error() != QFile::NoError) {
        if (error)
            *error = tr("Cannot write the CSV file %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ParetoView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Pareto view"), QString(),
                                                      tr("PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf);;CSV table (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    bool ok = false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg"))
        ok = exportSvg(path, &error);
    else if (suffix == QLatin1String("pdf"))
        ok = exportPdf(path, &error);
    else if (suffix == QLatin1String("csv"))
        ok = exportCsv(path, &error);
    else
        ok = exportPng(suffix == QLatin1String("png") ? path : path + QStringLiteral(".png"), &error);
    if (!ok)
        summary_->setText(error);
}

} // namespace archscape
