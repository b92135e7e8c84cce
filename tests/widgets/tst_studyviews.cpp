// A study opened in the app: the session follows a study another
// connection is writing; the trials table reads pages lazily and sorts and
// filters in SQL (checked against the same trials sorted in memory, on a
// study of 20,000 trials); table rows and the app-wide selection follow each
// other; the curves view shows the selected trial's curves.

#include "TrialSelection.h"
#include "storage/SqliteStudyStorage.h"
#include "study/CurvesView.h"
#include "study/StudySession.h"
#include "study/TrialTableModel.h"
#include "study/TrialsPanel.h"
#include "WidgetTestSupport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <random>
#include <set>
#include <thread>

using namespace archscape;

namespace {

std::string nb201SpaceJson()
{
    return SpaceFile::serialize(
        SpaceFile::load(widgettest::bundledSpacePath(QStringLiteral("nb201.json")).toStdString()));
}

TrialRecord trialWith(int i, TrialState state, std::map<std::string, double> metrics)
{
    TrialRecord t;
    t.encoding = "arch" + std::to_string(i);
    t.archHash = "0000000000000000";
    t.state = state;
    t.metrics = std::move(metrics);
    return t;
}

} // namespace

class TestStudyViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelSortsAndFiltersInSql();
    void tableAndSelectionFollowEachOther();
    void curvesFollowTheSelection();
    void sessionFollowsAWriter();
    void aFileThatIsNotAStudyIsRefused();

private:
    QTemporaryDir dir_;
    QString manyPath_;
    std::vector<TrialRecord> many_;
};

void TestStudyViews::initTestCase()
{
    QVERIFY(dir_.isValid());
    manyPath_ = dir_.filePath("many.db");
    auto storage = SqliteStudyStorage::create(manyPath_.toStdString(), "many", nb201SpaceJson());
    std::mt19937 rng(3);
    for (int i = 0; i < 20000; ++i) {
        const bool failed = rng() % 20 == 0;
        many_.push_back(trialWith(i, failed ? TrialState::Failed : TrialState::Complete,
                                  failed ? std::map<std::string, double>{}
                                         : std::map<std::string, double>{
                                               {"valid_acc", 60.0 + double(rng() % 3500) / 100.0},
                                               {"params", double(rng() % 1500000)}}));
    }
    storage->importTrials(many_);
}

void TestStudyViews::modelSortsAndFiltersInSql()
{
    std::unique_ptr<StudySession> session(StudySession::open(manyPath_));
    TrialTableModel model;
    model.setSession(session.get());
    QCOMPARE(model.rowCount(), 20000);
    QCOMPARE(model.metricNames(), QStringList({"valid_acc", "params"}));
    QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::DisplayRole).toString(), QString("valid_acc"));
    QCOMPARE(model.trialIdAt(0), many_[0].id);
    QCOMPARE(model.trialIdAt(19999), many_[19999].id);

    // Sorted by accuracy, best first: the first rows and a deep one match
    // the in-memory order; failed trials (no accuracy) come last.
    std::vector<const TrialRecord*> complete;
    for (const auto& t : many_)
        if (t.metric("valid_acc"))
            complete.push_back(&t);
    std::stable_sort(complete.begin(), complete.end(), [](const TrialRecord* a, const TrialRecord* b) {
        return *a->metric("valid_acc") > *b->metric("valid_acc");
    });
    model.sort(2, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), 20000);
    for (int row : {0, 1, 2, 500, 12345, int(complete.size()) - 1}) {
        const TrialRecord* t = model.trialAt(row);
        QVERIFY(t);
        QCOMPARE(*t->metric("valid_acc"), *complete[size_t(row)]->metric("valid_acc"));
    }
    QCOMPARE(model.trialAt(int(complete.size()))->state, TrialState::Failed);
    QCOMPARE(model.data(model.index(0, 2)).toString(),
             QLocale().toString(*complete[0]->metric("valid_acc"), 'f', 2));

    // Filtered by state, then by a metric range.
    model.setStateFilter(TrialState::Failed);
    QCOMPARE(model.rowCount(), int(many_.size() - complete.size()));
    model.setStateFilter(std::nullopt);
    model.setRangeFilter("params", 100000.0, 200000.0);
    const auto inRange = std::count_if(many_.begin(), many_.end(), [](const TrialRecord& t) {
        auto p = t.metric("params");
        return p && *p >= 100000.0 && *p <= 200000.0;
    });
    QCOMPARE(model.rowCount(), int(inRange));
    for (int row = 0; row < model.rowCount(); row += 97) {
        const double p = *model.trialAt(row)->metric("params");
        QVERIFY(p >= 100000.0 && p <= 200000.0);
        if (row > 0) // still sorted by accuracy
            QVERIFY(*model.trialAt(row - 97)->metric("valid_acc") >= *model.trialAt(row)->metric("valid_acc"));
    }
    // The row of a trial, found in SQL, and none for one filtered out.
    const TrialRecord* deep = model.trialAt(model.rowCount() - 3);
    QCOMPARE(model.rowOfTrial(deep->id), model.rowCount() - 3);
    const auto outside = std::find_if(many_.begin(), many_.end(), [](const TrialRecord& t) {
        return t.metric("params") && *t.metric("params") > 300000.0;
    });
    QCOMPARE(model.rowOfTrial(outside->id), -1);
}

