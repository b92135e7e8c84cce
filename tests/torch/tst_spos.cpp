// Single-path one-shot search: the supernet shares one tensor per block
// and configuration between architectures (and only then), a path computes
// exactly what a stand-alone network given the path's weights computes,
// fair sampling trains every option equally often, batch-norm
// recalibration changes the statistics deterministically and leaves the
// supernet alone, and the "supernet" evaluator with the "spos" strategy
// runs a search through the SearchRunner within its budget and its
// constraint, storing the supernet so that resume does not train again.

#include "torch/NetworkModule.h"
#include "torch/NetworkWeights.h"
#include "torch/TrainingData.h"
#include "torch/oneshot/InheritedWeightsScorer.h"
#include "torch/oneshot/SinglePathSupernet.h"
#include "torch/oneshot/SposSearch.h"
#include "torch/oneshot/SupernetEvaluator.h"
#include "torch/oneshot/SupernetPathSampler.h"
#include "torch/oneshot/SupernetTrainer.h"

#include "EngineTestSupport.h"
#include "FashionMnistSubset.h"
#include "PhaseReports.h"
#include "cost/NetworkCost.h"
#include "eval/EvaluatorRegistry.h"
#include "search/StrategyRegistry.h"
#include "space/ArchitectureSampler.h"
#include "study/Study.h"
#include "study/StudySearch.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <random>

using namespace archscape;

namespace {

// The first 3,000 training and 1,000 test images of Fashion-MNIST, written
// by initTestCase.
std::string subsetFolder;

TrainingSettings tinyTraining()
{
    TrainingSettings s;
    s.epochs = 1;
    s.batchSize = 32;
    s.trainFraction = 0.2; // 480 images: 15 steps
    s.validationFraction = 0.2;
    s.seed = 5;
    s.threads = 1;
    return s;
}

RunSettings searchSettings()
{
    RunSettings s;
    s.strategy = "spos";
    s.evaluator = "supernet";
    s.data = subsetFolder;
    s.epochs = 1;
    s.seed = 11;
    s.objectives = {{"valid_acc", true}};
    s.options = {{"train_fraction", 0.6}, {"validation_fraction", 0.2}, {"batch_size", 32},
                 {"threads", 1}, {"population", 4}, {"parents", 2}, {"bn_batches", 2},
                 {"valid_images", 300}, {"test_images", 300}};
    return s;
}

// The tensor behind each parametric layer of a path, by layer.
std::map<size_t, const void*> weightData(NetworkModule& path)
{
    std::map<size_t, const void*> data;
    const auto children = path->named_children();
    for (size_t i = 0; i < path->network().layers.size(); ++i)
        if (!path->moduleName(i).empty())
            data[i] = children[path->moduleName(i)]->parameters().front().data_ptr();
    return data;
}

std::optional<double> metricOf(const TrialRecord& t, const std::string& name)
{
    return t.metric(name);
}

} // namespace

class TestSpos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameBlockAndConfigurationShareOneTensor();
    void pathComputesWhatTheStandAloneNetworkComputes_data();
    void pathComputesWhatTheStandAloneNetworkComputes();
    void fairSamplingTrainsEveryOptionEquallyOften();
    void trainingLowersTheLossAndTouchesOnlyThePath();
    void recalibrationChangesStatisticsDeterministically();
    void searchKeepsBudgetAndConstraintAndResumeDoesNotRetrain();
    void prepareReportsItsPhases();
    void stopDuringSupernetTrainingEndsItBetweenSteps();
    void unusableSettingsAreRefused();

private:
    QTemporaryDir dir_;
};

