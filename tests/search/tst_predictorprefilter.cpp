// The predictor strategy's model choice and zero-cost options on the real
// NAS-Bench-201 table, with a stand-in scorer (scores from the
// architecture's hash, no LibTorch): an unknown model, proxy or missing
// scorer fails at once with a clear message; zc_features lengthens the
// feature vector the predictor is fitted on; zc_prefilter=K lets only the
// K best of each round's candidates by the proxy be evaluated, never more
// than the budget and never an architecture twice.

#include "SearchTestSupport.h"

#include "search/PredictorGuidedSearch.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

using namespace archscape;
using namespace searchtest;

namespace {

// Records every architecture it is asked about, since the last clear().
class HashScorer : public ArchitectureScorer
{
public:
    explicit HashScorer(const ArchitectureCodec& codec) : codec_(codec) {}
    std::vector<std::string> scoreNames() const override { return {"synflow", "grad_norm", "jacob_cov"}; }
    std::map<std::string, double> scores(const Architecture& arch) override
    {
        const uint64_t h = codec_.hashCanonical(arch);
        asked.insert(h);
        everAsked.insert(h);
        return {{"synflow", proxyOf(h)}, {"grad_norm", 1.0}, {"jacob_cov", -1.0}};
    }
    size_t computed() const override { return everAsked.size(); }
    static double proxyOf(uint64_t hash) { return double(hash % 1000003); }

    std::set<uint64_t> asked, everAsked;

private:
    const ArchitectureCodec& codec_;
};

// A factory of hash scorers that lets a test watch the one the strategy
// made (the strategy owns it).
auto watchedScorerFactory(HashScorer*& made)
{
    return [&made](const std::string&, const ArchitectureCodec& codec, const ScorerSettings&) {
        auto scorer = std::make_unique<HashScorer>(codec);
        made = scorer.get();
        return std::unique_ptr<ArchitectureScorer>(std::move(scorer));
    };
}

struct Drive
{
    std::vector<size_t> roundSizes; // proposals per round after the random start
    std::set<uint64_t> hashes;
    size_t proposed = 0;
    bool repeated = false;
    bool prefilterHeld = true; // each round's picks are the best by proxy of what was scored
};

StrategySettings prefilterSettings(int64_t budget, double prefilter, HashScorer* scorer)
{
    StrategySettings s;
    s.objectives = Objective::parseList("valid_acc:max");
    s.seed = 3;
    s.budget = budget;
    s.options = {{"initial", 10}, {"batch", 5}, {"candidates", 120}, {"trees", 20}, {"local", 0},
                 {"zc_prefilter", prefilter}};
    s.createScorer = [scorer](const std::string& name, const ArchitectureCodec&, const ScorerSettings&) {
        if (name != "zc")
            throw std::invalid_argument("no scorer " + name);
        return std::unique_ptr<ArchitectureScorer>(std::make_unique<HashScorer>(*scorer));
    };
    return s;
}

// Proposes until the strategy waits, then tells it every result, round
// after round, as a runner with one worker would.
Drive drive(PredictorGuidedSearch& strategy, const ArchitectureCodec& codec, size_t initial,
            const std::function<HashScorer&()>& scorer)
{
    auto evaluator = nb201Evaluator(codec);
    Drive d;
    for (int round = 0; round < 100; ++round) {
        scorer().asked.clear();
        std::vector<Architecture> batch;
        while (auto a = strategy.propose())
            batch.push_back(*a);
        if (batch.empty())
            break;
        if (d.proposed >= initial) {
            d.roundSizes.push_back(batch.size());
            std::vector<double> scored;
            for (uint64_t h : scorer().asked)
                scored.push_back(HashScorer::proxyOf(h));
            std::sort(scored.rbegin(), scored.rend());
            for (const auto& a : batch) {
                const double p = HashScorer::proxyOf(codec.hashCanonical(a));
                const size_t better = size_t(std::count_if(scored.begin(), scored.end(),
                                                           [&](double s) { return s > p; }));
                if (!scorer().asked.count(codec.hashCanonical(a)) || better >= batch.size())
                    d.prefilterHeld = false;
            }
        }
        for (const auto& a : batch) {
            d.repeated |= !d.hashes.insert(codec.hashCanonical(a)).second;
            ++d.proposed;
            Observation o;
            o.arch = a;
            o.encoding = codec.encodeCanonical(a);
            o.metrics = evaluator->evaluate(a).metrics;
            strategy.observe(o);
        }
    }
    return d;
}

} // namespace

class TestPredictorPrefilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unknownModelFailsAtOnce();
    void zcWithoutAScorerFailsAtOnce();
    void unknownProxyFailsAtOnce();
    void prefilterKeepsEachRoundToK();
    void prefilterNeverPassesTheBudget();
    void zcFeaturesLengthenTheFeatures();

private:
    std::unique_ptr<Study> study_;
    QTemporaryDir dir_;
};

