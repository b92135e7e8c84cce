// The search runner on the real NAS-Bench-201 table: reproducible runs,
// exact budgets, no architecture evaluated twice, time budgets, worker
// pools, evaluators that fail, and stopping, crashing and resuming without
// changing what the search does.

#include "SearchTestSupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <thread>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <numeric>
#include <set>
#include <stdexcept>

using namespace archscape;
using namespace searchtest;

namespace {

const std::vector<std::string> kNb201Metrics{"valid_acc", "test_acc",   "params",
                                             "flops",     "latency_ms", "train_time_s"};

RunSpec spec(const std::string& strategy, uint64_t seed, int64_t budget, int workers = 1)
{
    RunSpec s;
    s.strategy = strategy;
    s.seed = seed;
    s.budget = budget;
    s.workers = workers;
    if (strategy == "nsga2")
        s.objectives = "valid_acc:max,params:min";
    return s;
}

void addStrategyRows()
{
    QTest::addColumn<QString>("strategy");
    for (const char* s : {"random", "evolution", "nsga2", "local"})
        QTest::newRow(s) << QString(s);
}

// What holds for every study the runner leaves behind, whatever the
// strategy: numbers 0..n-1, each architecture once, hashes that match the
// encodings, every finished trial observed exactly once, and every complete
// trial with all its metrics.
void checkStudy(const std::vector<TrialRecord>& trials, bool allowFailed = false)
{
    std::set<std::string> hashes, encodings;
    std::vector<int64_t> observed;
    int64_t lastProposedAfter = 0;
    for (size_t i = 0; i < trials.size(); ++i) {
        const TrialRecord& t = trials[i];
        QCOMPARE(t.number, int64_t(i));
        QVERIFY2(hashes.insert(t.archHash).second,
                 qPrintable(QString("architecture hash %1 appears twice (trial %2)")
                                .arg(QString::fromStdString(t.archHash))
                                .arg(t.number)));
        QVERIFY2(encodings.insert(t.encoding).second, t.encoding.c_str());
        QCOMPARE(t.archHash,
                 ArchitectureCodec::hashToHex(ArchitectureCodec::hashText(t.encoding)));
        QVERIFY2(t.state == TrialState::Complete || (allowFailed && t.state == TrialState::Failed),
                 qPrintable(QString("trial %1 is %2").arg(t.number).arg(trialStateName(t.state))));
        QVERIFY(t.observedSeq.has_value());
        observed.push_back(*t.observedSeq);
        QVERIFY(t.proposedAfter >= lastProposedAfter);
        QVERIFY(t.proposedAfter <= t.number);
        lastProposedAfter = t.proposedAfter;
        if (t.state == TrialState::Complete) {
            for (const auto& m : kNb201Metrics)
                QVERIFY2(t.metric(m).has_value(),
                         qPrintable(QString("trial %1 lacks %2").arg(t.number).arg(m.c_str())));
            QVERIFY(t.error.empty());
        }
    }
    std::sort(observed.begin(), observed.end());
    std::vector<int64_t> expected(trials.size());
    std::iota(expected.begin(), expected.end(), 0);
    QCOMPARE(observed, expected);
}

// With one worker the study is a strict alternation: propose k, observe k.
void checkSequential(const std::vector<TrialRecord>& trials)
{
    for (const auto& t : trials) {
        QCOMPARE(t.proposedAfter, t.number);
        QCOMPARE(t.observedSeq, std::optional<int64_t>(t.number));
    }
}

// Throws on the architectures whose hash is divisible by 4 (about a quarter).
class ThrowingEvaluator : public Evaluator
{
public:
    explicit ThrowingEvaluator(const ArchitectureCodec& codec)
        : codec_(codec), inner_(nb201Evaluator(codec))
    {
    }
    static bool fails(uint64_t hash) { return hash % 4 == 0; }
    std::string name() const override { return "throwing"; }
    EvaluationOutcome evaluate(const Architecture& arch) override
    {
        if (fails(codec_.hash(arch)))
            throw std::runtime_error("synthetic failure for " + codec_.encode(arch));
        return inner_->evaluate(arch);
    }

private:
    const ArchitectureCodec& codec_;
    std::unique_ptr<Evaluator> inner_;
};

// Throws something that is not a std::exception, as foreign plugin code may.
class ForeignThrowingEvaluator : public Evaluator
{
public:
    explicit ForeignThrowingEvaluator(const ArchitectureCodec& codec)
        : codec_(codec), inner_(nb201Evaluator(codec))
    {
    }
    std::string name() const override { return "foreign"; }
    EvaluationOutcome evaluate(const Architecture& arch) override
    {
        if (ThrowingEvaluator::fails(codec_.hash(arch)))
            throw 42;
        return inner_->evaluate(arch);
    }

private:
    const ArchitectureCodec& codec_;
    std::unique_ptr<Evaluator> inner_;
};

// Ends the process, like kill -9, when its `dieAt`-th evaluation starts.
class DyingEvaluator : public Evaluator
{
public:
    DyingEvaluator(const ArchitectureCodec& codec, int dieAt)
        : inner_(nb201Evaluator(codec)), dieAt_(dieAt)
    {
    }
    std::string name() const override { return "dying"; }
    EvaluationOutcome evaluate(const Architecture& arch) override
    {
        if (++calls_ == dieAt_)
            ::_exit(0);
        return inner_->evaluate(arch);
    }

private:
    std::unique_ptr<Evaluator> inner_;
    int dieAt_;
    std::atomic<int> calls_{0};
};

// Runs `body` in a child process; returns its wait status.
template <typename Body>
int inChild(Body body)
{
    pid_t child = ::fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        // Not Qt Test's crash handler: the parent reports how the child ended.
        for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
            ::signal(sig, SIG_DFL);
        int code = 0;
        try {
            code = body();
        } catch (...) {
            code = 99;
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return status;
}

QString describeStatus(int status)
{
    if (WIFEXITED(status))
        return QString("exit code %1").arg(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return QString("killed by signal %1").arg(WTERMSIG(status));
    return QString("status %1").arg(status);
}

} // namespace

class TestSearchRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSeedSameSequence_data() { addStrategyRows(); }
    void sameSeedSameSequence();
    void budgetIsExact_data();
    void budgetIsExact();
    void timeBudgetStopsTheRun();
    void multipleWorkers_data() { addStrategyRows(); }
    void multipleWorkers();
    void failingEvaluator_data();
    void failingEvaluator();
    void evaluatorThrowingNonStdException_data();
    void evaluatorThrowingNonStdException();
    void stopAndResumeMatchesUninterruptedRun_data() { addStrategyRows(); }
    void stopAndResumeMatchesUninterruptedRun();
    void crashAndResumeMatchesUninterruptedRun_data() { addStrategyRows(); }
    void crashAndResumeMatchesUninterruptedRun();
    void crashWithWorkersAndResume();
    void pauseHoldsTheRun();

private:
    QTemporaryDir dir_;
    int files_ = 0;
    std::string newPath() { return dir_.filePath(QString("s%1.db").arg(files_++)).toStdString(); }
};

void TestSearchRunner::initTestCase()
{
    QVERIFY(dir_.isValid());
    QVERIFY2(QFile::exists(QString::fromStdString(nb201TablePath())), nb201TablePath().c_str());
    QCOMPARE(nb201Table()->size(), size_t(15625));
}

void TestSearchRunner::sameSeedSameSequence()
{
    QFETCH(QString, strategy);
    const int64_t budget = 150;
    RunResult a = runStudy(newPath(), spec(strategy.toStdString(), 42, budget));
    RunResult b = runStudy(newPath(), spec(strategy.toStdString(), 42, budget));
    RunResult c = runStudy(newPath(), spec(strategy.toStdString(), 43, budget));
    for (const RunResult* r : {&a, &b, &c}) {
        QCOMPARE(outcomeName(r->outcome), "BudgetReached");
        QCOMPARE(int64_t(r->trials.size()), budget);
        checkStudy(r->trials);
        checkSequential(r->trials);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(encodingsByNumber(a.trials), encodingsByNumber(b.trials));
    QCOMPARE(encodingsByObservation(a.trials), encodingsByObservation(b.trials));
    QCOMPARE(proposedAfter(a.trials), proposedAfter(b.trials));
    for (size_t i = 0; i < a.trials.size(); ++i)
        QCOMPARE(a.trials[i].metrics, b.trials[i].metrics);
    QVERIFY2(encodingsByNumber(a.trials) != encodingsByNumber(c.trials),
             "seeds 42 and 43 gave the same search");
    // Not merely a shifted copy: the first proposals differ too.
    QVERIFY(a.trials.front().encoding != c.trials.front().encoding
            || a.trials[1].encoding != c.trials[1].encoding);
}

void TestSearchRunner::budgetIsExact_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<int>("budget");
    QTest::addColumn<int>("workers");
    QTest::newRow("random 1") << "random" << 1 << 1;
    QTest::newRow("evolution 13") << "evolution" << 13 << 1;
    QTest::newRow("evolution 13, 4 workers") << "evolution" << 13 << 4;
    QTest::newRow("nsga2 23, 4 workers") << "nsga2" << 23 << 4;
    QTest::newRow("local 37, 3 workers") << "local" << 37 << 3;
    QTest::newRow("random 2, 8 workers") << "random" << 2 << 8;
}

void TestSearchRunner::budgetIsExact()
{
    QFETCH(QString, strategy);
    QFETCH(int, budget);
    QFETCH(int, workers);
    const std::string path = newPath();
    RunResult r = runStudy(path, spec(strategy.toStdString(), 5, budget, workers));
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    QCOMPARE(int64_t(r.trials.size()), int64_t(budget));
    checkStudy(r.trials);
    // Running again with the same budget adds nothing.
    RunResult again = runStudy(path, spec(strategy.toStdString(), 5, budget, workers));
    QCOMPARE(outcomeName(again.outcome), "BudgetReached");
    QCOMPARE(encodingsByNumber(again.trials), encodingsByNumber(r.trials));
}

void TestSearchRunner::timeBudgetStopsTheRun()
{
    // NAS-Bench-201 train_time_s is 542..3461 s: about 10 trials for 20000 s.
    const double limit = 20000.0;
    RunSpec s = spec("random", 3, 1000);
    s.timeBudgetS = limit;
    const std::string path = newPath();
    RunResult r = runStudy(path, s);
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    checkStudy(r.trials);
    checkSequential(r.trials);
    QVERIFY(r.trials.size() > 1 && r.trials.size() < 100);
    double beforeLast = 0.0;
    for (size_t i = 0; i + 1 < r.trials.size(); ++i)
        beforeLast += *r.trials[i].metric("train_time_s");
    const double total = beforeLast + *r.trials.back().metric("train_time_s");
    QVERIFY2(beforeLast < limit, qPrintable(QString("ran on after %1 s").arg(beforeLast)));
    QVERIFY2(total >= limit, qPrintable(QString("stopped at %1 s").arg(total)));

    // A resumed run counts the time already spent and adds nothing.
    RunResult resumed = runStudy(path, s);
    QCOMPARE(outcomeName(resumed.outcome), "BudgetReached");
    QCOMPARE(resumed.trials.size(), r.trials.size());

    // With 4 workers the trials in flight may finish past the limit, but no
    // more than those.
    s.workers = 4;
    RunResult pooled = runStudy(newPath(), s);
    QCOMPARE(outcomeName(pooled.outcome), "BudgetReached");
    checkStudy(pooled.trials);
    std::vector<const TrialRecord*> byObservation;
    for (const auto& t : pooled.trials)
        byObservation.push_back(&t);
    std::sort(byObservation.begin(), byObservation.end(),
              [](auto* a, auto* b) { return *a->observedSeq < *b->observedSeq; });
    double sum = 0.0;
    size_t reachedAt = 0;
    for (size_t i = 0; i < byObservation.size(); ++i) {
        sum += *byObservation[i]->metric("train_time_s");
        if (sum >= limit && reachedAt == 0)
            reachedAt = i + 1;
    }
    QVERIFY(sum >= limit);
    QVERIFY2(byObservation.size() - reachedAt <= 3,
             qPrintable(QString("%1 trials finished after the time budget was spent")
                            .arg(byObservation.size() - reachedAt)));
}

void TestSearchRunner::multipleWorkers()
{
    QFETCH(QString, strategy);
    const int64_t budget = 200;
    RunResult r = runStudy(newPath(), spec(strategy.toStdString(), 11, budget, 4));
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    QCOMPARE(int64_t(r.trials.size()), budget);
    checkStudy(r.trials);
    std::set<std::string> workers;
    for (const auto& t : r.trials)
        workers.insert(t.worker);
    QVERIFY2(workers.size() > 1, "one worker did everything");
    for (const auto& w : workers)
        QVERIFY2(w == "w0" || w == "w1" || w == "w2" || w == "w3", w.c_str());
}

void TestSearchRunner::failingEvaluator_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<int>("workers");
    for (const char* s : {"random", "evolution", "nsga2", "local"}) {
        QTest::newRow(qPrintable(QString("%1, 1 worker").arg(s))) << QString(s) << 1;
        QTest::newRow(qPrintable(QString("%1, 4 workers").arg(s))) << QString(s) << 4;
    }
}

