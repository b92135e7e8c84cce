#include "PredictorView.h"

#include "QCustomPlotSupport.h"
#include "TrialSelection.h"
#include "stats/RankCorrelation.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace archscape {

namespace {

const QColor kPoint(0x35, 0x7a, 0xb8, 150);
const QColor kSelected(0xd6, 0x45, 0x2b);

QCPGraph* scatterGraph(QCustomPlot* plot, QCPAxisRect* rect, const QColor& color, double size)
{
    QCPGraph* g = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, size));
    return g;
}

QString number(double v)
{
    return std::isnan(v) ? QStringLiteral("n/a") : QString::number(v, 'f', 3);
}

} // namespace

PredictorView::PredictorView(QWidget* parent) : QWidget(parent)
{
    combo_ = new QComboBox(this);
    summary_ = new QLabel(this);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Predictor"), this));
    controls->addWidget(combo_, 1);
    controls->addWidget(summary_, 2);

    plot_ = new QCustomPlot(this);
    plot_->setMinimumSize(320, 320);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    scatterRect_ = plot_->axisRect();
    residualRect_ = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(1, 0, residualRect_);
    plot_->plotLayout()->setRowStretchFactor(0, 2.0);
    plot_->plotLayout()->setRowStretchFactor(1, 1.0);
    // Both plots share the measured axis.
    auto* group = new QCPMarginGroup(plot_);
    scatterRect_->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    residualRect_->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    connect(scatterRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            residualRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    for (QCPAxisRect* rect : {scatterRect_, residualRect_})
        rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    scatterRect_->axis(QCPAxis::atLeft)->setLabel(tr("predicted"));
    residualRect_->axis(QCPAxis::atBottom)->setLabel(tr("measured"));
    residualRect_->axis(QCPAxis::atLeft)->setLabel(tr("predicted − measured"));

    plot_->addLayer(QStringLiteral("selection"), plot_->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    plot_->layer(QStringLiteral("selection"))->setMode(QCPLayer::lmBuffered);

    identity_ = plot_->addGraph(scatterRect_->axis(QCPAxis::atBottom), scatterRect_->axis(QCPAxis::atLeft));
    identity_->setPen(QPen(QColor(0x55, 0x5d, 0x66), 1.2, Qt::DashLine));
    zeroLine_ = plot_->addGraph(residualRect_->axis(QCPAxis::atBottom), residualRect_->axis(QCPAxis::atLeft));
    zeroLine_->setPen(QPen(QColor(0x55, 0x5d, 0x66), 1.2, Qt::DashLine));
    scatter_ = scatterGraph(plot_, scatterRect_, kPoint, 6);
    residuals_ = scatterGraph(plot_, residualRect_, kPoint, 5);
    selectedScatter_ = scatterGraph(plot_, scatterRect_, kSelected, 0);
    selectedResidual_ = scatterGraph(plot_, residualRect_, kSelected, 0);
    for (QCPGraph* g : {selectedScatter_, selectedResidual_}) {
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kSelected, 3.0), Qt::NoBrush, 15));
        g->setLayer(QStringLiteral("selection"));
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);

    connect(combo_, &QComboBox::currentIndexChanged, this, [this] {
        if (!updatingCombo_)
            setPredictor(combo_->currentText().toStdString());
    });
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { pressPos_ = e->position().toPoint(); });
    connect(plot_, &QCustomPlot::mouseRelease, this, &PredictorView::onRelease);
    connect(plot_, &QCustomPlot::mouseMove, this, &PredictorView::showTooltip);
    redraw();
}

void PredictorView::setStorage(const StudyStorage* storage)
{
    storage_ = storage;
    refresh();
}

void PredictorView::refresh()
{
    std::vector<std::string> names;
    if (storage_)
        names = storage_->predictorNames();
    updatingCombo_ = true;
    combo_->clear();
    for (const auto& name : names)
        combo_->addItem(QString::fromStdString(name));
    if (std::find(names.begin(), names.end(), predictor_) == names.end())
        predictor_ = names.empty() ? std::string() : names.front();
    combo_->setCurrentText(QString::fromStdString(predictor_));
    updatingCombo_ = false;
    loadPredictions();
}

void PredictorView::setPredictor(const std::string& name)
{
    predictor_ = name;
    updatingCombo_ = true;
    combo_->setCurrentText(QString::fromStdString(name));
    updatingCombo_ = false;
    loadPredictions();
}

void PredictorView::setSelection(TrialSelection* selection)
{
    if (selection_)
        disconnect(selection_, nullptr, this, nullptr);
    selection_ = selection;
    if (selection_) {
        connect(selection_, &TrialSelection::changed, this, [this](int64_t id) {
            highlight(id);
            plot_->layer(QStringLiteral("selection"))->replot();
        });
        highlight(selection_->current());
    }
}