void TestSpos::initTestCase()
{
    QVERIFY(dir_.isValid());
    subsetFolder = torchtest::writeFashionMnistSubset(dir_.filePath("fashion-mnist"), 3000, 1000);
    registerSupernetEvaluator();
    registerSposStrategy();
    const auto strategies = StrategyRegistry::names();
    QVERIFY(std::find(strategies.begin(), strategies.end(), "spos") != strategies.end());
    const auto evaluators = EvaluatorRegistry::names();
    QVERIFY(std::find(evaluators.begin(), evaluators.end(), "supernet") != evaluators.end());
}

void TestSpos::sameBlockAndConfigurationShareOneTensor()
{
    ArchitectureCodec codec(enginetest::loadBundled("fashion_mnist.json"));
    SinglePathSupernet supernet(codec, torch::kCPU, 1);
    std::mt19937_64 rng(3);
    ArchitectureSampler sampler(codec);
    int shared = 0, distinct = 0;
    for (int pair = 0; pair < 20; ++pair) {
        const Architecture a = sampler.sample(rng);
        const Architecture b = sampler.mutate(a, rng);
        NetworkModule pathA = supernet->path(a);
        NetworkModule pathB = supernet->path(b);
        const auto keysA = SinglePathSupernetImpl::layerKeys(pathA->network());
        const auto keysB = SinglePathSupernetImpl::layerKeys(pathB->network());
        const auto dataA = weightData(pathA);
        const auto dataB = weightData(pathB);
        for (const auto& [i, tensorA] : dataA)
            for (const auto& [j, tensorB] : dataB) {
                const bool sameKey = keysA[i] == keysB[j];
                QCOMPARE(tensorA == tensorB, sameKey);
                shared += sameKey;
                distinct += !sameKey && pathA->network().layers[i].blockId
                                            == pathB->network().layers[j].blockId;
            }
    }
    QVERIFY(shared > 100);  // most layers are shared by a mutation and its parent
    QVERIFY(distinct > 20); // another option of the same block: other weights

    // op1's kernel 3 and kernel 5 convolutions: one position, two
    // candidates, each with its own batch norm; every other block shared.
    const Architecture k3 = codec.decode("op1=conv;op1/conv.kernel=3");
    const Architecture k5 = codec.decode("op1=conv;op1/conv.kernel=5");
    NetworkModule p3 = supernet->path(k3), p5 = supernet->path(k5);
    const auto data3 = weightData(p3), data5 = weightData(p5);
    QCOMPARE(data3.size(), data5.size());
    int inOp1 = 0;
    for (const auto& [i, tensor] : data3) {
        const bool op1 = p3->network().layers[i].blockId == "op1";
        QCOMPARE(p5->network().layers[i].blockId, p3->network().layers[i].blockId);
        QCOMPARE(tensor == data5.at(i), !op1);
        inOp1 += op1;
    }
    QCOMPARE(inOp1, 2); // the convolution and its batch norm
    // Asking again gives the same tensors, not new ones.
    NetworkModule again = supernet->path(k3);
    QCOMPARE(again->parameters().front().data_ptr(), p3->parameters().front().data_ptr());
    QCOMPARE(supernet->parameters().size(),
             [&] {
                 size_t n = 0;
                 for (const auto& c : supernet->children())
                     n += c->parameters().size();
                 return n;
             }());
}

void TestSpos::pathComputesWhatTheStandAloneNetworkComputes_data()
{
    QTest::addColumn<QString>("space");
    QTest::newRow("fashion_mnist") << "fashion_mnist.json";
    QTest::newRow("mbconv") << "mbconv.json";
}