void TestSearchRunner::failingEvaluator()
{
    QFETCH(QString, strategy);
    QFETCH(int, workers);
    const int64_t budget = 120;
    const std::string path = newPath();
    RunResult r = runStudy(path, spec(strategy.toStdString(), 8, budget, workers),
                           [](const ArchitectureCodec& codec) {
                               return std::make_unique<ThrowingEvaluator>(codec);
                           });
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    QCOMPARE(int64_t(r.trials.size()), budget);
    checkStudy(r.trials, true);
    int failed = 0;
    for (const auto& t : r.trials) {
        const bool shouldFail = ThrowingEvaluator::fails(ArchitectureCodec::hashText(t.encoding));
        QCOMPARE(t.state == TrialState::Failed, shouldFail);
        if (t.state == TrialState::Failed) {
            ++failed;
            QVERIFY2(QString::fromStdString(t.error).contains(
                         QString::fromStdString("synthetic failure for " + t.encoding)),
                     t.error.c_str());
            QVERIFY(t.metrics.empty());
            QVERIFY(!t.finishedAt.empty());
        }
    }
    QVERIFY2(failed > 5 && failed < budget - 5, qPrintable(QString("%1 failed").arg(failed)));

    // Failures replay like any other result: a resumed run to a larger
    // budget goes on.
    RunResult more = runStudy(path, spec(strategy.toStdString(), 8, budget + 30, workers),
                              [](const ArchitectureCodec& codec) {
                                  return std::make_unique<ThrowingEvaluator>(codec);
                              });
    QCOMPARE(outcomeName(more.outcome), "BudgetReached");
    QCOMPARE(int64_t(more.trials.size()), budget + 30);
    checkStudy(more.trials, true);
}

