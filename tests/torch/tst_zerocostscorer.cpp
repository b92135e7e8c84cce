// Zero-cost proxies and the MLP in the predictor strategy, with LibTorch:
// the "zc" scorer scores real Fashion-MNIST images once per architecture
// and refuses images of the wrong shape with a message naming zc_data;
// `model=mlp` chosen through the run's options really fits the MLP (its
// settings and predictions are stored under its name); a search with
// zc_features and zc_prefilter on the Fashion-MNIST space keeps to its
// budget and stores the longer feature vector.

#include "EngineTestSupport.h"

#include "predict/ArchitectureScorerRegistry.h"
#include "predict/PredictorRegistry.h"
#include "space/ArchitectureSampler.h"
#include "space/SpaceFile.h"
#include "study/Study.h"
#include "study/StudySearch.h"
#include "torch/MlpPredictor.h"
#include "torch/TorchThreads.h"
#include "torch/ZeroCostScorer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <random>
#include <set>
#include <stdexcept>

using namespace archscape;

namespace {

std::string spacePath(const char* name)
{
    return (qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/resources/spaces/" + name).toStdString();
}

std::string nb201TablePath()
{
    return (qEnvironmentVariable("ARCHSCAPE_SHARED_DATA") + "/nb201/nb201_cifar10.csv").toStdString();
}

} // namespace

class TestZeroCostScorer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scoresOncePerArchitecture();
    void wrongImageShapeNamesZcData();
    void unreadableDataIsAClearError();
    void mlpChosenThroughOptions();
    void unknownModelIsRefusedBeforeTheRun();
    void zeroCostSearchOnFashionMnist();

private:
    QTemporaryDir dir_;
};

void TestZeroCostScorer::initTestCase()
{
    QVERIFY(dir_.isValid());
    TorchThreads::apply(0);
    registerMlpPredictor();
    registerZeroCostScorer();
}

void TestZeroCostScorer::scoresOncePerArchitecture()
{
    ArchitectureCodec codec(SpaceFile::load(spacePath("fashion_mnist.json")));
    auto scorer = ArchitectureScorerRegistry::create("zc", codec, ScorerSettings{"", "cpu", 1});
    std::mt19937_64 rng(4);
    const Architecture a = ArchitectureSampler(codec).sample(rng);
    const auto first = scorer->scores(a);
    QCOMPARE(first.size(), size_t(3));
    for (const std::string& name : scorer->scoreNames())
        QVERIFY2(std::isfinite(first.at(name)), name.c_str());
    QVERIFY(first.at("synflow") > 0.0);
    QVERIFY(first.at("grad_norm") > 0.0);
    QCOMPARE(scorer->computed(), size_t(1));
    QCOMPARE(scorer->scores(a), first);
    QCOMPARE(scorer->computed(), size_t(1)); // cached
}

void TestZeroCostScorer::wrongImageShapeNamesZcData()
{
    ArchitectureCodec codec(SpaceFile::load(spacePath("nb201.json")));
    try {
        ArchitectureScorerRegistry::create("zc", codec, {});
        QFAIL("Fashion-MNIST images were accepted for a 3-channel space");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("zc_data"), e.what());
    }
}

void TestZeroCostScorer::unreadableDataIsAClearError()
{
    ArchitectureCodec codec(SpaceFile::load(spacePath("fashion_mnist.json")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ArchitectureScorerRegistry::create("zc", codec, ScorerSettings{"/no/such/folder", "cpu", 0}));
}

void TestZeroCostScorer::mlpChosenThroughOptions()
{
    const std::string path = dir_.filePath("mlp.db").toStdString();
    auto study = Study::create(path, SpaceFile::load(spacePath("nb201.json")), "mlp");
    RunSettings s;
    s.strategy = "predictor";
    s.evaluator = "nb201";
    s.data = nb201TablePath();
    s.budget = 12;
    s.seed = 2;
    s.options = {{"initial", 8}, {"batch", 4}, {"candidates", 30}, {"generations", 3},
                 {"members", 2}, {"local", 0}};
    s.textOptions = {{"model", "mlp"}};
    study->saveSettings(s);
    StudySearch search(*study);
    search.runner().run();
    QCOMPARE(study->storage().trialCount(), int64_t(12));
    QCOMPARE(study->storage().predictorNames(), std::vector<std::string>{"mlp"});
    QCOMPARE(study->storage().predictions("mlp").size(), size_t(4));
    for (const auto& p : study->storage().predictions("mlp")) {
        QVERIFY(p.measured.has_value());
        QVERIFY(std::isfinite(p.predicted));
    }
    auto settings = study->storage().studyArtifact("predictor", "mlp");
    QVERIFY(settings.has_value());
    auto j = nlohmann::json::parse(*settings);
    QCOMPARE(j["model"].get<std::string>(), std::string("mlp"));
    QCOMPARE(j["fits"].get<int>(), 1);
    QCOMPARE(j["predictor"]["members"].get<int>(), 2);
    QVERIFY(j["predictor"].dump().find("mlp") != std::string::npos);
}

void TestZeroCostScorer::unknownModelIsRefusedBeforeTheRun()
{
    ArchitectureCodec codec(SpaceFile::load(spacePath("nb201.json")));
    RunSettings s;
    s.strategy = "predictor";
    s.data = nb201TablePath();
    s.textOptions = {{"model", "forest"}};
    try {
        StudySearch::check(s, codec);
        QFAIL("an unknown model was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("xgb, mlp"), e.what());
    }
}

void TestZeroCostScorer::zeroCostSearchOnFashionMnist()
{
    const std::string path = dir_.filePath("zc.db").toStdString();
    auto study = Study::create(path, SpaceFile::load(spacePath("fashion_mnist.json")), "zc");
    RunSettings s;
    s.strategy = "predictor";
    s.evaluator = "cost";
    s.objectives = Objective::parseList("params:min");
    // One round: 2 random trials, then 3 children scored, 2 kept by synflow, 1 evaluated.
    s.budget = 3;
    s.seed = 1;
    s.options = {{"initial", 2}, {"batch", 1},      {"candidates", 3}, {"generations", 1},
                 {"population", 2}, {"local", 0}, {"trees", 10},    {"zc_features", 1},
                 {"zc_prefilter", 2}};
    study->saveSettings(s);
    StudySearch search(*study);
    search.runner().run();
    const auto trials = study->storage().trials();
    QCOMPARE(trials.size(), size_t(3));
    std::set<std::string> hashes;
    for (const auto& t : trials)
        QVERIFY(hashes.insert(t.archHash).second);
    auto settings = study->storage().studyArtifact("predictor", "xgboost");
    QVERIFY(settings.has_value());
    auto j = nlohmann::json::parse(*settings);
    QCOMPARE(j["feature_length"].get<int>(), study->codec().featureLength() + 2 + 3);
    QCOMPARE(j["zc_prefilter"].get<int>(), 2);
    const int scored = j["zc_scored_architectures"].get<int>();
    QCOMPARE(scored, 2); // the fit's training trials; the children are scored after it
}

QTEST_GUILESS_MAIN(TestZeroCostScorer)
#include "tst_zerocostscorer.moc"