void TestSpos::pathComputesWhatTheStandAloneNetworkComputes()
{
    QFETCH(QString, space);
    ArchitectureCodec codec(enginetest::loadBundled(space));
    SinglePathSupernet supernet(codec, torch::kCPU, 2);
    std::mt19937_64 rng(7);
    ArchitectureSampler sampler(codec);
    torch::manual_seed(0);
    // Move the batch norms' statistics away from their initial values.
    for (int i = 0; i < 4; ++i) {
        NetworkModule path = supernet->path(sampler.sample(rng));
        const Shape in = path->network().inputShape();
        torch::NoGradGuard noGrad;
        path->train();
        path->forward(torch::randn({4, in.channels, in.height, in.width}));
    }
    for (int i = 0; i < 3; ++i) {
        const Architecture arch = sampler.sample(rng);
        NetworkModule path = supernet->path(arch);
        NetworkModule alone(codec.network(arch));
        loadNetworkWeights(alone, saveNetworkWeights(path));
        QCOMPARE(alone->parameterCount(), NetworkCost::of(codec.network(arch)).params);
        path->eval();
        alone->eval();
        const Shape in = path->network().inputShape();
        const torch::Tensor x = torch::randn({3, in.channels, in.height, in.width});
        torch::NoGradGuard noGrad;
        const torch::Tensor a = path->forward(x), b = alone->forward(x);
        QVERIFY(a.abs().max().item<double>() > 0.0);
        QCOMPARE(torch::max(torch::abs(a - b)).item<double>(), 0.0);
        // The stand-alone network holds copies: changing them leaves the supernet.
        for (auto& p : alone->parameters())
            p.data().add_(1.0);
        QVERIFY(!torch::equal(path->forward(x), alone->forward(x)));
    }
}

void TestSpos::fairSamplingTrainsEveryOptionEquallyOften()
{
    ArchitectureCodec codec(enginetest::loadBundled("fashion_mnist.json"));
    const int op1 = codec.decisions().find("op1"); // always active: alternatives conv, sep, mb
    QVERIFY(op1 >= 0);
    QCOMPARE(codec.decisions()[op1].size(), 3);
    SupernetPathSampler fair(codec, SupernetPathSampler::Mode::Fair, 4);
    SupernetPathSampler uniform(codec, SupernetPathSampler::Mode::Uniform, 4);
    std::vector<int> fairCounts(3, 0), uniformCounts(3, 0);
    for (int step = 0; step < 30; ++step) {
        ++fairCounts[size_t(fair.next().choices[size_t(op1)])];
        ++uniformCounts[size_t(uniform.next().choices[size_t(op1)])];
        if ((step + 1) % 3 == 0)
            QVERIFY(fairCounts[0] == fairCounts[1] && fairCounts[1] == fairCounts[2]);
    }
    QCOMPARE(fairCounts, std::vector<int>(3, 10));
    QVERIFY(uniformCounts != std::vector<int>(3, 10)); // this seed is not exactly even
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SupernetPathSampler::modeFromOption(2));
}

void TestSpos::trainingLowersTheLossAndTouchesOnlyThePath()
{
    ArchitectureCodec codec(enginetest::loadBundled("fashion_mnist.json"));
    const TrainingSettings settings = tinyTraining();
    const auto data = TrainingData::load(subsetFolder, settings.validationFraction, settings.seed);

    TrainingSettings twoEpochs = settings;
    twoEpochs.epochs = 2;
    SinglePathSupernet supernet(codec, torch::kCPU, settings.seed);
    const SupernetTrainingResult result =
        SupernetTrainer(twoEpochs, SupernetPathSampler::Mode::Uniform).train(supernet, *data);
    QVERIFY2(result.finished, result.failure.c_str());
    QCOMPARE(result.epochLoss.size(), size_t(2));
    QCOMPARE(result.steps, int64_t(2 * 15));
    QVERIFY(result.epochLoss[1] < result.epochLoss[0]);
    QVERIFY(result.epochLoss[1] < std::log(10.0));
    QVERIFY(result.candidates > 20);

    // Three steps: a path made beforehand shares some layers with the
    // three trained paths (those move) and not others (those stay exactly
    // as initialised: no momentum, no weight decay without a gradient).
    SinglePathSupernet small(codec, torch::kCPU, settings.seed);
    const Architecture lonely = codec.decode("op1=mb;op2=sep;op2/sep.kernel=5;conv3.width=128");
    NetworkModule before = small->path(lonely);
    std::vector<torch::Tensor> initial;
    for (const auto& p : before->parameters())
        initial.push_back(p.detach().clone());
    TrainingSettings threeSteps = settings;
    threeSteps.trainFraction = 0.04; // 96 images
    const SupernetTrainingResult short_ =
        SupernetTrainer(threeSteps, SupernetPathSampler::Mode::Uniform).train(small, *data);
    QCOMPARE(short_.steps, int64_t(3));
    int moved = 0;
    for (size_t t = 0; t < initial.size(); ++t)
        moved += !torch::equal(initial[t], before->parameters()[t]);
    qInfo("%d of the %zu tensors of a path made before training moved", moved, initial.size());
    QVERIFY(moved > 0);
    QVERIFY(moved < int(initial.size()));
}