void TestSearchRunner::evaluatorThrowingNonStdException_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("1 worker") << 1;
    QTest::newRow("4 workers") << 4;
}

// DESIGN.md: "a plugin that throws: a clear message, never a crash". An
// exception that is not a std::exception must fail the trial like any other.
// Run in a child process, since a worker thread's escaping exception ends it.
void TestSearchRunner::evaluatorThrowingNonStdException()
{
    QFETCH(int, workers);
    const std::string path = newPath();
    openOrCreateNb201Study(path); // created (and closed) here
    const int status = inChild([&] {
        try {
            RunResult r = runStudy(path, spec("evolution", 4, 60, workers),
                                   [](const ArchitectureCodec& codec) {
                                       return std::make_unique<ForeignThrowingEvaluator>(codec);
                                   });
            return r.outcome == SearchRunner::Outcome::BudgetReached ? 0 : 5;
        } catch (int) {
            return 4; // escaped SearchRunner::run()
        }
    });
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
             qPrintable("a non-std exception from the evaluator was not turned into a failed "
                        "trial: the run ended with "
                        + describeStatus(status)
                        + (WIFEXITED(status) && WEXITSTATUS(status) == 4
                               ? " (the exception escaped SearchRunner::run())"
                               : "")));
    auto study = Study::open(path);
    auto trials = study->storage().trials();
    QCOMPARE(trials.size(), size_t(60));
    int failed = 0;
    for (const auto& t : trials)
        if (t.state == TrialState::Failed) {
            ++failed;
            QVERIFY(!t.error.empty());
        }
    QVERIFY(failed > 0);
}

