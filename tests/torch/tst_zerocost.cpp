// Zero-cost proxies and the "zc" evaluator: synflow of a tiny network
// equals its value worked out by hand (batch norm left out, as the
// reference does), snip of a one-layer classifier its closed-form value;
// every proxy is finite and repeats under a seed on real Fashion-MNIST
// images; a search with the evaluator stores them.

#include "EngineTestSupport.h"

#include "eval/EvaluatorRegistry.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "space/ArchitectureCodec.h"
#include "space/ArchitectureSampler.h"
#include "space/Nb201Format.h"
#include "study/Study.h"
#include "torch/NetworkModule.h"
#include "torch/TorchThreads.h"
#include "torch/ZeroCostEvaluator.h"
#include "torch/ZeroCostProxies.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace archscape;
using namespace enginetest;

namespace {

const char* kFashionMnist = "/usr/share/datasets/fashion-mnist";

struct Scores
{
    double synflow, gradNorm, jacobCov, snip;
};

Scores scoresOf(const Network& net, const ZeroCostBatch& batch, uint64_t seed)
{
    torch::manual_seed(seed);
    NetworkModule module(net);
    return {ZeroCostProxies::synflow(*module),
            ZeroCostProxies::gradNorm(*module, batch.images, batch.labels),
            ZeroCostProxies::jacobCov(*module, batch.images),
            ZeroCostProxies::snip(*module, batch.images, batch.labels)};
}

} // namespace

class TestZeroCost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void synflowByHand();
    void snipOfALinearClassifierInClosedForm();
    void snipPositiveOnEveryBundledSpace();
    void deterministicAndFiniteUnderASeed();
    void deadNetworkScoresWorstNotNaN();
    void gradNormNeedsClassScores();
    void evaluatorThroughTheRunner();
    void evaluatorNeedsData();

private:
    ZeroCostBatch batch_;
};

void TestZeroCost::initTestCase()
{
    TorchThreads::apply(1);
    batch_ = ZeroCostEvaluator::loadBatch(kFashionMnist, 7, torch::kCPU);
    QCOMPARE(batch_.images.size(0), ZeroCostEvaluator::kBatchSize);
}

// 1×2×2 input of ones; 1×1 convolution to 2 channels with weights a
// (batch norm after it, which synflow leaves out; ReLU); average pooling;
// linear 2 -> 1 with weights b and a bias. With |θ|: each channel is a_c
// everywhere, pooled to a_c; R = Σ b_c a_c + bias. ∂R/∂a_c = b_c and
// ∂R/∂b_c = a_c, so synflow = Σ |a_c b_c| + Σ |b_c a_c| = 2 Σ |a_c||b_c|;
// with a = (0.5, -2), b = (3, 1): 2·(1.5 + 2) = 7. Biases do not count.
void TestZeroCost::synflowByHand()
{
    const Network net = fixedNetwork(
        chainSpace(input(1, 2, 2), {block("c", "stem", {{"width", 2}, {"kernel", 1}}),
                                    block("g", "globalpool"), block("fc", "linear", {{"width", 1}})}));
    NetworkModule module(net);
    {
        torch::NoGradGuard noGrad;
        for (const auto& item : module->named_parameters()) {
            torch::Tensor p = item.value();
            if (p.dim() == 4)
                p.copy_(torch::tensor({0.5, -2.0}).reshape({2, 1, 1, 1}));
            else if (p.dim() == 2)
                p.copy_(torch::tensor({3.0, 1.0}).reshape({1, 2}));
            else
                p.fill_(-5.0); // biases and batch-norm parameters: no part in synflow
        }
    }
    const auto before = module->named_parameters();
    QCOMPARE(ZeroCostProxies::synflow(*module), 7.0);
    // The module's own weights keep their signs.
    for (const auto& item : module->named_parameters())
        QVERIFY(torch::equal(item.value(), before[item.key()]));
}