void TestSpos::recalibrationChangesStatisticsDeterministically()
{
    ArchitectureCodec codec(enginetest::loadBundled("fashion_mnist.json"));
    const TrainingSettings settings = tinyTraining();
    const auto data = TrainingData::load(subsetFolder, settings.validationFraction, settings.seed);
    SinglePathSupernet supernet(codec, torch::kCPU, settings.seed);
    TrainingSettings wholeSplit = settings;
    wholeSplit.trainFraction = 1.0; // 75 steps
    QVERIFY(SupernetTrainer(wholeSplit, SupernetPathSampler::Mode::Fair).train(supernet, *data).finished);
    InheritedScoring scoring;
    scoring.recalibrationBatches = 3;
    InheritedWeightsScorer scorer(supernet, data, settings, scoring);
    InheritedWeightsScorer twin(supernet, data, settings, scoring);

    const Architecture arch = codec.defaultArchitecture();
    auto statistics = [](NetworkModule& path) {
        std::vector<torch::Tensor> stats;
        for (const auto& m : path->modules(false))
            if (auto* norm = m->as<torch::nn::BatchNorm2d>()) {
                stats.push_back(norm->running_mean.clone());
                stats.push_back(norm->running_var.clone());
            }
        return stats;
    };
    NetworkModule shared = supernet->path(arch);
    const auto supernetStats = statistics(shared);
    NetworkModule first = supernet->evaluationPath(arch);
    const auto inherited = statistics(first);
    QVERIFY(!inherited.empty());
    for (size_t i = 0; i < inherited.size(); ++i)
        QVERIFY(torch::equal(inherited[i], supernetStats[i]));
    scorer.recalibrate(first);
    const auto recalibrated = statistics(first);
    for (size_t i = 0; i < inherited.size(); ++i)
        QVERIFY(!torch::equal(recalibrated[i], inherited[i]));
    NetworkModule second = supernet->evaluationPath(arch);
    twin.recalibrate(second);
    const auto again = statistics(second);
    for (size_t i = 0; i < recalibrated.size(); ++i)
        QVERIFY(torch::equal(again[i], recalibrated[i]));
    const auto untouched = statistics(shared);
    for (size_t i = 0; i < untouched.size(); ++i)
        QVERIFY(torch::equal(untouched[i], supernetStats[i]));

    const InheritedScore a = scorer.score(arch), b = twin.score(arch);
    QCOMPARE(a.validAcc, b.validAcc);
    QCOMPARE(a.testAcc, b.testAcc);
    QVERIFY2(a.validAcc > 25.0, qPrintable(QString::number(a.validAcc))); // chance is 10 %
    qInfo("inherited: valid %.2f %%, test %.2f %%, %.3f s", a.validAcc, a.testAcc, a.seconds);
}