void TestStudyViews::tableAndSelectionFollowEachOther()
{
    std::unique_ptr<StudySession> session(StudySession::open(manyPath_));
    TrialSelection selection;
    TrialsPanel panel(&selection);
    panel.resize(900, 500);
    panel.show();
    panel.setSession(session.get());
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView* table = panel.table();

    // A row clicked selects its trial everywhere.
    const QModelIndex row3 = panel.model()->index(3, 0);
    table->setCurrentIndex(row3);
    QCOMPARE(selection.current(), many_[3].id);

    // A trial selected elsewhere, deep in a sorted table, becomes the current row.
    table->sortByColumn(3, Qt::AscendingOrder); // params
    const int64_t wanted = many_[17777].id;
    selection.select(wanted);
    QVERIFY(table->currentIndex().isValid());
    QCOMPARE(panel.model()->trialIdAt(table->currentIndex().row()), wanted);

    // Filtering from the panel's controls.
    panel.stateFilter()->setCurrentIndex(panel.stateFilter()->findText("failed"));
    QVERIFY(panel.model()->rowCount() > 0 && panel.model()->rowCount() < 2000);
    QCOMPARE(panel.model()->trialAt(0)->state, TrialState::Failed);
    panel.stateFilter()->setCurrentIndex(0);
    panel.rangeMetric()->setCurrentIndex(panel.rangeMetric()->findData("valid_acc"));
    panel.rangeMin()->setText(QLocale().toString(94.0));
    Q_EMIT panel.rangeMin()->editingFinished();
    QVERIFY(panel.model()->rowCount() > 0);
    for (int row = 0; row < panel.model()->rowCount(); ++row)
        QVERIFY(*panel.model()->trialAt(row)->metric("valid_acc") >= 94.0);
}

void TestStudyViews::curvesFollowTheSelection()
{
    const QString path = dir_.filePath("curves.db");
    auto writer = SqliteStudyStorage::create(path.toStdString(), "curves", nb201SpaceJson());
    std::vector<int64_t> ids;
    for (int i = 0; i < 3; ++i) {
        TrialRecord t = trialWith(i, TrialState::Queued, {});
        writer->addTrial(t);
        std::vector<CurvePoint> curves;
        for (int epoch = 1; epoch <= 5 + i; ++epoch) {
            curves.push_back({"train_loss", epoch, 2.0 / epoch});
            curves.push_back({"valid_acc", epoch, 50.0 + 5.0 * epoch});
        }
        writer->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 70.0 + i}}, curves, "", i);
        ids.push_back(t.id);
    }
    std::unique_ptr<StudySession> session(StudySession::open(path));
    TrialSelection selection;
    TrialsPanel panel(&selection);
    CurvesView curves(&selection);
    panel.setSession(session.get());
    curves.setSession(session.get());
    QCOMPARE(curves.lossPointCount(), 0);

    panel.table()->setCurrentIndex(panel.model()->index(2, 0));
    QCOMPARE(curves.shownTrial(), ids[2]);
    QCOMPARE(curves.lossPointCount(), 7);
    QCOMPARE(curves.accuracyPointCount(), 7);
    QVERIFY(curves.message().isEmpty());

    selection.select(ids[0]);
    QCOMPARE(curves.lossPointCount(), 5);
    QCOMPARE(panel.table()->currentIndex().row(), 0);
}

// The app opens a study while a search (another connection, as another
// process would be) is writing it, and keeps up with it.
void TestStudyViews::sessionFollowsAWriter()
{
    const QString path = dir_.filePath("live.db");
    auto writer = SqliteStudyStorage::create(path.toStdString(), "live", nb201SpaceJson());
    std::unique_ptr<StudySession> session(StudySession::open(path));
    session->setPollInterval(20);
    TrialTableModel model;
    model.setSession(session.get());
    std::set<int64_t> handedOver;
    int replaced = 0;
    connect(session.get(), &StudySession::trialsReplaced, this, [&](const std::vector<TrialRecord>& t) {
        ++replaced;
        for (const auto& r : t)
            if (r.state == TrialState::Complete)
                handedOver.insert(r.id);
    });
    connect(session.get(), &StudySession::trialsUpdated, this, [&](const std::vector<TrialRecord>& t) {
        for (const auto& r : t)
            if (r.state == TrialState::Complete)
                handedOver.insert(r.id);
    });
    session->loadAllTrials();

    const int total = 600;
    std::atomic<bool> failed{false};
    std::thread search([&] {
        try {
            for (int i = 0; i < total; ++i) {
                TrialRecord t = trialWith(i, TrialState::Queued, {});
                writer->addTrial(t);
                writer->markRunning(t.id, "w0");
                writer->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 80.0 + i % 10}}, {},
                                    "", i);
                if (i % 50 == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        } catch (const std::exception&) {
            failed = true;
        }
    });
    // A failed check returns early: the writer is joined first.
    std::unique_ptr<std::thread, void (*)(std::thread*)> joinOnExit(&search, [](std::thread* t) {
        if (t->joinable())
            t->join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(session->trialCount() == total && handedOver.size() == size_t(total),
                             20000);
    search.join();
    QVERIFY(!failed);
    QCOMPARE(replaced, 1);
    QTRY_COMPARE(model.rowCount(), total);
    QCOMPARE(model.trialAt(total - 1)->state, TrialState::Complete);
}

void TestStudyViews::aFileThatIsNotAStudyIsRefused()
{
    const QString path = dir_.filePath("notes.db");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(200, 'x'));
    f.close();
    try {
        std::unique_ptr<StudySession> session(StudySession::open(path));
        QFAIL("opened a file that is not a study");
    } catch (const std::exception& e) {
        QVERIFY2(QString(e.what()).contains("not an Archscape study"), e.what());
    }
}

QTEST_MAIN(TestStudyViews)
#include "tst_studyviews.moc"