void PredictorView::loadPredictions()
{
    points_.clear();
    if (storage_ && !predictor_.empty()) {
        // Rows come oldest first: a later prediction of a trial replaces an earlier one.
        std::map<int64_t, size_t> byTrial;
        for (const auto& row : storage_->predictions(predictor_)) {
            if (!row.measured || !std::isfinite(*row.measured) || !std::isfinite(row.predicted))
                continue;
            auto [it, inserted] = byTrial.emplace(row.trialId, points_.size());
            if (inserted)
                points_.push_back({row.trialId, row.predicted, *row.measured});
            else
                points_[it->second] = {row.trialId, row.predicted, *row.measured};
        }
    }
    tau_ = kendallTau(predicted(), measured());
    rho_ = spearmanRho(predicted(), measured());
    redraw();
}

std::vector<double> PredictorView::predicted() const
{
    std::vector<double> v;
    for (const auto& p : points_)
        v.push_back(p.predicted);
    return v;
}

std::vector<double> PredictorView::measured() const
{
    std::vector<double> v;
    for (const auto& p : points_)
        v.push_back(p.measured);
    return v;
}

void PredictorView::redraw()
{
    QVector<double> x, y, residual;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const auto& p : points_) {
        x.push_back(p.measured);
        y.push_back(p.predicted);
        residual.push_back(p.predicted - p.measured);
        lo = std::min({lo, p.measured, p.predicted});
        hi = std::max({hi, p.measured, p.predicted});
    }
    scatter_->setData(x, y);
    residuals_->setData(x, residual);
    if (points_.empty()) {
        lo = 0.0;
        hi = 1.0;
    }
    const double pad = hi > lo ? 0.05 * (hi - lo) : 1.0;
    identity_->setData(QVector<double>{lo - pad, hi + pad}, QVector<double>{lo - pad, hi + pad});
    zeroLine_->setData(QVector<double>{lo - pad, hi + pad}, QVector<double>{0.0, 0.0});

    scatterRect_->axis(QCPAxis::atBottom)->setRange(lo - pad, hi + pad);
    scatterRect_->axis(QCPAxis::atLeft)->setRange(lo - pad, hi + pad);
    residualRect_->axis(QCPAxis::atBottom)->setRange(lo - pad, hi + pad);
    bool found = false;
    const QCPRange r = residuals_->getValueRange(found);
    const double rpad = found && r.size() > 0 ? 0.1 * r.size() : 1.0;
    residualRect_->axis(QCPAxis::atLeft)->setRange(found ? r.lower - rpad : -1.0, found ? r.upper + rpad : 1.0);

    if (predictor_.empty())
        summary_->setText(tr("No predictor has stored predictions in this study."));
    else
        summary_->setText(tr("%1 trials · Kendall τ %2 · Spearman ρ %3")
                              .arg(points_.size())
                              .arg(number(tau_), number(rho_)));
    highlight(highlighted_);
    plot_->replot();
}

void PredictorView::highlight(int64_t trialId)
{
    highlighted_ = trialId;
    selectedScatter_->data()->clear();
    selectedResidual_->data()->clear();
    for (const auto& p : points_)
        if (p.trialId == trialId) {
            selectedScatter_->addData(p.measured, p.predicted);
            selectedResidual_->addData(p.measured, p.predicted - p.measured);
        }
}

int PredictorView::nearest(QPointF pixel, double radius) const
{
    int best = -1;
    double bestDistance = radius * radius;
    const bool inResidual = residualRect_->rect().contains(pixel.toPoint());
    const QCPAxisRect* rect = inResidual ? residualRect_ : scatterRect_;
    QCPAxis* xAxis = rect->axis(QCPAxis::atBottom);
    QCPAxis* yAxis = rect->axis(QCPAxis::atLeft);
    for (size_t i = 0; i < points_.size(); ++i) {
        const Point& p = points_[i];
        const double value = inResidual ? p.predicted - p.measured : p.predicted;
        const double dx = xAxis->coordToPixel(p.measured) - pixel.x();
        const double dy = yAxis->coordToPixel(value) - pixel.y();
        if (dx * dx + dy * dy < bestDistance) {
            bestDistance = dx * dx + dy * dy;
            best = int(i);
        }
    }
    return best;
}

int64_t PredictorView::trialAt(QPointF pixel, double radius) const
{
    const int i = nearest(pixel, radius);
    return i < 0 ? 0 : points_[size_t(i)].trialId;
}

QPoint PredictorView::pixelOfTrial(int64_t trialId) const
{
    for (const auto& p : points_)
        if (p.trialId == trialId)
            return QPointF(scatterRect_->axis(QCPAxis::atBottom)->coordToPixel(p.measured),
                           scatterRect_->axis(QCPAxis::atLeft)->coordToPixel(p.predicted))
                .toPoint();
    return {};
}

void PredictorView::onRelease(QMouseEvent* event)
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
        plot_->layer(QStringLiteral("selection"))->replot();
    }
}

void PredictorView::showTooltip(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton)
        return;
    const int i = nearest(event->position(), 8.0);
    if (i < 0) {
        QToolTip::hideText();
        return;
    }
    const Point& p = points_[size_t(i)];
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("Trial id %1\npredicted %2\nmeasured %3\nresidual %4")
                           .arg(p.trialId)
                           .arg(p.predicted, 0, 'g', 6)
                           .arg(p.measured, 0, 'g', 6)
                           .arg(p.predicted - p.measured, 0, 'g', 6),
                       plot_);
}

} // namespace archscape