void TestSearchRunner::stopAndResumeMatchesUninterruptedRun()
{
    QFETCH(QString, strategy);
    const int64_t budget = 120;
    const RunSpec s = spec(strategy.toStdString(), 17, budget);
    RunResult whole = runStudy(newPath(), s);
    QCOMPARE(int64_t(whole.trials.size()), budget);

    const std::string path = newPath();
    int64_t stoppedAt = 0;
    int64_t callbacksAfterStop = 0;
    auto stopAt = [&](int64_t n) {
        return [&, n](SearchRunner& runner, const RunProgress& p) {
            if (stoppedAt)
                ++callbacksAfterStop;
            if (p.trials == n && !stoppedAt) {
                stoppedAt = p.trials;
                runner.requestStop();
            }
        };
    };
    RunResult first = runStudy(path, s, {}, stopAt(37));
    QCOMPARE(outcomeName(first.outcome), "Stopped");
    QCOMPARE(stoppedAt, int64_t(37));
    QCOMPARE(callbacksAfterStop, int64_t(0));
    QCOMPARE(first.trials.size(), size_t(37)); // nothing proposed after the stop
    checkStudy(first.trials);

    stoppedAt = 0;
    RunResult second = runStudy(path, s, {}, stopAt(80));
    QCOMPARE(outcomeName(second.outcome), "Stopped");
    QCOMPARE(second.requeued, 0);
    QCOMPARE(second.trials.size(), size_t(80));

    RunResult last = runStudy(path, s);
    QCOMPARE(outcomeName(last.outcome), "BudgetReached");
    QCOMPARE(last.requeued, 0);
    QCOMPARE(int64_t(last.trials.size()), budget);
    checkStudy(last.trials);
    checkSequential(last.trials);
    QCOMPARE(encodingsByNumber(last.trials), encodingsByNumber(whole.trials));
    QCOMPARE(encodingsByObservation(last.trials), encodingsByObservation(whole.trials));
    QCOMPARE(proposedAfter(last.trials), proposedAfter(whole.trials));
}

