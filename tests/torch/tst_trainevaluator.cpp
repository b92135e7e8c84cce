// The "train" evaluator through the real SearchRunner and a study file:
// every trial stores valid_acc, test_acc, params, flops and train_time_s,
// the per-epoch curves, and weights that load back into the same network
// and give the same test accuracy; a diverging training is a failed trial
// with its reason and the search goes on; unusable settings are refused
// with a sentence; the same architecture trains the same way twice.

#include "torch/NetworkModule.h"
#include "torch/NetworkWeights.h"
#include "torch/TrainEvaluator.h"
#include "torch/TrainingData.h"

#include "EngineTestSupport.h"
#include "FashionMnistSubset.h"
#include "cost/NetworkCost.h"
#include "eval/EvaluatorRegistry.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "study/Study.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <stdexcept>

using namespace archscape;

namespace {

// The first 6,000 training and 2,000 test images of Fashion-MNIST, written
// by initTestCase.
std::string subsetFolder;

RunSettings trainSettings()
{
    RunSettings s;
    s.strategy = "random";
    s.evaluator = "train";
    s.data = subsetFolder;
    s.epochs = 1;
    s.seed = 3;
    s.device = "cpu";
    // 1,680 training and 1,200 validation images; batches of 32 make 53
    // steps, enough for batch norm's running statistics to settle.
    s.options = {{"train_fraction", 0.35}, {"validation_fraction", 0.2}, {"batch_size", 32},
                 {"threads", 1}};
    return s;
}

std::optional<double> curveValue(const std::vector<CurvePoint>& curves, const std::string& name,
                                 int64_t step)
{
    for (const auto& c : curves)
        if (c.name == name && c.step == step)
            return c.value;
    return std::nullopt;
}

// Test accuracy of a module, computed here rather than by the Trainer.
double testAccuracy(NetworkModule& module)
{
    static std::shared_ptr<const TrainingData> data = TrainingData::load(subsetFolder, 0.2, 3);
    const auto& t = data->on(torch::kCPU);
    torch::NoGradGuard noGrad;
    module->eval();
    int64_t correct = 0;
    for (int64_t begin = 0; begin < t.testImages.size(0); begin += 100) {
        const auto logits = module->forward(t.testImages.slice(0, begin, begin + 100));
        correct += logits.argmax(1).eq(t.testLabels.slice(0, begin, begin + 100)).sum().item<int64_t>();
    }
    return 100.0 * double(correct) / double(t.testImages.size(0));
}

QString invalidArgument(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestTrainEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void searchStoresMetricsCurvesAndWeights();
    void divergingTrainingFailsAndSearchGoesOn();
    void sameArchitectureTrainsTheSameTwice();
    void unusableSettingsAreRefused();

private:
    std::unique_ptr<Study> runSearch(const RunSettings& settings, int workers,
                                     SearchRunner::Outcome* outcome = nullptr);

    QTemporaryDir dir_;
    int studies_ = 0;
};

void TestTrainEvaluator::initTestCase()
{
    QVERIFY(dir_.isValid());
    subsetFolder = torchtest::writeFashionMnistSubset(dir_.filePath("fashion-mnist"), 6000, 2000);
    registerTrainEvaluator();
    const auto names = EvaluatorRegistry::names();
    QVERIFY(std::find(names.begin(), names.end(), "train") != names.end());
}

std::unique_ptr<Study> TestTrainEvaluator::runSearch(const RunSettings& settings, int workers,
                                                     SearchRunner::Outcome* outcome)
{
    const std::string path =
        dir_.filePath(QString("study%1.db").arg(studies_++)).toStdString();
    auto study = Study::create(path, enginetest::loadBundled("fashion_mnist.json"), "train");
    study->saveSettings(settings);
    StrategySettings strategySettings;
    strategySettings.objectives = settings.objectives;
    strategySettings.seed = settings.seed;
    strategySettings.budget = settings.budget;
    auto strategy = StrategyRegistry::create(settings.strategy, study->codec(), strategySettings);
    auto evaluator = EvaluatorRegistry::create(settings, study->codec());
    SearchRunner runner(study->storage(), study->codec(), *strategy, *evaluator,
                        settings.objectives, RunLimits{settings.budget, 0.0, workers});
    const SearchRunner::Outcome result = runner.run();
    if (outcome)
        *outcome = result;
    return study;
}

void TestTrainEvaluator::searchStoresMetricsCurvesAndWeights()
{
    RunSettings settings = trainSettings();
    settings.budget = 3;
    auto study = runSearch(settings, 2); // two workers evaluate at once
    const auto trials = study->storage().trials();
    QCOMPARE(int(trials.size()), 3);
    for (const TrialRecord& t : trials) {
        QVERIFY2(t.state == TrialState::Complete, t.error.c_str());
        const bool first = &t == &trials.front();
        const Architecture arch = study->codec().decode(t.encoding);
        const NetworkCost cost = NetworkCost::of(study->codec().network(arch, false));
        QCOMPARE(t.metric("params"), std::optional<double>(double(cost.params)));
        QCOMPARE(t.metric("flops"), std::optional<double>(double(cost.macs)));
        const double valid = t.metric("valid_acc").value_or(-1);
        const double test = t.metric("test_acc").value_or(-1);
        qInfo("trial %lld: valid %.2f %%, test %.2f %%, %.2f s, %s", (long long)t.number, valid,
              test, t.metric("train_time_s").value_or(-1), t.encoding.c_str());
        QVERIFY(valid > 40.0 && valid <= 100.0); // percent, far above 10 % chance
        QVERIFY(test > 40.0 && test <= 100.0);
        QVERIFY(t.metric("train_time_s").value_or(0) > 0.0);

        const auto curves = study->storage().curves(t.id);
        QVERIFY(curveValue(curves, "train_loss", 1).value_or(99) < std::log(10.0));
        QCOMPARE(curveValue(curves, "valid_acc", 1), t.metric("valid_acc"));
        QCOMPARE(curveValue(curves, "epoch_time_s", 1), t.metric("train_time_s"));
        QVERIFY(!curveValue(curves, "train_loss", 2));

        const auto weights = study->storage().artifact(t.id, "weights");
        QVERIFY(weights && !weights->empty());
        if (!first)
            continue; // loading back once is enough
        NetworkModule module(study->codec().network(arch));
        loadNetworkWeights(module, *weights);
        QVERIFY(std::fabs(testAccuracy(module) - test) < 0.02);
    }
}

void TestTrainEvaluator::divergingTrainingFailsAndSearchGoesOn()
{
    RunSettings settings = trainSettings();
    settings.budget = 2;
    settings.options["lr"] = 1e30;
    SearchRunner::Outcome outcome = SearchRunner::Outcome::Stopped;
    auto study = runSearch(settings, 1, &outcome);
    QCOMPARE(int(outcome), int(SearchRunner::Outcome::BudgetReached));
    const auto trials = study->storage().trials();
    QCOMPARE(int(trials.size()), 2);
    for (const TrialRecord& t : trials) {
        QCOMPARE(t.state, TrialState::Failed);
        QVERIFY2(t.error.rfind("training diverged: ", 0) == 0, t.error.c_str());
        QVERIFY(!t.metric("test_acc"));
        QVERIFY(t.metric("params").value_or(0) > 0);
        QVERIFY(!study->storage().artifact(t.id, "weights"));
    }
}

void TestTrainEvaluator::sameArchitectureTrainsTheSameTwice()
{
    ArchitectureCodec codec(enginetest::loadBundled("fashion_mnist.json"));
    TrainEvaluator evaluator(codec, trainSettings());
    const Architecture arch = codec.defaultArchitecture();
    const EvaluationOutcome a = evaluator.evaluate(arch);
    const EvaluationOutcome b = evaluator.evaluate(arch);
    QVERIFY2(a.state == TrialState::Complete, a.error.c_str());
    QCOMPARE(a.metrics.at("valid_acc"), b.metrics.at("valid_acc"));
    QCOMPARE(a.metrics.at("test_acc"), b.metrics.at("test_acc"));
    QCOMPARE(curveValue(a.curves, "train_loss", 1), curveValue(b.curves, "train_loss", 1));
    QCOMPARE(a.artifacts.at(0).kind, std::string("weights"));
    QVERIFY(a.costSeconds >= a.metrics.at("train_time_s"));

    // Another study seed trains the same architecture differently.
    RunSettings other = trainSettings();
    other.seed = 4;
    const EvaluationOutcome c = TrainEvaluator(codec, other).evaluate(arch);
    QVERIFY(curveValue(c.curves, "train_loss", 1) != curveValue(a.curves, "train_loss", 1));
}

void TestTrainEvaluator::unusableSettingsAreRefused()
{
    ArchitectureCodec fashion(enginetest::loadBundled("fashion_mnist.json"));
    RunSettings s = trainSettings();
    s.data.clear();
    QVERIFY(invalidArgument([&] { TrainEvaluator(fashion, s); }).contains("--data"));

    s.data = dir_.filePath("no-such-folder").toStdString();
    QString message = invalidArgument([&] { TrainEvaluator(fashion, s); });
    QVERIFY2(message.contains("no-such-folder") && message.contains("not a folder"),
             qPrintable(message));

    ArchitectureCodec nb201(enginetest::loadBundled("nb201.json"));
    message = invalidArgument([&] { TrainEvaluator(nb201, trainSettings()); });
    QVERIFY2(message.contains("3×32×32") && message.contains("1×28×28"), qPrintable(message));

    s = trainSettings();
    s.epochs = 0;
    QVERIFY(invalidArgument([&] { TrainEvaluator(fashion, s); }).contains("epochs"));

    if (!torch::cuda::is_available()) {
        s = trainSettings();
        s.device = "cuda:0";
        message = invalidArgument([&] { EvaluatorRegistry::create(s, fashion); });
        QVERIFY2(message.contains("cuda:0"), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestTrainEvaluator)
#include "tst_trainevaluator.moc"
