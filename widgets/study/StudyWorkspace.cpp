#include "StudyWorkspace.h"

#include "CurvesView.h"
#include "PlaceholderStack.h"
#include "StudySession.h"
#include "TrialSelection.h"
#include "TrialsPanel.h"
#include "inspect/ArchitectureView.h"
#include "inspect/ParetoView.h"
#include "inspect/PredictorView.h"
#include "run/BackgroundSearch.h"
#include "run/RunPanel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QTimer>

namespace archscape {

StudyWorkspace::StudyWorkspace(QMainWindow* window)
    : QObject(window), window_(window), selection_(new TrialSelection(this)),
      runPanel_(new RunPanel(window)), trialsPanel_(new TrialsPanel(selection_, window)),
      curvesView_(new CurvesView(selection_, window)), paretoView_(new ParetoView(window)),
      architectureView_(new ArchitectureView(window)), predictorView_(new PredictorView(window))
{
    paretoView_->setSelection(selection_);
    architectureView_->setSelection(selection_);
    predictorView_->setSelection(selection_);

    QDockWidget* run = addDock(runPanel_, tr("Run"), QStringLiteral("runDock"), Qt::RightDockWidgetArea);
    QDockWidget* trials =
        addDock(trialsPanel_, tr("Trials"), QStringLiteral("trialsDock"), Qt::BottomDockWidgetArea,
                tr("The trials of a search will be listed here, with their metrics."));
    QDockWidget* pareto = addDock(
        paretoView_, tr("Pareto Front"), QStringLiteral("paretoDock"), Qt::BottomDockWidgetArea,
        tr("The trade-off between two objectives will be plotted here, the best trials "
           "highlighted."));
    QDockWidget* curves =
        addDock(curvesView_, tr("Curves"), QStringLiteral("curvesDock"), Qt::BottomDockWidgetArea,
                tr("The training curves of the selected trial will be drawn here."));
    QDockWidget* architecture =
        addDock(architectureView_, tr("Architecture"), QStringLiteral("architectureDock"),
                Qt::BottomDockWidgetArea,
                tr("The network of the selected trial will be drawn here."));
    QDockWidget* predictor = addDock(
        predictorView_, tr("Predictor"), QStringLiteral("predictorDock"), Qt::BottomDockWidgetArea,
        tr("How well a predictor's estimates match the measured metric will be shown here."));
    // Trials | Pareto | Architecture along the bottom; curves and the
    // predictor as tabs beside the front and the architecture.
    window_->splitDockWidget(trials, pareto, Qt::Horizontal);
    window_->splitDockWidget(pareto, architecture, Qt::Horizontal);
    window_->tabifyDockWidget(pareto, curves);
    window_->tabifyDockWidget(architecture, predictor);
    pareto->raise();
    architecture->raise();
    // The run panel shares the right column with the block properties,
    // which stay in front while the user edits a space.
    if (auto* properties = window_->findChild<QDockWidget*>(QStringLiteral("propertiesDock"))) {
        window_->tabifyDockWidget(properties, run);
        properties->raise();
    }
}

StudyWorkspace::~StudyWorkspace()
{
    runPanel_->search()->stopAndWait();
}

QDockWidget* StudyWorkspace::addDock(QWidget* widget, const QString& title,
                                     const QString& objectName, Qt::DockWidgetArea area,
                                     const QString& placeholder)
{
    auto* dock = new QDockWidget(title, window_);
    dock->setObjectName(objectName);
    if (placeholder.isEmpty()) {
        dock->setWidget(widget);
    } else {
        const QString howTo = tr("No study is open. Create one from this space with File > New "
                                 "Study…, or open one with File > Open…; then start a search in "
                                 "the Run dock.");
        auto* stack = new PlaceholderStack(
            widget,
            QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                .arg(placeholder.toHtmlEscaped(), howTo.toHtmlEscaped()),
            dock);
        stack->setObjectName(objectName + QStringLiteral("Placeholder"));
        placeholders_ << stack;
        dock->setWidget(stack);
    }
    window_->addDockWidget(area, dock);
    docks_ << dock;
    return dock;
}

void StudyWorkspace::addViewActions(QMenu* menu) const
{
    for (QDockWidget* dock : docks_)
        menu->addAction(dock->toggleViewAction());
}

void StudyWorkspace::raiseViews()
{
    for (QDockWidget* dock : docks_)
        if (dock->objectName() == QLatin1String("runDock")
            || dock->objectName() == QLatin1String("trialsDock"))
            dock->raise();
    // Room for the views when they are squeezed (the first layout), once
    // the window is laid out; a layout the user made (or restored) stays.
    QTimer::singleShot(0, this, [this] {
        if (docks_[1]->height() < window_->height() / 4)
            window_->resizeDocks({docks_[1]}, {window_->height() * 2 / 5}, Qt::Vertical);
        if (docks_[1]->width() < window_->width() / 3)
            window_->resizeDocks({docks_[1]}, {window_->width() * 2 / 5}, Qt::Horizontal);
    });
}

void StudyWorkspace::open(const QString& path)
{
    StudySession* next = StudySession::open(path, this); // throws before anything changes
    runPanel_->search()->stopAndWait();
    selection_->select(TrialSelection::kNone);
    StudySession* previous = session_;
    session_ = next;
    connectViews();
    delete previous;
    showPlaceholders(false);
    Q_EMIT sessionChanged(session_);
    session_->loadAllTrials();
}

void StudyWorkspace::close()
{
    if (!session_)
        return;
    runPanel_->search()->stopAndWait();
    selection_->select(TrialSelection::kNone);
    runPanel_->setSession(nullptr);
    trialsPanel_->setSession(nullptr);
    curvesView_->setSession(nullptr);
    predictorView_->setStorage(nullptr);
    paretoView_->setTrials({});
    architectureView_->setTrials({});
    delete session_;
    session_ = nullptr;
    showPlaceholders(true);
    Q_EMIT sessionChanged(nullptr);
}

void StudyWorkspace::showPlaceholders(bool shown)
{
    for (PlaceholderStack* placeholder : placeholders_)
        placeholder->setPlaceholderShown(shown);
}

void StudyWorkspace::connectViews()
{
    runPanel_->setSession(session_);
    trialsPanel_->setSession(session_);
    curvesView_->setSession(session_);
    architectureView_->setSpace(session_->space());
    predictorView_->setStorage(&session_->storage());
    if (const auto& settings = session_->settings(); settings && settings->objectives.size() >= 2)
        paretoView_->setObjectives(settings->objectives[0], settings->objectives[1]);
    paretoView_->setTrials({});
    architectureView_->setTrials({});

    connect(session_, &StudySession::trialsReplaced, this, [this](const std::vector<TrialRecord>& t) {
        paretoView_->setTrials(t);
        architectureView_->setTrials(t);
        // A trial selected while the trials were loading is drawn now.
        architectureView_->showTrial(selection_->current());
    });
    connect(session_, &StudySession::trialsUpdated, this, [this](const std::vector<TrialRecord>& t) {
        paretoView_->appendTrials(t);
        architectureView_->appendTrials(t);
    });
    // Predictions come in bulk; re-reading them once a second is enough.
    auto* predictorRefresh = new QTimer(session_);
    predictorRefresh->setSingleShot(true);
    predictorRefresh->setInterval(1000);
    connect(predictorRefresh, &QTimer::timeout, predictorView_, &PredictorView::refresh);
    connect(session_, &StudySession::changed, predictorRefresh, [predictorRefresh] {
        if (!predictorRefresh->isActive())
            predictorRefresh->start();
    });
}

} // namespace archscape