// A process killed in the middle of an evaluation leaves that trial running;
// the next run queues it again, evaluates it once, and the study ends up as
// if nothing had happened.
void TestSearchRunner::crashAndResumeMatchesUninterruptedRun()
{
    QFETCH(QString, strategy);
    const int64_t budget = 100;
    const RunSpec s = spec(strategy.toStdString(), 23, budget);
    RunResult whole = runStudy(newPath(), s);

    const std::string path = newPath();
    openOrCreateNb201Study(path);
    for (int dieAt : {12, 20, 1, 25}) {
        const int status = inChild([&] {
            runStudy(path, s, [dieAt](const ArchitectureCodec& codec) {
                return std::make_unique<DyingEvaluator>(codec, dieAt);
            });
            return 7; // should have died first
        });
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, qPrintable(describeStatus(status)));
        auto study = Study::open(path);
        auto trials = study->storage().trials();
        QVERIFY(!trials.empty());
        QCOMPARE(trials.back().state, TrialState::Running);
        for (size_t i = 0; i + 1 < trials.size(); ++i)
            QCOMPARE(trials[i].state, TrialState::Complete);
    }
    RunResult resumed = runStudy(path, s);
    QCOMPARE(resumed.requeued, 1);
    QCOMPARE(outcomeName(resumed.outcome), "BudgetReached");
    QCOMPARE(int64_t(resumed.trials.size()), budget);
    checkStudy(resumed.trials);
    checkSequential(resumed.trials);
    QCOMPARE(encodingsByNumber(resumed.trials), encodingsByNumber(whole.trials));
    QCOMPARE(encodingsByObservation(resumed.trials), encodingsByObservation(whole.trials));
}

void TestSearchRunner::crashWithWorkersAndResume()
{
    for (const char* strategy : {"random", "evolution", "nsga2", "local"}) {
        const std::string path = newPath();
        const RunSpec s = spec(strategy, 29, 150, 4);
        openOrCreateNb201Study(path);
        const int status = inChild([&] {
            runStudy(path, s, [](const ArchitectureCodec& codec) {
                return std::make_unique<DyingEvaluator>(codec, 70);
            });
            return 7;
        });
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, qPrintable(describeStatus(status)));
        std::vector<TrialRecord> before = Study::open(path)->storage().trials();
        std::map<std::string, std::map<std::string, double>> finished;
        for (const auto& t : before)
            if (t.state == TrialState::Complete)
                finished[t.encoding] = t.metrics;
        RunResult r = runStudy(path, s);
        QCOMPARE(outcomeName(r.outcome), "BudgetReached");
        QCOMPARE(r.trials.size(), size_t(150));
        checkStudy(r.trials);
        for (const auto& t : r.trials) {
            auto it = finished.find(t.encoding);
            if (it != finished.end())
                QCOMPARE(t.metrics, it->second);
        }
        if (QTest::currentTestFailed())
            return;
    }
}

// A paused run proposes nothing until it is unpaused, then ends as an
// uninterrupted run would.
void TestSearchRunner::pauseHoldsTheRun()
{
    const std::string path = newPath();
    const RunSpec s = spec("evolution", 5, 60);
    std::atomic<SearchRunner*> paused{nullptr};
    std::thread search([&] {
        runStudy(path, s, {}, [&](SearchRunner& runner, const RunProgress& p) {
            if (p.trials == 20 && !paused) {
                runner.setPaused(true);
                paused = &runner;
            }
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(paused.load() != nullptr, 10000);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    QCOMPARE(Study::open(path)->storage().trialCount(), int64_t(20));
    paused.load()->setPaused(false);
    search.join();
    const std::vector<TrialRecord> resumed = Study::open(path)->storage().trials();
    QCOMPARE(resumed.size(), size_t(60));
    RunResult clean = runStudy(newPath(), s);
    QCOMPARE(encodingsByNumber(resumed), encodingsByNumber(clean.trials));
}

QTEST_GUILESS_MAIN(TestSearchRunner)
#include "tst_searchrunner.moc"
