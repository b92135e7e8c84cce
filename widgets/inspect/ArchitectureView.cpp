#include "ArchitectureView.h"

#include "ArchitectureGraph.h"
#include "ArchitectureScene.h"
#include "GraphvizLayout.h"
#include "TrialSelection.h"
#include "ZoomingGraphicsView.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QMenu>
#include <QMetaMethod>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace archscape {

struct ArchitectureView::LaidOut
{
    std::vector<ArchitectureGraph> graphs;
    std::vector<GraphLayout> layouts;
    QString error;
};

namespace {

constexpr size_t kCacheLimit = 64;

} // namespace

ArchitectureView::ArchitectureView(QWidget* parent) : QWidget(parent)
{
    compare_ = new QCheckBox(tr("Compare: pin this trial"), this);
    compare_->setToolTip(tr("Keep the trial shown now in a second pane, beside the selected one"));
    auto* fit = new QPushButton(tr("Fit"), this);
    auto* exportButton = new QPushButton(tr("Export SVG…"), this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(compare_);
    controls->addStretch(1);
    controls->addWidget(fit);
    controls->addWidget(exportButton);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    for (Pane& pane : panes_) {
        pane.scene = new ArchitectureScene(this);
        pane.view = new ZoomingGraphicsView(pane.scene, splitter_);
        pane.view->setContextMenuPolicy(Qt::CustomContextMenu);
        splitter_->addWidget(pane.view);
    }
    panes_[1].view->hide();
    panes_[0].scene->showMessage(tr("Select a trial to see its architecture."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(splitter_, 1);

    connect(compare_, &QCheckBox::toggled, this, &ArchitectureView::setCompareMode);
    connect(fit, &QPushButton::clicked, this, [this] {
        for (Pane& pane : panes_)
            pane.view->fitAll();
    });
    connect(exportButton, &QPushButton::clicked, this, &ArchitectureView::exportWithDialog);
    for (int pane = 0; pane < 2; ++pane)
        connect(panes_[pane].view, &QWidget::customContextMenuRequested, this,
                [this, pane](const QPoint& pos) { showContextMenu(pane, pos); });
}

void ArchitectureView::showContextMenu(int pane, const QPoint& pos)
{
    const int64_t trialId = panes_[pane].trial;
    if (trialId == 0
        || !isSignalConnected(QMetaMethod::fromSignal(&ArchitectureView::exportRequested)))
        return;
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* exportAction = menu->addAction(tr("Export to ONNX…"), this,
                                            [this, trialId] { Q_EMIT exportRequested(trialId); });
    exportAction->setObjectName(QStringLiteral("exportOnnxAction"));
    menu->popup(panes_[pane].view->viewport()->mapToGlobal(pos));
}

ArchitectureView::~ArchitectureView() = default;

void ArchitectureView::setSpace(const SearchSpace& space)
{
    codec_ = std::make_unique<ArchitectureCodec>(space);
    cache_.clear();
    for (int pane = 0; pane < 2; ++pane)
        if (panes_[pane].trial != 0)
            show(pane, panes_[pane].trial);
}

void ArchitectureView::setTrials(const std::vector<TrialRecord>& trials)
{
    trials_ = trials;
    trialIndex_.clear();
    for (size_t i = 0; i < trials_.size(); ++i)
        trialIndex_[trials_[i].id] = i;
}

void ArchitectureView::appendTrials(const std::vector<TrialRecord>& trials)
{
    for (const auto& t : trials) {
        auto it = trialIndex_.find(t.id);
        if (it != trialIndex_.end()) {
            trials_[it->second] = t;
        } else {
            trialIndex_[t.id] = trials_.size();
            trials_.push_back(t);
        }
    }
}

void ArchitectureView::setSelection(TrialSelection* selection)
{
    if (selection_)
        disconnect(selection_, nullptr, this, nullptr);
    selection_ = selection;
    if (selection_) {
        connect(selection_, &TrialSelection::changed, this, &ArchitectureView::showTrial);
        if (selection_->current() != TrialSelection::kNone)
            showTrial(selection_->current());
    }
}

void ArchitectureView::showTrial(int64_t trialId)
{
    show(0, trialId);
}

bool ArchitectureView::compareMode() const
{
    return compare_->isChecked();
}

void ArchitectureView::setCompareMode(bool on)
{
    if (compare_->isChecked() != on) {
        compare_->setChecked(on); // re-enters through toggled()
        return;
    }
    panes_[1].view->setVisible(on);
    if (on && panes_[0].trial != 0)
        show(1, panes_[0].trial);
}

void ArchitectureView::setCompareTrial(int64_t trialId)
{
    if (!compareMode())
        setCompareMode(true);
    show(1, trialId);
}

QGraphicsScene* ArchitectureView::scene(int pane) const
{
    return panes_[pane == 0 ? 0 : 1].scene;
}

bool ArchitectureView::isLayoutPending() const
{
    return panes_[0].pending || panes_[1].pending;
}

QString ArchitectureView::heading(const TrialRecord& trial) const
{
    QString text = tr("Trial %1 (id %2)").arg(trial.number).arg(trial.id);
    for (const char* metric : {"valid_acc", "test_acc", "params", "flops", "latency_ms"})
        if (auto v = trial.metric(metric))
            text += QStringLiteral("  ·  %1 %2").arg(QLatin1String(metric), QString::number(*v, 'g', 6));
    return text;
}

void ArchitectureView::show(int paneIndex, int64_t trialId)
{
    Pane& pane = panes_[paneIndex];
    pane.trial = trialId;
    ++pane.generation;
    pane.pending = false;
    auto it = trialIndex_.find(trialId);
    if (trialId == TrialSelection::kNone || it == trialIndex_.end()) {
        pane.scene->showMessage(trialId == TrialSelection::kNone ? tr("Select a trial to see its architecture.")
                                                                 : tr("Trial id %1 is not in this study.").arg(trialId));
        return;
    }
    const TrialRecord& trial = trials_[it->second];
    if (!codec_) {
        pane.scene->showMessage(tr("No search space to read trial %1's architecture with.").arg(trial.number));
        return;
    }
    const std::string key = trial.encoding;
    if (auto cached = cache_.find(key); cached != cache_.end()) {
        apply(paneIndex, cached->second);
        // Asynchronous like a fresh layout, so callers see one behaviour.
        QMetaObject::invokeMethod(this, &ArchitectureView::layoutReady, Qt::QueuedConnection);
        return;
    }

    auto laidOut = std::make_shared<LaidOut>();
    try {
        const Architecture arch = codec_->decode(trial.encoding);
        laidOut->graphs.push_back(ArchitectureGraph::fromNetwork(codec_->network(arch, true), codec_->space()));
        for (const auto& [name, cell] : codec_->space().cells())
            laidOut->graphs.push_back(ArchitectureGraph::fromCell(cell, *codec_, arch));
    } catch (const std::exception& e) {
        pane.scene->showMessage(tr("Cannot read trial %1's architecture: %2").arg(trial.number).arg(QString::fromUtf8(e.what())));
        return;
    }
    for (auto& graph : laidOut->graphs)
        ArchitectureScene::measure(graph);

    pane.pending = true;
    const uint64_t generation = pane.generation;
    auto* watcher = new QFutureWatcher<std::shared_ptr<const LaidOut>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, paneIndex, generation, key] {
        watcher->deleteLater();
        std::shared_ptr<const LaidOut> result = watcher->result();
        if (result->error.isEmpty()) {
            if (cache_.size() >= kCacheLimit)
                cache_.clear();
            cache_[key] = result;
        }
        if (panes_[paneIndex].generation != generation)
            return; // the pane moved on to another trial meanwhile
        panes_[paneIndex].pending = false;
        apply(paneIndex, result);
        Q_EMIT layoutReady();
    });
    watcher->setFuture(QtConcurrent::run([laidOut]() -> std::shared_ptr<const LaidOut> {
        try {
            for (const auto& graph : laidOut->graphs)
                laidOut->layouts.push_back(GraphvizLayout::compute(graph));
        } catch (const std::exception& e) {
            laidOut->error = QString::fromUtf8(e.what());
        }
        return laidOut;
    }));
}

void ArchitectureView::apply(int paneIndex, const std::shared_ptr<const LaidOut>& laidOut)
{
    Pane& pane = panes_[paneIndex];
    if (!laidOut->error.isEmpty()) {
        pane.scene->showMessage(laidOut->error);
        return;
    }
    auto it = trialIndex_.find(pane.trial);
    const QString title = it == trialIndex_.end() ? QString() : heading(trials_[it->second]);
    pane.scene->showGraphs(title, laidOut->graphs, laidOut->layouts);
    pane.view->fitAll();
}

bool ArchitectureView::exportSvg(const QString& path, QString* error) const
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the SVG file %1: %2").arg(path, probe.errorString());
        return false;
    }
    probe.close();
    const int panes = compareMode() ? 2 : 1;
    std::vector<QRectF> sources;
    double width = 0.0, height = 0.0;
    for (int i = 0; i < panes; ++i) {
        sources.push_back(panes_[i].scene->sceneRect());
        width += sources.back().width();
        height = std::max(height, sources.back().height());
    }
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(int(width), int(height)));
    generator.setViewBox(QRectF(0, 0, width, height));
    generator.setTitle(tr("Architecture"));
    QPainter painter(&generator);
    double x = 0.0;
    for (int i = 0; i < panes; ++i) {
        const QRectF target(x, 0, sources[size_t(i)].width(), sources[size_t(i)].height());
        panes_[i].scene->render(&painter, target, sources[size_t(i)]);
        x += target.width();
    }
    painter.end();
    return true;
}

void ArchitectureView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the architecture"), QString(),
                                                      tr("SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportSvg(path, &error))
        panes_[0].scene->showMessage(error);
}

} // namespace archscape