void TestSpos::searchKeepsBudgetAndConstraintAndResumeDoesNotRetrain()
{
    const std::string path = dir_.filePath("search.db").toStdString();
    RunSettings settings = searchSettings();
    // Below the median of the space's parameter counts: some architectures are ruled out.
    ArchitectureCodec codec(enginetest::loadBundled("fashion_mnist.json"));
    std::vector<double> params;
    std::mt19937_64 rng(1);
    for (int i = 0; i < 41; ++i)
        params.push_back(
            double(NetworkCost::of(codec.network(ArchitectureSampler(codec).sample(rng), false)).params));
    std::nth_element(params.begin(), params.begin() + 20, params.end());
    const double limit = params[20];
    settings.constraints = {{"params", limit, true}, {"latency_ms", 1000.0, true}};
    settings.budget = 10;
    {
        auto study = Study::create(path, enginetest::loadBundled("fashion_mnist.json"), "spos");
        study->saveSettings(settings);
        StudySearch search(*study);
        QCOMPARE(int(search.runner().run()), int(SearchRunner::Outcome::BudgetReached));
        const auto trials = study->storage().trials();
        QCOMPARE(int(trials.size()), 10);
        double best = 0.0;
        for (const TrialRecord& t : trials) {
            QVERIFY2(t.state == TrialState::Complete, t.error.c_str());
            QVERIFY(metricOf(t, "params").value_or(1e18) <= limit);
            QVERIFY(metricOf(t, "valid_acc").value_or(0) > 0.0);
            QVERIFY(metricOf(t, "test_acc").value_or(0) > 0.0);
            best = std::max(best, metricOf(t, "valid_acc").value_or(0));
            QVERIFY(metricOf(t, "flops").value_or(0) > 0);
            QVERIFY(metricOf(t, "latency_ms").value_or(0) > 0);
        }
        qInfo("best inherited valid_acc of 10: %.2f %%", best);
        QVERIFY(best > 20.0); // chance is 10 %
        QVERIFY(study->storage().studyArtifact(SupernetEvaluator::kArtifactKind, "weights"));
        const auto training = study->storage().studyArtifact(SupernetEvaluator::kArtifactKind, "training");
        QVERIFY(training && training->find("\"steps\": 45") != std::string::npos);
        QVERIFY(study->storage().studyArtifact("latency_table", "cpu/1t"));
    }

    auto study = Study::open(path);
    RunSettings more = *study->settings();
    more.budget = 14;
    study->saveSettings(more);
    auto evaluator = std::make_unique<SupernetEvaluator>(study->codec(), more);
    SupernetEvaluator* resumed = evaluator.get();
    StudySearch search(*study, std::move(evaluator));
    QCOMPARE(int(search.runner().run()), int(SearchRunner::Outcome::BudgetReached));
    QVERIFY(resumed->loadedFromStudy());
    QCOMPARE(resumed->training()->steps, int64_t(0)); // loaded, not trained
    const auto trials = study->storage().trials();
    QCOMPARE(int(trials.size()), 14);
    // The loaded supernet scores the first trial exactly as the trained one did.
    const EvaluationOutcome again = resumed->evaluate(study->codec().decode(trials.front().encoding));
    QCOMPARE(again.metrics.at("valid_acc"), trials.front().metric("valid_acc").value());
    QCOMPARE(again.metrics.at("latency_ms"), trials.front().metric("latency_ms").value());
    for (const TrialRecord& t : trials)
        QVERIFY(metricOf(t, "params").value_or(1e18) <= limit);
}

