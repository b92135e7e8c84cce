// Searching from the app: a study created from the space on the canvas, a
// NAS-Bench-201 tabular search started from the run panel (on its own
// thread) and waited for; the trials table then shows every trial, and a
// row selected there is the trial the curves, Pareto and architecture views
// show. Pause holds the search, Stop ends it, Resume continues it to a
// larger budget; bad settings are explained, not crashed on. A long phase
// (a supernet's training) takes the progress bar and status line while it
// runs, then gives them back to the trials.

#include "MainWindow.h"
#include "SpaceDocument.h"
#include "TrialSelection.h"
#include "WidgetTestSupport.h"
#include "inspect/ArchitectureView.h"
#include "inspect/ParetoView.h"
#include "multiobjective/ParetoRanking.h"
#include "run/BackgroundSearch.h"
#include "run/RunPanel.h"
#include "storage/SqliteStudyStorage.h"
#include "study/CurvesView.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/TrialTableModel.h"
#include "study/TrialsPanel.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace archscape;

namespace {

QString nb201Table()
{
    return qEnvironmentVariable("ARCHSCAPE_SHARED_DATA") + "/nb201/nb201_cifar10.csv";
}

void fillForm(RunPanel* panel, const QString& strategy, int budget)
{
    panel->strategyBox()->setCurrentText(strategy);
    panel->evaluatorBox()->setCurrentText("nb201");
    panel->objectivesEdit()->setText("valid_acc:max,params:min");
    panel->budgetBox()->setValue(budget);
    panel->seedBox()->setValue(4);
    panel->dataEdit()->setText(nb201Table());
}

} // namespace

class TestRunPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void searchFromTheRunPanelFillsTheViews();
    void pauseStopAndResume();
    void badSettingsAreExplained();
    void aPhaseTakesTheBarThenGivesItBack();

private:
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
};

void TestRunPanel::initTestCase()
{
    QVERIFY(dir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
    QCoreApplication::setOrganizationName("ArchscapeTests");
    QCoreApplication::setApplicationName("tst_runpanel");
    QVERIFY2(QFile::exists(nb201Table()), qPrintable(nb201Table()));
}

void TestRunPanel::init()
{
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->openFile(widgettest::bundledSpacePath("nb201.json")));
}

void TestRunPanel::cleanup()
{
    window_.reset();
}

