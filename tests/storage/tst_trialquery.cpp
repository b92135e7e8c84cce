// The storage's lazy trial queries, as the trials table uses them: pages in
// number or metric order, filtered by state and by a metric's range, the
// count and the position of one trial, all checked against the same trials
// sorted in memory; and a read-only connection following a writer.

#include "storage/SqliteStudyStorage.h"
#include "storage/StorageError.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

using namespace archscape;

namespace {

const char* kSpaceJson = R"({"format":"archscape-space","version":1,"name":"tiny","blocks":[]})";

// Trials with random accuracies and parameter counts (ties included), some
// failed without metrics, some running.
std::vector<TrialRecord> randomTrials(int count, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<TrialRecord> trials;
    for (int i = 0; i < count; ++i) {
        TrialRecord t;
        t.encoding = "arch=" + std::to_string(i);
        t.archHash = "0000000000000000";
        const int kind = int(rng() % 10);
        t.state = kind == 0 ? TrialState::Failed : kind == 1 ? TrialState::Running : TrialState::Complete;
        if (t.state == TrialState::Complete) {
            t.metrics["valid_acc"] = 80.0 + double(rng() % 200) / 10.0; // many ties
            t.metrics["params"] = double(rng() % 100000);
        }
        trials.push_back(std::move(t));
    }
    return trials;
}

// What a query must return, computed in memory.
std::vector<int64_t> expectedOrder(const std::vector<TrialRecord>& all, const TrialQuery& q)
{
    std::vector<const TrialRecord*> with, without;
    for (const auto& t : all) {
        if (q.state && t.state != *q.state)
            continue;
        if (!q.rangeMetric.empty()) {
            auto v = t.metric(q.rangeMetric);
            if (!v || (q.rangeMin && *v < *q.rangeMin) || (q.rangeMax && *v > *q.rangeMax))
                continue;
        }
        (q.sortMetric.empty() || t.metric(q.sortMetric) ? with : without).push_back(&t);
    }
    std::sort(with.begin(), with.end(), [&](const TrialRecord* a, const TrialRecord* b) {
        if (q.sortMetric.empty())
            return q.descending ? a->number > b->number : a->number < b->number;
        double va = *a->metric(q.sortMetric), vb = *b->metric(q.sortMetric);
        if (va != vb)
            return q.descending ? va > vb : va < vb;
        return q.descending ? a->id > b->id : a->id < b->id;
    });
    std::vector<int64_t> ids;
    for (const auto* t : with)
        ids.push_back(t->id);
    for (const auto* t : without) // already by number
        ids.push_back(t->id);
    return ids;
}

std::vector<int64_t> idsOf(const std::vector<TrialRecord>& page)
{
    std::vector<int64_t> ids;
    for (const auto& t : page)
        ids.push_back(t.id);
    return ids;
}

} // namespace

class TestTrialQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesMatchTheInMemoryOrder_data();
    void pagesMatchTheInMemoryOrder();
    void pagesCarryTheirMetrics();
    void importKeepsStatesAndNumbers();
    void readOnlyFollowsAWriter();
    void readOnlyRefusesWrites();

private:
    QTemporaryDir dir_;
    QString path_;
    std::vector<TrialRecord> trials_;
};

void TestTrialQuery::initTestCase()
{
    path_ = dir_.filePath("many.db");
    auto storage = SqliteStudyStorage::create(path_.toStdString(), "many", kSpaceJson);
    trials_ = randomTrials(3000, 7);
    storage->importTrials(trials_);
    QCOMPARE(storage->trialCount(), int64_t(3000));
}

void TestTrialQuery::pagesMatchTheInMemoryOrder_data()
{
    QTest::addColumn<QString>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("state"); // -1: any
    QTest::addColumn<QString>("range");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    const int any = -1, complete = int(TrialState::Complete), failed = int(TrialState::Failed);
    const double none = std::nan("");
    QTest::newRow("by number") << "" << false << any << "" << none << none;
    QTest::newRow("by number, descending") << "" << true << any << "" << none << none;
    QTest::newRow("by accuracy") << "valid_acc" << false << any << "" << none << none;
    QTest::newRow("by accuracy, descending") << "valid_acc" << true << any << "" << none << none;
    QTest::newRow("complete by params") << "params" << false << complete << "" << none << none;
    QTest::newRow("failed by accuracy") << "valid_acc" << true << failed << "" << none << none;
    QTest::newRow("accuracy in [90, 95] by params")
        << "params" << true << any << "valid_acc" << 90.0 << 95.0;
    QTest::newRow("params at most 5000") << "" << false << complete << "params" << none << 5000.0;
    QTest::newRow("accuracy at least 99") << "valid_acc" << false << any << "valid_acc" << 99.0 << none;
}