// The supernet's training (15 steps of 32 images, one epoch) and then the
// timing of its operations (latency is constrained) are reported step by
// step, through the runner's progress; then the run goes back to trials.
void TestSpos::prepareReportsItsPhases()
{
    RunSettings settings = searchSettings();
    settings.options["train_fraction"] = 0.2;
    settings.constraints = {{"latency_ms", 1000.0, true}};
    settings.budget = 2;
    auto study = Study::create(dir_.filePath("phases.db").toStdString(),
                               enginetest::loadBundled("fashion_mnist.json"), "phases");
    study->saveSettings(settings);
    StudySearch search(*study);
    std::vector<RunProgress> reports;
    search.runner().setProgressCallback([&](const RunProgress& p) { reports.push_back(p); });
    QCOMPARE(int(search.runner().run()), int(SearchRunner::Outcome::BudgetReached));

    const torchtest::PhaseReports phases = torchtest::phasesOf(reports);
    QCOMPARE(int(phases.size()), 2);
    QCOMPARE(phases[0].first, std::string("training the supernet"));
    QCOMPARE(phases[1].first, std::string("timing the supernet's operations"));
    for (const auto& [name, steps] : phases)
        QVERIFY2(torchtest::completeAndMonotone(steps).isEmpty(),
                 qPrintable(QString::fromStdString(name) + ": "
                            + torchtest::completeAndMonotone(steps)));
    const PhaseProgress& trained = phases[0].second.back();
    QCOMPARE(trained.steps, int64_t(15));
    QCOMPARE(int(phases[0].second.size()), 16); // step 0, then every step
    QCOMPARE(trained.epoch, 1);
    QCOMPARE(trained.epochs, 1);
    QVERIFY(phases[1].second.back().steps > 0); // one per operation of the supernet
    // Back to trials: no phase in the reports of finished trials.
    QVERIFY(!reports.back().phase);
    QCOMPARE(reports.back().trials, int64_t(2));
    for (const RunProgress& r : reports)
        QVERIFY(!r.phase || r.trials == 0);
}

// A stop request during training ends it at the next step: the run stops,
// its first trial stays queued, no supernet is stored; a resume trains it
// in full and finishes the search.
void TestSpos::stopDuringSupernetTrainingEndsItBetweenSteps()
{
    const std::string path = dir_.filePath("stopped.db").toStdString();
    RunSettings settings = searchSettings();
    settings.budget = 2;
    auto study = Study::create(path, enginetest::loadBundled("fashion_mnist.json"), "stopped");
    study->saveSettings(settings);
    {
        const auto [outcome, lastStep] = torchtest::runStoppingAtPhaseStep(*study, 3);
        QCOMPARE(int(outcome), int(SearchRunner::Outcome::Stopped));
        QCOMPARE(lastStep, int64_t(3));
        const auto trials = study->storage().trials();
        QCOMPARE(int(trials.size()), 1);
        QCOMPARE(trials[0].state, TrialState::Queued);
        QVERIFY(!study->storage().studyArtifact(SupernetEvaluator::kArtifactKind, "weights"));
    }
    StudySearch resumed(*study);
    QCOMPARE(int(resumed.runner().run()), int(SearchRunner::Outcome::BudgetReached));
    const auto trials = study->storage().trials();
    QCOMPARE(int(trials.size()), 2);
    for (const TrialRecord& t : trials)
        QVERIFY2(t.state == TrialState::Complete, t.error.c_str());
    const auto training = study->storage().studyArtifact(SupernetEvaluator::kArtifactKind, "training");
    QVERIFY(training && training->find("\"steps\": 45") != std::string::npos);
}

void TestSpos::unusableSettingsAreRefused()
{
    ArchitectureCodec codec(enginetest::loadBundled("fashion_mnist.json"));
    RunSettings settings = searchSettings();
    settings.data.clear();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SupernetEvaluator(codec, settings));
    settings = searchSettings();
    settings.options["sampling"] = 3;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SupernetEvaluator(codec, settings));
    settings = searchSettings();
    settings.options["bn_batches"] = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SupernetEvaluator(codec, settings));
    ArchitectureCodec mbconv(enginetest::loadBundled("mbconv.json")); // 3×32×32 inputs
    try {
        SupernetEvaluator wrong(mbconv, searchSettings());
        QFAIL("a space that does not fit the data was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(std::string(e.what()).find("3×32×32") != std::string::npos, e.what());
    }
}

QTEST_GUILESS_MAIN(TestSpos)
#include "tst_spos.moc"