void TestPredictorPrefilter::initTestCase()
{
    QVERIFY(dir_.isValid());
    study_ = openOrCreateNb201Study(dir_.filePath("p.db").toStdString());
}

void TestPredictorPrefilter::unknownModelFailsAtOnce()
{
    StrategySettings s;
    s.objectives = Objective::parseList("valid_acc:max");
    s.textOptions["model"] = "forest";
    try {
        PredictorGuidedSearch strategy(study_->codec(), s);
        QFAIL("an unknown model was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("'forest'") && QString(e.what()).contains("xgb"), e.what());
    }
}

void TestPredictorPrefilter::zcWithoutAScorerFailsAtOnce()
{
    StrategySettings s;
    s.objectives = Objective::parseList("valid_acc:max");
    s.options["zc_features"] = 1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PredictorGuidedSearch(study_->codec(), s));
}

void TestPredictorPrefilter::unknownProxyFailsAtOnce()
{
    HashScorer scorer(study_->codec());
    StrategySettings s = prefilterSettings(30, 2, &scorer);
    s.textOptions["zc_proxy"] = "snip";
    try {
        PredictorGuidedSearch strategy(study_->codec(), s);
        QFAIL("an unknown proxy was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("snip") && QString(e.what()).contains("synflow"), e.what());
    }
}

void TestPredictorPrefilter::prefilterKeepsEachRoundToK()
{
    // The strategy owns its scorer; the test watches it through the one it made.
    HashScorer* made = nullptr;
    HashScorer prototype(study_->codec());
    StrategySettings s = prefilterSettings(30, 2, &prototype);
    s.createScorer = watchedScorerFactory(made);
    PredictorGuidedSearch strategy(study_->codec(), s);
    QVERIFY(made);
    Drive d = drive(strategy, study_->codec(), 10, [&]() -> HashScorer& { return *made; });
    QCOMPARE(d.proposed, size_t(30));
    QVERIFY(!d.repeated);
    QCOMPARE(d.roundSizes.size(), size_t(10)); // rounds of 2, not of batch=5
    for (size_t n : d.roundSizes)
        QCOMPARE(n, size_t(2));
    QVERIFY(d.prefilterHeld);
    QVERIFY2(made->everAsked.size() > 10 * 2 * 10, qPrintable(QString::number(made->everAsked.size())));
    auto settings = strategy.takePredictorSettings();
    QVERIFY(settings.count("xgboost"));
    auto j = nlohmann::json::parse(settings["xgboost"]);
    QCOMPARE(j["model"].get<std::string>(), std::string("xgb"));
    QCOMPARE(j["zc_prefilter"].get<int>(), 2);
    QCOMPARE(j["zc_proxy"].get<std::string>(), std::string("synflow"));
    QCOMPARE(j["feature_length"].get<int>(), study_->codec().featureLength() + 2); // no zc_features
}

void TestPredictorPrefilter::prefilterNeverPassesTheBudget()
{
    HashScorer* made = nullptr;
    HashScorer prototype(study_->codec());
    StrategySettings s = prefilterSettings(23, 4, &prototype);
    s.createScorer = watchedScorerFactory(made);
    PredictorGuidedSearch strategy(study_->codec(), s);
    Drive d = drive(strategy, study_->codec(), 10, [&]() -> HashScorer& { return *made; });
    QCOMPARE(d.proposed, size_t(23));
    QVERIFY(!d.repeated);
    QCOMPARE(d.roundSizes, (std::vector<size_t>{4, 4, 4, 1}));
    QVERIFY(!strategy.propose());
}

void TestPredictorPrefilter::zcFeaturesLengthenTheFeatures()
{
    HashScorer* made = nullptr;
    HashScorer prototype(study_->codec());
    StrategySettings s = prefilterSettings(20, 0, &prototype);
    s.options.erase("zc_prefilter");
    s.options["zc_features"] = 1;
    s.options["candidates"] = 60;
    s.createScorer = watchedScorerFactory(made);
    PredictorGuidedSearch strategy(study_->codec(), s);
    Drive d = drive(strategy, study_->codec(), 10, [&]() -> HashScorer& { return *made; });
    QCOMPARE(d.proposed, size_t(20));
    QVERIFY(!d.repeated);
    auto j = nlohmann::json::parse(strategy.takePredictorSettings().at("xgboost"));
    QCOMPARE(j["feature_length"].get<int>(), study_->codec().featureLength() + 2 + 3);
    QVERIFY(j["features"].get<std::string>().find("synflow") != std::string::npos);
    // The trained-on trials and the scored candidates all went through the scorer.
    for (uint64_t h : d.hashes)
        QVERIFY(made->everAsked.count(h));
    // Counted when the last fit was stored, before that round's candidates were scored.
    const size_t stored = j["zc_scored_architectures"].get<size_t>();
    QVERIFY(stored >= d.hashes.size() - 5 && stored < made->everAsked.size());
}

QTEST_GUILESS_MAIN(TestPredictorPrefilter)
#include "tst_predictorprefilter.moc"
