// The "predictor" strategy on the real NAS-Bench-201 table: it keeps to the
// budget, never proposes an architecture twice, replays exactly on resume
// (predictions included, none lost and none doubled), stores its
// predictions and settings, keeps to constraints with several objectives,
// finds better architectures than random search, and runs from the CLI.

#include "SearchTestSupport.h"

#include "multiobjective/ParetoRanking.h"
#include "search/PredictorGuidedSearch.h"

#include "../support/PlainDb.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <set>

using namespace archscape;
using namespace searchtest;

namespace {

// Small rounds keep the suite quick; the defaults are for real searches.
RunSpec predictorSpec(uint64_t seed, int64_t budget)
{
    RunSpec s;
    s.strategy = "predictor";
    s.seed = seed;
    s.budget = budget;
    s.options = {{"initial", 10}, {"batch", 7}, {"candidates", 300}, {"trees", 40}};
    return s;
}

void checkDistinct(const std::vector<TrialRecord>& trials)
{
    std::set<std::string> hashes;
    for (const auto& t : trials)
        QVERIFY2(hashes.insert(t.archHash).second, t.encoding.c_str());
}

int runCli(const QStringList& args, QString* output = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(ARCHSCAPE_CLI), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestPredictorSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsToTheBudgetWithoutRepeats();
    void strategyAloneStopsAtItsBudget();
    void storesPredictionsAndSettings();
    void sameSeedSameRun();
    void stopAndResumeMatchesUninterruptedRun();
    void resumeRestoresLostPredictions();
    void severalWorkersAndResume();
    void keepsToConstraintsWithSeveralObjectives();
    void beatsRandomSearch();
    void runsFromTheCommandLine();

private:
    QTemporaryDir dir_;
    int files_ = 0;
    std::string newPath() { return dir_.filePath(QString("p%1.db").arg(files_++)).toStdString(); }
};

void TestPredictorSearch::initTestCase()
{
    QVERIFY(dir_.isValid());
    QCOMPARE(nb201Table()->size(), size_t(15625));
}

void TestPredictorSearch::keepsToTheBudgetWithoutRepeats()
{
    RunResult r = runStudy(newPath(), predictorSpec(1, 45));
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    QCOMPARE(r.trials.size(), size_t(45));
    checkDistinct(r.trials);
    for (const auto& t : r.trials)
        QCOMPARE(t.state, TrialState::Complete);
}

// Without a runner to stop it, the strategy itself proposes no more than
// its budget, even with a round planned past it.
void TestPredictorSearch::strategyAloneStopsAtItsBudget()
{
    auto study = openOrCreateNb201Study(newPath());
    StrategySettings settings = strategySettings(predictorSpec(2, 24));
    PredictorGuidedSearch strategy(study->codec(), settings);
    auto evaluator = nb201Evaluator(study->codec());
    std::set<uint64_t> hashes;
    int proposed = 0;
    for (int i = 0; i < 60; ++i) {
        std::optional<Architecture> a = strategy.propose();
        if (!a)
            break;
        ++proposed;
        QVERIFY(hashes.insert(study->codec().hash(*a)).second);
        Observation o;
        o.arch = *a;
        o.encoding = study->codec().encodeCanonical(*a);
        o.metrics = evaluator->evaluate(*a).metrics;
        strategy.observe(o);
    }
    QCOMPARE(proposed, 24);
    QCOMPARE(strategy.takePredictions().size(), size_t(24 - 10));
    QCOMPARE(strategy.takePredictions().size(), size_t(0)); // handed over once
}

void TestPredictorSearch::storesPredictionsAndSettings()
{
    const std::string path = newPath();
    RunResult r = runStudy(path, predictorSpec(3, 38));
    auto study = Study::open(path);
    std::vector<PredictionRecord> predictions = study->storage().predictions("xgboost");
    QCOMPARE(predictions.size(), size_t(38 - 10)); // every trial after the random start
    std::map<int64_t, const TrialRecord*> byId;
    for (const auto& t : r.trials)
        byId[t.id] = &t;
    std::set<int64_t> predictedTrials;
    for (const auto& p : predictions) {
        QVERIFY(byId.count(p.trialId));
        QVERIFY(predictedTrials.insert(p.trialId).second);
        QVERIFY(byId[p.trialId]->number >= 10);
        QVERIFY(p.measured.has_value());
        QCOMPARE(*p.measured, *byId[p.trialId]->metric("valid_acc"));
        QVERIFY2(std::abs(p.predicted - *p.measured) < 15.0, qPrintable(QString::number(p.predicted)));
    }
    QCOMPARE(study->storage().predictorNames(), std::vector<std::string>{"xgboost"});
    std::optional<std::string> settings = study->storage().studyArtifact("predictor", "xgboost");
    QVERIFY(settings.has_value());
    auto j = nlohmann::json::parse(*settings);
    QCOMPARE(j["predictor"]["model"].get<std::string>(), std::string("xgboost"));
    QCOMPARE(j["target"].get<std::string>(), std::string("valid_acc"));
    QCOMPARE(j["fits"].get<int>(), 4); // rounds of 7 after 10 random: 10+7*4 = 38
    QCOMPARE(j["training_trials"].get<int>(), 31);
}

void TestPredictorSearch::sameSeedSameRun()
{
    RunResult a = runStudy(newPath(), predictorSpec(4, 40));
    RunResult b = runStudy(newPath(), predictorSpec(4, 40));
    RunResult c = runStudy(newPath(), predictorSpec(5, 40));
    QCOMPARE(encodingsByNumber(a.trials), encodingsByNumber(b.trials));
    QVERIFY(encodingsByNumber(a.trials) != encodingsByNumber(c.trials));
}

void TestPredictorSearch::stopAndResumeMatchesUninterruptedRun()
{
    const RunSpec s = predictorSpec(6, 50);
    const std::string wholePath = newPath();
    RunResult whole = runStudy(wholePath, s);

    const std::string path = newPath();
    for (int64_t stopAt : {8, 21, 33}) {
        RunResult part = runStudy(path, s, {}, [stopAt](SearchRunner& runner, const RunProgress& p) {
            if (p.trials == stopAt)
                runner.requestStop();
        });
        QCOMPARE(outcomeName(part.outcome), "Stopped");
        QCOMPARE(part.trials.size(), size_t(stopAt));
    }
    RunResult last = runStudy(path, s);
    QCOMPARE(outcomeName(last.outcome), "BudgetReached");
    QCOMPARE(encodingsByNumber(last.trials), encodingsByNumber(whole.trials));

    auto predictionsOf = [](const std::string& p) {
        std::vector<std::pair<int64_t, double>> out;
        for (const auto& r : Study::open(p)->storage().predictions("xgboost"))
            out.push_back({r.trialId, r.predicted});
        std::sort(out.begin(), out.end());
        return out;
    };
    QCOMPARE(predictionsOf(path), predictionsOf(wholePath));
    QCOMPARE(Study::open(path)->storage().studyArtifact("predictor", "xgboost"),
             Study::open(wholePath)->storage().studyArtifact("predictor", "xgboost"));
}

// A crash between a trial's result and its predictions loses the latter;
// the replay on resume writes exactly the missing ones.
void TestPredictorSearch::resumeRestoresLostPredictions()
{
    const RunSpec s = predictorSpec(7, 40);
    const std::string path = newPath();
    runStudy(path, s, {}, [](SearchRunner& runner, const RunProgress& p) {
        if (p.trials == 30)
            runner.requestStop();
    });
    const size_t stored = Study::open(path)->storage().predictions().size();
    QCOMPARE(stored, size_t(30 - 10));
    {
        testsupport::PlainDb db(QString::fromStdString(path), SQLITE_OPEN_READWRITE,
                                testsupport::PlainDb::OnClose::Checkpoint);
        db.exec("DELETE FROM predictions WHERE id IN "
                "(SELECT id FROM predictions ORDER BY id DESC LIMIT 3)");
    }
    QCOMPARE(Study::open(path)->storage().predictions().size(), stored - 3);
    RunResult r = runStudy(path, s);
    QCOMPARE(r.trials.size(), size_t(40));
    std::vector<PredictionRecord> after = Study::open(path)->storage().predictions();
    QCOMPARE(after.size(), size_t(40 - 10));
    std::set<int64_t> trialIds;
    for (const auto& p : after)
        QVERIFY(trialIds.insert(p.trialId).second);
}

// With several workers a round's trials run at once; the next fit waits for
// all of them. A stopped run resumes without repeating or losing a trial.
void TestPredictorSearch::severalWorkersAndResume()
{
    RunSpec s = predictorSpec(9, 50);
    s.workers = 3;
    const std::string path = newPath();
    RunResult part = runStudy(path, s, {}, [](SearchRunner& runner, const RunProgress& p) {
        if (p.trials == 26)
            runner.requestStop();
    });
    QCOMPARE(outcomeName(part.outcome), "Stopped");
    RunResult r = runStudy(path, s);
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    QCOMPARE(r.trials.size(), size_t(50));
    checkDistinct(r.trials);
    std::set<std::string> workers;
    for (const auto& t : r.trials) {
        QCOMPARE(t.state, TrialState::Complete);
        workers.insert(t.worker);
    }
    QVERIFY(workers.size() > 1);
    std::set<int64_t> predicted;
    for (const auto& p : Study::open(path)->storage().predictions("xgboost"))
        QVERIFY(predicted.insert(p.trialId).second);
    QCOMPARE(predicted.size(), size_t(50 - 10));
}

void TestPredictorSearch::keepsToConstraintsWithSeveralObjectives()
{
    RunSpec s = predictorSpec(8, 60);
    s.objectives = "valid_acc:max,params:min";
    s.constraints = "params<=600000";
    RunResult r = runStudy(newPath(), s);
    QCOMPARE(r.trials.size(), size_t(60));
    checkDistinct(r.trials);
    std::vector<std::vector<double>> points;
    for (size_t i = 0; i < r.trials.size(); ++i) {
        double params = *r.trials[i].metric("params");
        if (i >= 10) // params are exact: every predicted pick keeps to the limit
            QVERIFY2(params <= 600000, qPrintable(QString("trial %1: %2 params").arg(i).arg(params)));
        if (params <= 600000)
            points.push_back({-*r.trials[i].metric("valid_acc"), params});
    }
    QVERIFY2(ParetoRanking::nonDominated(points).size() >= 3, "the front collapsed to a point or two");
}

// Over a few seeds, 60 queries: better than random search with the same
// seeds, by the best validation accuracy found.
void TestPredictorSearch::beatsRandomSearch()
{
    auto bestValid = [](const std::vector<TrialRecord>& trials) {
        double best = 0.0;
        for (const auto& t : trials)
            best = std::max(best, *t.metric("valid_acc"));
        return best;
    };
    double predictor = 0.0, random = 0.0;
    for (uint64_t seed : {11, 12, 13, 14}) {
        predictor += bestValid(runStudy(newPath(), predictorSpec(seed, 60)).trials);
        RunSpec r;
        r.strategy = "random";
        r.seed = seed;
        r.budget = 60;
        random += bestValid(runStudy(newPath(), r).trials);
    }
    qInfo("mean best valid_acc in 60 queries: predictor %.3f, random %.3f", predictor / 4, random / 4);
    QVERIFY2(predictor > random + 0.2, qPrintable(QString("%1 vs %2").arg(predictor / 4).arg(random / 4)));
}

void TestPredictorSearch::runsFromTheCommandLine()
{
    const QString study = QString::fromStdString(newPath());
    QString out;
    QCOMPARE(runCli({"new", study, "--space", QString::fromStdString(nb201SpacePath())}, &out), 0);
    QCOMPARE(runCli({"run", study, "--strategy", "predictor", "--evaluator", "nb201", "--data",
                     QString::fromStdString(nb201TablePath()), "--budget", "30", "--seed", "3",
                     "--options", "initial=10,batch=5,trees=40,candidates=300", "--quiet"},
                    &out),
             0);
    auto s = Study::open(study.toStdString());
    QCOMPARE(s->storage().trialCount(), int64_t(30));
    QCOMPARE(s->settings()->options.at("initial"), 10.0);
    QCOMPARE(s->storage().predictions("xgboost").size(), size_t(20));

    const QString fresh = QString::fromStdString(newPath());
    QCOMPARE(runCli({"new", fresh, "--space", QString::fromStdString(nb201SpacePath())}, &out), 0);
    QCOMPARE(runCli({"run", fresh, "--strategy", "predictor", "--evaluator", "nb201", "--data",
                     QString::fromStdString(nb201TablePath()), "--options", "initial"},
                    &out),
             2);
    QVERIFY2(out.contains("--options"), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestPredictorSearch)
#include "tst_predictorsearch.moc"
