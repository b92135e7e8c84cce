#pragma once
// The study open in the main window and every view of it: the run panel,
// the trials table, the training curves, the Pareto front, the architecture
// and the predictor views, each in a dock, all linked through one
// TrialSelection. Opening another study replaces the session under them.
// While no study is open, each view but the run panel shows a placeholder
// saying what will appear there and how to get it.

#include <QList>
#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace archscape {

class ArchitectureView;
class CurvesView;
class ParetoView;
class PlaceholderStack;
class PredictorView;
class RunPanel;
class StudySession;
class TrialSelection;
class TrialsPanel;

class StudyWorkspace : public QObject
{
    Q_OBJECT

public:
    // Adds the docks to `window` (dock layout restored by the window).
    explicit StudyWorkspace(QMainWindow* window);
    ~StudyWorkspace() override;

    // Opens a study file, stopping a search of the study open before.
    // Throws (StorageError, SpaceError, std::invalid_argument) with the reason.
    void open(const QString& path);
    // Stops a running search and closes the study; the views show their
    // placeholders again.
    void close();
    StudySession* session() const { return session_; }

    TrialSelection* selection() const { return selection_; }
    RunPanel* runPanel() const { return runPanel_; }
    TrialsPanel* trialsPanel() const { return trialsPanel_; }
    CurvesView* curvesView() const { return curvesView_; }
    ParetoView* paretoView() const { return paretoView_; }
    ArchitectureView* architectureView() const { return architectureView_; }
    PredictorView* predictorView() const { return predictorView_; }
    QList<QDockWidget*> docks() const { return docks_; }
    // The docks' placeholders (all but the run panel's), shown while no study is open.
    QList<PlaceholderStack*> placeholders() const { return placeholders_; }
    // One toggle per dock, for the View menu.
    void addViewActions(QMenu* menu) const;
    // Brings the study's views to the front (after a study opens).
    void raiseViews();

Q_SIGNALS:
    void sessionChanged(archscape::StudySession* session);

private:
    // A non-empty `placeholder` says what the view will show once a study is open.
    QDockWidget* addDock(QWidget* widget, const QString& title, const QString& objectName,
                         Qt::DockWidgetArea area, const QString& placeholder = {});
    void connectViews();
    void showPlaceholders(bool shown);

    QMainWindow* window_;
    TrialSelection* selection_;
    StudySession* session_ = nullptr;
    RunPanel* runPanel_;
    TrialsPanel* trialsPanel_;
    CurvesView* curvesView_;
    ParetoView* paretoView_;
    ArchitectureView* architectureView_;
    PredictorView* predictorView_;
    QList<QDockWidget*> docks_; // run, trials, pareto, curves, architecture, predictor
    QList<PlaceholderStack*> placeholders_;
};

} // namespace archscape