// Global average pooling, then a linear layer W (10×C) with bias b: the
// logits are z = W x + b with x the images' channel means, and the mean
// cross-entropy's gradient is ∂L/∂W = (softmax(z) - onehot(y))ᵀ x / N, so
// snip = Σ |∂L/∂W ⊙ W|, computed here without autograd on real images.
void TestZeroCost::snipOfALinearClassifierInClosedForm()
{
    const Network net = fixedNetwork(chainSpace(
        input(1, 28, 28), {block("g", "globalpool"), block("fc", "linear", {{"width", 10}})}));
    torch::manual_seed(5);
    NetworkModule module(net);
    torch::Tensor weight, bias;
    for (const auto& item : module->named_parameters())
        (item.value().dim() == 2 ? weight : bias) = item.value().detach().clone();
    QVERIFY(weight.defined() && bias.defined());

    const double snip = ZeroCostProxies::snip(*module, batch_.images, batch_.labels);

    const torch::Tensor x = batch_.images.to(torch::kDouble).mean({2, 3});
    const torch::Tensor w = weight.to(torch::kDouble);
    const torch::Tensor p = torch::softmax(x.matmul(w.t()) + bias.to(torch::kDouble), 1);
    const torch::Tensor onehot = torch::one_hot(batch_.labels, 10).to(torch::kDouble);
    const torch::Tensor gradient = (p - onehot).t().matmul(x) / double(x.size(0));
    const double expected = (gradient * w).abs().sum().item<double>();
    QVERIFY(expected > 0);
    QVERIFY2(std::abs(snip - expected) <= 1e-5 * expected,
             qPrintable(QString("snip %1, closed form %2").arg(snip, 0, 'g', 10).arg(expected, 0, 'g', 10)));

    // The evaluator's single pass gives both proxies as their own passes do.
    const double gradNorm = ZeroCostProxies::gradNorm(*module, batch_.images, batch_.labels);
    const auto both = ZeroCostProxies::gradientScores(*module, batch_.images, batch_.labels);
    QCOMPARE(both.snip, snip);
    QCOMPARE(both.gradNorm, gradNorm);
    QVERIFY(gradNorm > 0);
}

// Fashion-MNIST images for the spaces made for them; for the others, a
// batch of normal noise shaped like their input, with the same labels.
// NAS-Bench-201's default cell is all "none": its logits ignore the input
// and every weight's gradient is 0, so its snip is exactly 0 (as its
// synflow); a cell of 3×3 convolutions stands in for it.
void TestZeroCost::snipPositiveOnEveryBundledSpace()
{
    for (const QString& name : bundledSpaceNames()) {
        const ArchitectureCodec codec(loadBundled(name));
        std::vector<Architecture> archs{codec.defaultArchitecture()};
        if (name == "nb201.json")
            archs.push_back(Nb201Format::parse(
                codec, "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|"
                       "nor_conv_3x3~1|nor_conv_3x3~2|"));
        for (size_t i = 0; i < archs.size(); ++i) {
            const Network net = codec.network(archs[i]);
            const Shape in = net.inputShape();
            torch::Tensor images = batch_.images;
            if (images.size(1) != in.channels || images.size(2) != in.height
                || images.size(3) != in.width) {
                torch::manual_seed(2);
                images = torch::randn({batch_.images.size(0), in.channels, in.height, in.width});
            }
            torch::manual_seed(3);
            NetworkModule module(net);
            // Seeded again for the second call: dropout draws its masks.
            torch::manual_seed(4);
            const double a = ZeroCostProxies::snip(*module, images, batch_.labels);
            torch::manual_seed(4);
            const double b = ZeroCostProxies::snip(*module, images, batch_.labels);
            const QString what = name + (i == 0 ? " default" : " 3×3 cell");
            QVERIFY2(std::isfinite(a), qPrintable(what));
            if (name == "nb201.json" && i == 0)
                QVERIFY2(a == 0.0, qPrintable(what + QString(": %1").arg(a)));
            else
                QVERIFY2(a > 0, qPrintable(what + QString(": %1").arg(a)));
            QCOMPARE(a, b);
        }
    }
}

void TestZeroCost::deterministicAndFiniteUnderASeed()
{
    const ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    const ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(3);
    for (int i = 0; i < 3; ++i) {
        const Network net = codec.network(sampler.sample(rng));
        const Scores a = scoresOf(net, batch_, 11), b = scoresOf(net, batch_, 11),
                     c = scoresOf(net, batch_, 12);
        for (double v : {a.synflow, a.gradNorm, a.jacobCov, a.snip})
            QVERIFY(std::isfinite(v));
        QVERIFY(a.synflow > 0 && a.gradNorm > 0 && a.snip > 0);
        QCOMPARE(a.snip, b.snip);
        QVERIFY(a.snip != c.snip);
        QCOMPARE(a.synflow, b.synflow);
        QCOMPARE(a.gradNorm, b.gradNorm);
        QCOMPARE(a.jacobCov, b.jacobCov);
        QVERIFY(a.synflow != c.synflow && a.gradNorm != c.gradNorm && a.jacobCov != c.jacobCov);
    }
}