void TestTrialQuery::pagesMatchTheInMemoryOrder()
{
    QFETCH(QString, sort);
    QFETCH(bool, descending);
    QFETCH(int, state);
    QFETCH(QString, range);
    QFETCH(double, low);
    QFETCH(double, high);
    TrialQuery q;
    q.sortMetric = sort.toStdString();
    q.descending = descending;
    if (state >= 0)
        q.state = TrialState(state);
    q.rangeMetric = range.toStdString();
    if (!std::isnan(low))
        q.rangeMin = low;
    if (!std::isnan(high))
        q.rangeMax = high;

    auto storage = SqliteStudyStorage::openReadOnly(path_.toStdString());
    const std::vector<int64_t> expected = expectedOrder(trials_, q);
    QVERIFY(!expected.empty());
    QCOMPARE(storage->countTrials(q), int64_t(expected.size()));

    // Pages of 128 from the start, across the with/without-metric seam too.
    std::vector<int64_t> read;
    for (int64_t offset = 0; offset < int64_t(expected.size()); offset += 128) {
        auto page = idsOf(storage->queryTrials(q, offset, 128));
        QVERIFY(!page.empty());
        read.insert(read.end(), page.begin(), page.end());
    }
    QCOMPARE(read, expected);
    QVERIFY(storage->queryTrials(q, int64_t(expected.size()), 10).empty());

    // Every position, and no position for a trial the filters leave out.
    for (size_t i = 0; i < expected.size(); i += 7)
        QCOMPARE(storage->positionOf(q, expected[i]), std::optional<int64_t>(int64_t(i)));
    QCOMPARE(storage->positionOf(q, expected.back()), std::optional<int64_t>(int64_t(expected.size() - 1)));
    if (expected.size() < trials_.size()) {
        auto outside = std::find_if(trials_.begin(), trials_.end(), [&](const TrialRecord& t) {
            return std::find(expected.begin(), expected.end(), t.id) == expected.end();
        });
        QCOMPARE(storage->positionOf(q, outside->id), std::optional<int64_t>());
    }
}

void TestTrialQuery::pagesCarryTheirMetrics()
{
    auto storage = SqliteStudyStorage::openReadOnly(path_.toStdString());
    TrialQuery q;
    q.sortMetric = "valid_acc";
    q.descending = true;
    auto page = storage->queryTrials(q, 100, 50);
    QCOMPARE(page.size(), size_t(50));
    for (const auto& t : page) {
        const TrialRecord& original = trials_[size_t(t.number)];
        QCOMPARE(t.id, original.id);
        QCOMPARE(t.encoding, original.encoding);
        QCOMPARE(t.metrics, original.metrics);
    }
    QCOMPARE(storage->metricNames(), (std::vector<std::string>{"params", "valid_acc"}));
}

void TestTrialQuery::importKeepsStatesAndNumbers()
{
    auto storage = SqliteStudyStorage::openReadOnly(path_.toStdString());
    const auto stored = storage->trials();
    QCOMPARE(stored.size(), trials_.size());
    for (size_t i = 0; i < stored.size(); ++i) {
        QCOMPARE(stored[i].number, int64_t(i));
        QCOMPARE(stored[i].id, trials_[i].id);
        QCOMPARE(stored[i].state, trials_[i].state);
        QCOMPARE(stored[i].metrics, trials_[i].metrics);
        QVERIFY(!stored[i].createdAt.empty());
    }
}

// The app reads a study while a search (here a thread with its own
// connection, as another process would have) keeps committing trials.
void TestTrialQuery::readOnlyFollowsAWriter()
{
    const QString path = dir_.filePath("live.db");
    auto writer = SqliteStudyStorage::create(path.toStdString(), "live", kSpaceJson);
    auto reader = SqliteStudyStorage::openReadOnly(path.toStdString());
    QCOMPARE(reader->trialCount(), int64_t(0));

    const int total = 400;
    std::atomic<bool> failed{false}, quit{false};
    std::thread search([&] {
        try {
            for (int i = 0; i < total && !quit; ++i) {
                TrialRecord t;
                t.encoding = "a=" + std::to_string(i);
                t.archHash = "0000000000000000";
                writer->addTrial(t);
                writer->markRunning(t.id, "w0");
                writer->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 50.0 + i % 40}}, {},
                                    "", i);
            }
        } catch (const std::exception&) {
            failed = true;
        }
    });
    // A failed check returns early: the writer stops and is joined first.
    struct JoinOnExit
    {
        std::thread& thread;
        std::atomic<bool>& quit;
        ~JoinOnExit()
        {
            quit = true;
            if (thread.joinable())
                thread.join();
        }
    } joinOnExit{search, quit};
    int64_t seen = 0, version = reader->dataVersion(), versionChanges = 0;
    while (seen < total) {
        const int64_t now = reader->countTrials({});
        QVERIFY(now >= seen); // never goes back
        seen = now;
        const int64_t v = reader->dataVersion();
        versionChanges += v != version;
        version = v;
        TrialQuery best;
        best.sortMetric = "valid_acc";
        best.descending = true;
        auto top = reader->queryTrials(best, 0, 5);
        QVERIFY(top.size() <= 5);
        for (size_t i = 1; i < top.size(); ++i) // best first; unfinished ones last
            if (auto v = top[i].metric("valid_acc"))
                QVERIFY(top[i - 1].metric("valid_acc") && *top[i - 1].metric("valid_acc") >= *v);
        QVERIFY(!failed);
    }
    search.join();
    QVERIFY(!failed);
    QVERIFY(versionChanges > 0);
    QCOMPARE(reader->countTrials({}), int64_t(total));
    TrialQuery complete;
    complete.state = TrialState::Complete;
    QCOMPARE(reader->countTrials(complete), int64_t(total));
}

void TestTrialQuery::readOnlyRefusesWrites()
{
    auto reader = SqliteStudyStorage::openReadOnly(path_.toStdString());
    TrialRecord t;
    t.encoding = "x=1";
    t.archHash = "0000000000000000";
    QVERIFY_THROWS_EXCEPTION(StorageError, reader->addTrial(t));
    QCOMPARE(reader->trialCount(), int64_t(3000));
}

QTEST_GUILESS_MAIN(TestTrialQuery)
#include "tst_trialquery.moc"