void TestRunPanel::searchFromTheRunPanelFillsTheViews()
{
    const QString path = dir_.filePath("evolution.db");
    QVERIFY(window_->createStudy(path));
    StudyWorkspace* studies = window_->studyWorkspace();
    QVERIFY(studies->session());
    QVERIFY(window_->windowTitle().contains("evolution.db"));
    RunPanel* panel = studies->runPanel();
    QVERIFY(panel->startButton()->isEnabled());
    fillForm(panel, "evolution", 300);

    QSignalSpy finished(panel, &RunPanel::searchFinished);
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(panel->isRunning() || finished.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(panel->progressBar()->value(), 300);
    QCOMPARE(panel->progressBar()->maximum(), 300);
    QVERIFY2(panel->statusLabel()->text().contains("best valid_acc"), qPrintable(panel->statusLabel()->text()));
    QVERIFY(panel->log()->toPlainText().contains("Done: 300 trials"));
    QVERIFY(!panel->startButton()->isEnabled());
    QVERIFY(panel->resumeButton()->isEnabled()); // to a larger budget

    // The table shows every trial the engine stored.
    auto stored = SqliteStudyStorage::openReadOnly(path.toStdString())->trials();
    QCOMPARE(stored.size(), size_t(300));
    TrialsPanel* trials = studies->trialsPanel();
    QTRY_COMPARE(trials->model()->rowCount(), 300);
    for (int row : {0, 150, 299}) {
        QCOMPARE(trials->model()->trialIdAt(row), stored[size_t(row)].id);
        QCOMPARE(trials->model()->data(trials->model()->index(row, 1)).toString(), QString("complete"));
    }

    // A row selected in the table is the trial every view shows.
    QTRY_VERIFY(!studies->session()->isLoading());
    trials->table()->setCurrentIndex(trials->model()->index(42, 0));
    const int64_t id = stored[42].id;
    QCOMPARE(studies->selection()->current(), id);
    QCOMPARE(studies->curvesView()->shownTrial(), id);
    QVERIFY(!studies->curvesView()->message().isEmpty()); // nb201 stores no curves
    QCOMPARE(studies->paretoView()->highlightedTrial(), id);
    QCOMPARE(studies->architectureView()->shownTrial(), id);

    // The Pareto view drew all 300 trials, and its front is the engine's.
    // Live appends reach the plot on its next poll: wait for them under load.
    QTRY_COMPARE_WITH_TIMEOUT(studies->paretoView()->plottedCount(), 300, 10000);
    std::vector<std::vector<double>> points;
    for (const auto& t : stored)
        points.push_back({-*t.metric("valid_acc"), *t.metric("params")});
    std::vector<int64_t> front;
    for (int i : ParetoRanking::nonDominated(points))
        front.push_back(stored[size_t(i)].id);
    std::sort(front.begin(), front.end());
    QCOMPARE(studies->paretoView()->frontTrialIds(), front);
}

void TestRunPanel::pauseStopAndResume()
{
    const QString path = dir_.filePath("random.db");
    QVERIFY(window_->createStudy(path));
    StudyWorkspace* studies = window_->studyWorkspace();
    RunPanel* panel = studies->runPanel();
    fillForm(panel, "random", 4000);
    QSignalSpy finished(panel, &RunPanel::searchFinished);
    panel->start();
    panel->pause();
    QVERIFY(panel->isRunning());
    QVERIFY(panel->resumeButton()->isEnabled());
    QVERIFY(!panel->pauseButton()->isEnabled());
    // Paused: nothing new is proposed.
    QTest::qWait(200);
    auto reader = SqliteStudyStorage::openReadOnly(path.toStdString());
    const int64_t whilePaused = reader->trialCount();
    QTest::qWait(300);
    QCOMPARE(reader->trialCount(), whilePaused);
    QVERIFY(whilePaused < 4000);

    panel->stop();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(panel->log()->toPlainText().contains("Stopped"));
    const int64_t stopped = reader->trialCount();
    QVERIFY(stopped < 4000);

    // Resume with a larger budget: it continues, never repeating a trial.
    QTRY_VERIFY(panel->resumeButton()->isEnabled());
    panel->budgetBox()->setValue(500 + int(stopped));
    QTest::mouseClick(panel->resumeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(finished.last().first().toBool(), true);
    QCOMPARE(reader->trialCount(), 500 + stopped);
    std::set<std::string> encodings;
    for (const auto& t : reader->trials())
        encodings.insert(t.encoding);
    QCOMPARE(encodings.size(), size_t(500 + stopped));
    QTRY_COMPARE(studies->trialsPanel()->model()->rowCount(), int(500 + stopped));
}

void TestRunPanel::badSettingsAreExplained()
{
    QVERIFY(window_->createStudy(dir_.filePath("bad.db")));
    RunPanel* panel = window_->studyWorkspace()->runPanel();
    fillForm(panel, "random", 10);
    panel->objectivesEdit()->setText("valid_acc:up");
    panel->start();
    QVERIFY(!panel->isRunning());
    QVERIFY2(panel->statusLabel()->text().contains("Objectives"), qPrintable(panel->statusLabel()->text()));

    panel->objectivesEdit()->setText("valid_acc:max");
    panel->dataEdit()->setText(dir_.filePath("missing.csv"));
    QSignalSpy finished(panel, &RunPanel::searchFinished);
    panel->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(panel->statusLabel()->text().contains("missing.csv"), qPrintable(panel->statusLabel()->text()));
    QVERIFY(panel->startButton()->isEnabled()); // nothing was stored: fix and start again
}

// The search's reports, as BackgroundSearch delivers them on the GUI thread.
void TestRunPanel::aPhaseTakesTheBarThenGivesItBack()
{
    QVERIFY(window_->createStudy(dir_.filePath("phase.db")));
    RunPanel* panel = window_->studyWorkspace()->runPanel();
    fillForm(panel, "random", 10);
    RunProgress training;
    training.budget = 10;
    training.phase = PhaseProgress{"training the supernet", 40, 120, 2, 3, 20.0, 40.0};
    Q_EMIT panel->search()->progressed(training);
    QCOMPARE(panel->progressBar()->maximum(), 120);
    QCOMPARE(panel->progressBar()->value(), 40);
    QCOMPARE(panel->progressBar()->text(), QString("33 %"));
    QCOMPARE(panel->statusLabel()->text(),
             QString("training the supernet: epoch 2 of 3, step 40 of 120 · elapsed 20.0 s · ETA 40.0 s"));
    QVERIFY(panel->log()->toPlainText().contains("Started training the supernet."));
    // With ARCHSCAPE_SCREENSHOT_DIR set (scripts/screenshots.sh): the panel
    // during the phase, run-phase.png.
    const QString shots = qEnvironmentVariable("ARCHSCAPE_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QTest::qWait(100); // the layout makes room for the longer status line
        QVERIFY(panel->grab().save(QDir(shots).filePath("run-phase.png")));
    }

    RunProgress trials;
    trials.budget = 10;
    trials.trials = 4;
    trials.elapsedS = 70.0;
    trials.etaS = 30.0;
    Q_EMIT panel->search()->progressed(trials);
    QCOMPARE(panel->progressBar()->maximum(), 10);
    QCOMPARE(panel->progressBar()->value(), 4);
    QCOMPARE(panel->progressBar()->text(), QString("4 / 10"));
    QVERIFY2(panel->statusLabel()->text().startsWith("4 trials done"),
             qPrintable(panel->statusLabel()->text()));
    QVERIFY2(panel->log()->toPlainText().contains("Finished training the supernet in 20.0 s."),
             qPrintable(panel->log()->toPlainText()));
}

QTEST_MAIN(TestRunPanel)
#include "tst_runpanel.moc"