// Every NAS-Bench-201 cell "none": the logits ignore the input, so no
// image's gradient varies: jacob_cov is finite and below any network that
// sees its input; synflow is 0 (every weight multiplies zeros).
void TestZeroCost::deadNetworkScoresWorstNotNaN()
{
    const ArchitectureCodec codec(loadBundled("nb201.json"));
    const torch::Tensor images = torch::rand({8, 3, 32, 32});
    torch::manual_seed(1);
    NetworkModule dead(codec.network(
        Nb201Format::parse(codec, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")));
    const double deadScore = ZeroCostProxies::jacobCov(*dead, images);
    QVERIFY(std::isfinite(deadScore));
    torch::manual_seed(1);
    NetworkModule live(codec.network(Nb201Format::parse(
        codec, "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|"
               "nor_conv_3x3~2|")));
    QVERIFY(ZeroCostProxies::jacobCov(*live, images) > deadScore);
    QCOMPARE(ZeroCostProxies::synflow(*dead), 0.0);
}

void TestZeroCost::gradNormNeedsClassScores()
{
    const Network features = fixedNetwork(
        chainSpace(input(1, 28, 28), {block("c", "stem", {{"width", 4}})}));
    NetworkModule module(features);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ZeroCostProxies::gradNorm(*module, batch_.images, batch_.labels));
    const Network fewClasses = fixedNetwork(
        chainSpace(input(1, 28, 28), {block("h", "head", {{"classes", 3}})}));
    NetworkModule small(fewClasses);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ZeroCostProxies::gradNorm(*small, batch_.images, batch_.labels));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ZeroCostProxies::snip(*module, batch_.images, batch_.labels));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ZeroCostProxies::snip(*small, batch_.images, batch_.labels));
}

// Three random architectures of the Fashion-MNIST space through the
// SearchRunner, as `archscape-cli run --evaluator zc` runs them.
void TestZeroCost::evaluatorThroughTheRunner()
{
    registerZeroCostEvaluator();
    QTemporaryDir dir;
    auto study = Study::create((dir.path() + "/zc.db").toStdString(),
                               loadBundled("fashion_mnist.json"), "zc");
    RunSettings settings;
    settings.strategy = "random";
    settings.evaluator = "zc";
    settings.data = kFashionMnist;
    settings.objectives = Objective::parseList("synflow:max,params:min");
    settings.budget = 3;
    settings.seed = 5;
    study->saveSettings(settings);
    StrategySettings strategySettings;
    strategySettings.objectives = settings.objectives;
    strategySettings.seed = settings.seed;
    strategySettings.budget = settings.budget;
    auto strategy = StrategyRegistry::create("random", study->codec(), strategySettings);
    auto evaluator = EvaluatorRegistry::create(settings, study->codec());
    SearchRunner runner(study->storage(), study->codec(), *strategy, *evaluator,
                        settings.objectives, RunLimits{3, 0.0, 1});
    runner.run();
    const auto trials = study->storage().trials();
    QCOMPARE(int(trials.size()), 3);
    for (const auto& t : trials) {
        QCOMPARE(t.state, TrialState::Complete);
        for (const char* metric : {"synflow", "grad_norm", "jacob_cov", "snip", "params", "flops"}) {
            QVERIFY2(t.metrics.count(metric), metric);
            QVERIFY(std::isfinite(t.metrics.at(metric)));
        }
        QVERIFY(!t.metrics.count("latency_ms")); // not asked for
    }
}

void TestZeroCost::evaluatorNeedsData()
{
    registerZeroCostEvaluator();
    const ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    RunSettings settings;
    settings.evaluator = "zc";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, EvaluatorRegistry::create(settings, codec));
    settings.data = "/nonexistent/folder";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, EvaluatorRegistry::create(settings, codec));
    // NAS-Bench-201's 3×32×32 input does not take 1×28×28 images.
    const ArchitectureCodec nb201(loadBundled("nb201.json"));
    settings.data = kFashionMnist;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, EvaluatorRegistry::create(settings, nb201));
}

QTEST_APPLESS_MAIN(TestZeroCost)
#include "tst_zerocost.moc"
