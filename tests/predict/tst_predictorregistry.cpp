// The predictor and architecture-scorer registries: models by name, with
// an error that lists the known ones; scorer scores appended to the
// feature vector, log-scaled, with a floor for scores that failed.

#include "PredictTestSupport.h"

#include "predict/ArchitectureScorerRegistry.h"
#include "predict/PredictorRegistry.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

using namespace archscape;
using namespace predicttest;

namespace {

class ConstantPredictor : public Predictor
{
public:
    std::string name() const override { return "constant"; }
    std::string settingsJson() const override { return "{}"; }
    void fit(const FeatureMatrix&, const std::vector<double>& targets) override { value_ = targets.at(0); }
    std::vector<Prediction> predict(const FeatureMatrix& features) const override
    {
        return std::vector<Prediction>(features.size(), Prediction{value_, std::nullopt});
    }

private:
    double value_ = 0.0;
};

// Scores from the architecture's hash: no LibTorch needed.
class HashScorer : public ArchitectureScorer
{
public:
    explicit HashScorer(const ArchitectureCodec& codec) : codec_(codec) {}
    std::vector<std::string> scoreNames() const override { return {"synflow", "grad_norm", "jacob_cov"}; }
    std::map<std::string, double> scores(const Architecture& arch) override
    {
        ++calls_;
        const double h = double(codec_.hashCanonical(arch) % 1000) + 1.0;
        return {{"synflow", h * 1e20}, {"grad_norm", std::nan("")}, {"jacob_cov", -h}};
    }
    size_t computed() const override { return calls_; }

private:
    const ArchitectureCodec& codec_;
    size_t calls_ = 0;
};

} // namespace

class TestPredictorRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void xgbIsBuiltIn();
    void unknownModelListsTheKnownOnes();
    void addedModelIsCreated();
    void unknownScorerIsAClearError();
    void scoresLengthenTheFeatureVector();
    void scoresAreLogScaled();
};

void TestPredictorRegistry::xgbIsBuiltIn()
{
    QVERIFY(PredictorRegistry::has("xgb"));
    QCOMPARE(PredictorRegistry::names().front(), std::string("xgb"));
    PredictorRequest request;
    request.members = 3;
    request.trees = 12;
    auto p = PredictorRegistry::create("xgb", request);
    QCOMPARE(p->name(), std::string("xgboost"));
    auto j = nlohmann::json::parse(p->settingsJson());
    QCOMPARE(j["members"].get<int>(), 3);
    QCOMPARE(j["rounds"].get<int>(), 12);
}

void TestPredictorRegistry::unknownModelListsTheKnownOnes()
{
    try {
        PredictorRegistry::create("forest", {});
        QFAIL("an unknown model was created");
    } catch (const std::invalid_argument& e) {
        const QString message = e.what();
        QVERIFY2(message.contains("'forest'") && message.contains("xgb"), e.what());
    }
}

void TestPredictorRegistry::addedModelIsCreated()
{
    PredictorRegistry::add("constant", [](const PredictorRequest&) {
        return std::unique_ptr<Predictor>(std::make_unique<ConstantPredictor>());
    });
    const auto names = PredictorRegistry::names();
    QCOMPARE(names.back(), std::string("constant"));
    auto p = PredictorRegistry::create("constant", {});
    p->fit({{0.0f}}, {42.0});
    QCOMPARE(p->predict({{1.0f}, {2.0f}}).at(1).mean, 42.0);
}

void TestPredictorRegistry::unknownScorerIsAClearError()
{
    QVERIFY(ArchitectureScorerRegistry::names().empty()); // the engine has none of its own
    try {
        ArchitectureScorerRegistry::create("zc", nb201Codec(), {});
        QFAIL("a scorer was created from an empty registry");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("LibTorch"), e.what());
    }
}

void TestPredictorRegistry::scoresLengthenTheFeatureVector()
{
    const ArchitectureCodec& codec = nb201Codec();
    HashScorer scorer(codec);
    ArchitectureFeatures plain(codec, true), withScores(codec, true, &scorer);
    QCOMPARE(withScores.length(), plain.length() + 3);
    QVERIFY(!plain.withScores() && withScores.withScores());
    std::mt19937_64 rng(5);
    const Architecture a = ArchitectureSampler(codec).sample(rng);
    const std::vector<float> p = plain.of(a), w = withScores.of(a);
    QCOMPARE(int(w.size()), withScores.length());
    QCOMPARE(std::vector<float>(w.begin(), w.begin() + long(p.size())), p);
    const double h = double(codec.hashCanonical(codec.canonical(a)) % 1000) + 1.0;
    QCOMPARE(w[p.size()], ArchitectureFeatures::scaledScore("synflow", h * 1e20));
    QCOMPARE(w[p.size() + 1], -12.0f);
    QCOMPARE(w[p.size() + 2], ArchitectureFeatures::scaledScore("jacob_cov", -h));
    QCOMPARE(scorer.computed(), size_t(1));
}

void TestPredictorRegistry::scoresAreLogScaled()
{
    QCOMPARE(ArchitectureFeatures::scaledScore("synflow", 1e30), 30.0f);
    QCOMPARE(ArchitectureFeatures::scaledScore("grad_norm", 0.01), -2.0f);
    QCOMPARE(ArchitectureFeatures::scaledScore("grad_norm", 0.0), -12.0f);
    QCOMPARE(ArchitectureFeatures::scaledScore("jacob_cov", -999.0), -3.0f);
    QCOMPARE(ArchitectureFeatures::scaledScore("jacob_cov", 9.0), 1.0f);
    QCOMPARE(ArchitectureFeatures::scaledScore("synflow", std::nan("")), -12.0f);
    QCOMPARE(ArchitectureFeatures::scaledScore("other", 3.5), 3.5f);
}

QTEST_GUILESS_MAIN(TestPredictorRegistry)
#include "tst_predictorregistry.moc"
