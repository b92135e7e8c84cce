// NetworkModule: the LibTorch module of a Network has exactly the
// parameters NetworkCost counts, runs every bundled space's networks to the
// output shape, computes small networks as worked out by hand, and builds
// reproducibly; DeviceSelection and TorchThreads read their settings.

#include "EngineTestSupport.h"

#include "cost/NetworkCost.h"
#include "space/ArchitectureCodec.h"
#include "space/ArchitectureSampler.h"
#include "space/Nb201Format.h"
#include "torch/DeviceSelection.h"
#include "torch/NetworkModule.h"
#include "torch/NetworkWeights.h"
#include "torch/TorchThreads.h"

#include <torch/torch.h>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <set>

using namespace archscape;
using namespace enginetest;

namespace {

constexpr int kSamples = 100;       // sampled architectures per space: parameter counts
constexpr int kForwardSamples = 10; // of those, how many also run forward

std::vector<int64_t> expectedSizes(int64_t batch, const Shape& s)
{
    if (s.isVector)
        return {batch, s.channels};
    return {batch, s.channels, s.height, s.width};
}

torch::Tensor randomBatch(const Network& net, int64_t batch = 2)
{
    const Shape in = net.inputShape();
    return torch::randn({batch, in.channels, in.height, in.width});
}

// 1, 2, ..., 16 as a 1×1×4×4 image.
torch::Tensor countingImage()
{
    return torch::arange(1, 17, torch::kFloat).reshape({1, 1, 4, 4});
}

void setAllParameters(NetworkModule& module, double value)
{
    torch::NoGradGuard noGrad;
    for (auto& p : module->parameters())
        p.fill_(value);
}

torch::Tensor valuesOf(std::initializer_list<float> v, std::vector<int64_t> sizes)
{
    return torch::tensor(std::vector<float>(v)).reshape(sizes);
}

// The forward pass of one network, checked: the output shape the Network
// says, and finite values.
void checkForward(NetworkModule& module, const Network& net, const QString& what)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor out = module->forward(randomBatch(net));
    const auto want = expectedSizes(2, net.outputShape());
    QVERIFY2(out.sizes().vec() == want,
             qPrintable(what + ": output shape differs from " +
                        QString::fromStdString(net.outputShape().toString())));
    QVERIFY2(torch::isfinite(out).all().item<bool>(), qPrintable(what + ": non-finite output"));
}

} // namespace

class TestNetworkModule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bundledSpaces_data();
    void bundledSpaces();
    void nb201PublishedParameterCount();
    void deadCellsForwardToZeros();
    void zeroBranchLeavesItsSum();
    void sameSeedSameParameters();
    void weightsRoundTrip();
    void weightsOfAnotherNetworkRefused();
    void convolutionByHand();
    void poolingExcludesPadding();
    void globalPooling();
    void activations_data();
    void activations();
    void concatJoinsChannels();
    void squeezeExciteMatchesItsDefinition();
    void dropoutOnlyWhileTraining();
    void moduleNamesFollowLabels();
    void rejectsAnInputOfTheWrongShape();
    void deviceSelection();
    void runsOnCudaWhenPresent();
    void threadSetting();
};

// One thread: CTest runs tests side by side, and LibTorch's OpenMP threads
// spin while they wait, so two threads sharing a busy 2-core machine run
// this test ten times slower than one.
void TestNetworkModule::initTestCase()
{
    TorchThreads::apply(1);
}

void TestNetworkModule::bundledSpaces_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& name : bundledSpaceNames())
        QTest::newRow(qPrintable(name)) << name;
}

// The default architecture and 100 samples: the parameter count of every
// module, and the forward pass of the default and the first ten.
void TestNetworkModule::bundledSpaces()
{
    QFETCH(QString, file);
    const ArchitectureCodec codec(loadBundled(file));
    const ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(20240611);

    std::vector<Architecture> archs{codec.defaultArchitecture()};
    for (int i = 0; i < kSamples; ++i)
        archs.push_back(sampler.sample(rng));

    torch::manual_seed(1);
    int zeroLayers = 0;
    for (size_t i = 0; i < archs.size(); ++i) {
        const Network net = codec.network(archs[i]);
        const QString what = file + " " + QString::fromStdString(codec.encode(archs[i]));
        NetworkModule module(net);
        QCOMPARE(qint64(module->parameterCount()), qint64(NetworkCost::of(net).params));
        zeroLayers += countOps(net, LayerOp::Zero);
        if (i <= size_t(kForwardSamples))
            checkForward(module, net, what);
    }
    if (file == "nb201.json")
        QVERIFY(zeroLayers > 0); // dead cells among the samples
}

void TestNetworkModule::nb201PublishedParameterCount()
{
    const ArchitectureCodec codec(loadBundled("nb201.json"));
    const Architecture arch = Nb201Format::parse(
        codec,
        "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_1x1~1|none~2|");
    const Network net = codec.network(arch);
    NetworkModule module(net);
    QCOMPARE(qint64(module->parameterCount()), qint64(615386));
    checkForward(module, net, "nb201 published");
}

// Every cell "none": each cell's output is a Zero layer, the stem and the
// cells' operations are cut off, and the network still runs. The reduction
// blocks see zeros, so the logits are the classifier's bias alone.
void TestNetworkModule::deadCellsForwardToZeros()
{
    const ArchitectureCodec codec(loadBundled("nb201.json"));
    const Network net =
        codec.network(Nb201Format::parse(codec, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
    QVERIFY(countOps(net, LayerOp::Zero) > 0);
    for (const auto& l : net.layers)
        if (l.op == LayerOp::Zero)
            QVERIFY(l.inputs.empty());

    NetworkModule module(net);
    QCOMPARE(qint64(module->parameterCount()), qint64(NetworkCost::of(net).params));
    module->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor out = module->forward(randomBatch(net, 3));
    QVERIFY(out.sizes().vec() == (std::vector<int64_t>{3, 10}));
    torch::Tensor bias;
    for (const auto& item : module->named_parameters())
        if (item.key() == "head_classifier.bias")
            bias = item.value();
    QVERIFY(bias.defined());
    QVERIFY(torch::allclose(out, bias.expand({3, 10})));
}

// fashion_mnist's op2 may be Zero: the residual sum then has one term.
void TestNetworkModule::zeroBranchLeavesItsSum()
{
    const ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    const Architecture arch = codec.decode("op2=skip");
    const Network net = codec.network(arch);
    NetworkModule module(net);
    QCOMPARE(qint64(module->parameterCount()), qint64(NetworkCost::of(net).params));
    checkForward(module, net, "fashion_mnist op2=skip");
}

void TestNetworkModule::sameSeedSameParameters()
{
    const Network net = fixedNetwork(loadBundled("fashion_mnist.json"));
    auto build = [&](uint64_t seed) {
        torch::manual_seed(seed);
        return NetworkModule(net);
    };
    NetworkModule a = build(42), b = build(42), c = build(43);
    const auto pa = a->named_parameters(), pb = b->named_parameters(), pc = c->named_parameters();
    QCOMPARE(pa.size(), pb.size());
    bool allSame = true, anyDiffers = false;
    for (const auto& item : pa) {
        allSame = allSame && torch::equal(item.value(), pb[item.key()]);
        anyDiffers = anyDiffers || !torch::equal(item.value(), pc[item.key()]);
    }
    QVERIFY(allSame);
    QVERIFY(anyDiffers);
}

// Saved weights, batch-norm running statistics included, loaded into a
// module built with other random weights give the same outputs.
void TestNetworkModule::weightsRoundTrip()
{
    const Network net = fixedNetwork(loadBundled("fashion_mnist.json"));
    torch::manual_seed(1);
    NetworkModule trained(net);
    trained->train();
    trained->forward(torch::randn({8, 1, 28, 28})); // moves the running statistics
    trained->eval();
    const std::string bytes = saveNetworkWeights(trained);
    torch::manual_seed(2);
    NetworkModule fresh(net);
    fresh->eval();
    const torch::Tensor input = torch::randn({4, 1, 28, 28});
    QVERIFY(!torch::equal(trained->forward(input), fresh->forward(input)));
    loadNetworkWeights(fresh, bytes);
    QVERIFY(torch::equal(trained->forward(input), fresh->forward(input)));
}

void TestNetworkModule::weightsOfAnotherNetworkRefused()
{
    SearchSpace nb201 = loadBundled("nb201.json");
    ArchitectureCodec codec(nb201);
    NetworkModule a(codec.network(codec.defaultArchitecture()));
    NetworkModule b(fixedNetwork(loadBundled("fashion_mnist.json")));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, loadNetworkWeights(b, saveNetworkWeights(a)));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, loadNetworkWeights(b, "not an archive"));
}

// A 3×3 convolution of one channel with every weight 1, no bias, no batch
// norm: each output is the sum of the 3×3 neighbourhood, zero padded.
//    1  2  3  4        14  24  30  22     e.g. 14 = 1+2+5+6
//    5  6  7  8   ->   33  54  63  45          54 = 1+2+3+5+6+7+9+10+11
//    9 10 11 12        57  90  99  69
//   13 14 15 16        46  72  78  54
void TestNetworkModule::convolutionByHand()
{
    const Network net = fixedNetwork(chainSpace(
        input(1, 4, 4), {block("c", "stem", {{"width", 1}, {"kernel", 3}, {"bn", false}})}));
    NetworkModule module(net);
    QCOMPARE(qint64(module->parameterCount()), qint64(9));
    setAllParameters(module, 1.0);
    const torch::Tensor out = module->forward(countingImage());
    const torch::Tensor want =
        valuesOf({14, 24, 30, 22, 33, 54, 63, 45, 57, 90, 99, 69, 46, 72, 78, 54}, {1, 1, 4, 4});
    QVERIFY(torch::equal(out, want));
}

// 3×3 average pooling, stride 1, padding 1, padding left out of the count:
// the corner averages 4 values (14 / 4), an edge 6 (24 / 6), the inside 9.
void TestNetworkModule::poolingExcludesPadding()
{
    const Network avg = fixedNetwork(chainSpace(
        input(1, 4, 4), {block("p", "pool", {{"type", "avg"}, {"kernel", 3}, {"stride", 1}})}));
    NetworkModule avgModule(avg);
    const torch::Tensor a = avgModule->forward(countingImage());
    QVERIFY(torch::allclose(a, valuesOf({14.f / 4, 24.f / 6, 30.f / 6, 22.f / 4, //
                                         33.f / 6, 54.f / 9, 63.f / 9, 45.f / 6, //
                                         57.f / 6, 90.f / 9, 99.f / 9, 69.f / 6, //
                                         46.f / 4, 72.f / 6, 78.f / 6, 54.f / 4},
                                        {1, 1, 4, 4})));

    // 3×3 max pooling, stride 2: (4 + 2 - 3) / 2 + 1 = 2 rows and columns;
    // windows at rows/columns -1..1 and 1..3.
    const Network max = fixedNetwork(chainSpace(
        input(1, 4, 4), {block("p", "pool", {{"type", "max"}, {"kernel", 3}, {"stride", 2}})}));
    NetworkModule maxModule(max);
    QVERIFY(
        torch::equal(maxModule->forward(countingImage()), valuesOf({6, 8, 14, 16}, {1, 1, 2, 2})));
}

void TestNetworkModule::globalPooling()
{
    const torch::Tensor x = valuesOf({1, 2, 3, 6, -1, -2, -3, -6}, {1, 2, 2, 2});
    for (const char* type : {"avg", "max"}) {
        const Network net =
            fixedNetwork(chainSpace(input(2, 2, 2), {block("g", "globalpool", {{"type", type}})}));
        NetworkModule module(net);
        const torch::Tensor out = module->forward(x);
        const torch::Tensor want =
            std::string(type) == "avg" ? valuesOf({3, -3}, {1, 2}) : valuesOf({6, -1}, {1, 2});
        QVERIFY2(torch::allclose(out, want), type);
    }
}

void TestNetworkModule::activations_data()
{
    QTest::addColumn<QString>("name");
    for (const char* a : {"relu", "relu6", "swish", "hswish", "sigmoid", "none"})
        QTest::newRow(a) << QString(a);
}

// A 1×1 convolution with weight 1 passes the input through; then the
// activation, against its formula.
void TestNetworkModule::activations()
{
    QFETCH(QString, name);
    const Network net = fixedNetwork(chainSpace(
        input(1, 2, 2),
        {block("c", "stem",
               {{"width", 1}, {"kernel", 1}, {"bn", false}, {"activation", name.toStdString()}})}));
    NetworkModule module(net);
    setAllParameters(module, 1.0);
    const std::vector<float> x{-4.f, -1.f, 0.5f, 7.f};
    const torch::Tensor out = module->forward(torch::tensor(x).reshape({1, 1, 2, 2})).flatten();
    for (size_t i = 0; i < x.size(); ++i) {
        const double v = x[i];
        const double sigmoid = 1.0 / (1.0 + std::exp(-v));
        double want = v;
        if (name == "relu")
            want = std::max(0.0, v);
        else if (name == "relu6")
            want = std::min(6.0, std::max(0.0, v));
        else if (name == "swish")
            want = v * sigmoid;
        else if (name == "hswish")
            want = v * std::min(6.0, std::max(0.0, v + 3.0)) / 6.0;
        else if (name == "sigmoid")
            want = sigmoid;
        QVERIFY2(std::abs(out[int64_t(i)].item<double>() - want) < 1e-6,
                 qPrintable(QString("%1(%2)").arg(name).arg(v)));
    }
}

void TestNetworkModule::concatJoinsChannels()
{
    const SearchSpace space = parseDoc(
        spaceDoc(json::array({input(1, 4, 4),
                              block("c", "stem", {{"width", 2}, {"kernel", 1}, {"bn", false}}),
                              block("cat", "concat"), output()}),
                 json::array({edge("in", "c"), edge("in", "cat"), edge("c", "cat", 1),
                              edge("cat", "out")})));
    const Network net = fixedNetwork(space);
    QCOMPARE(countOps(net, LayerOp::Concat), 1);
    NetworkModule module(net);
    setAllParameters(module, 1.0);
    const torch::Tensor x = countingImage();
    const torch::Tensor out = module->forward(x);
    QVERIFY(torch::equal(out, torch::cat({x, x, x}, 1)));
}

// An MBConv layer with squeeze-excite, recomputed step by step from its
// submodules (found by their names): expansion, depthwise, the gate from
// the C×1×1 pooled map, projection and the residual.
void TestNetworkModule::squeezeExciteMatchesItsDefinition()
{
    const Network net = fixedNetwork(chainSpace(
        input(4, 5, 5),
        {block("mb", "mbconv", {{"width", 4}, {"kernel", 3}, {"expansion", 2}, {"se", 0.25}})}));
    QCOMPARE(countOps(net, LayerOp::Mul), 1);
    NetworkModule module(net);
    QCOMPARE(qint64(module->parameterCount()), qint64(NetworkCost::of(net).params));
    module->eval();
    torch::NoGradGuard noGrad;
    const auto m = module->named_children();
    auto conv = [&](const std::string& n, const torch::Tensor& t) {
        return m[n]->as<torch::nn::Conv2d>()->forward(t);
    };
    auto bn = [&](const std::string& n, const torch::Tensor& t) {
        return m[n]->as<torch::nn::BatchNorm2d>()->forward(t);
    };
    // Running statistics away from 0 and 1, so batch norm does something.
    for (const auto& item : module->named_buffers()) {
        torch::Tensor buffer = item.value();
        if (item.key().find("running_mean") != std::string::npos)
            buffer.uniform_(-0.5, 0.5);
        if (item.key().find("running_var") != std::string::npos)
            buffer.uniform_(0.5, 2.0);
    }
    const torch::Tensor x = torch::randn({2, 4, 5, 5});
    auto relu6 = [](const torch::Tensor& t) { return torch::clamp(t, 0.0, 6.0); };
    torch::Tensor h = relu6(bn("mb_expand_bn", conv("mb_expand", x)));
    h = relu6(bn("mb_dw_bn", conv("mb_dw", h)));
    torch::Tensor gate = h.mean({2, 3}, /*keepdim=*/true);
    gate = torch::sigmoid(conv("mb_se_expand", torch::relu(conv("mb_se_reduce", gate))));
    QVERIFY(gate.sizes().vec() == (std::vector<int64_t>{2, 8, 1, 1}));
    const torch::Tensor want = x + bn("mb_project_bn", conv("mb_project", h * gate));
    QVERIFY(torch::allclose(module->forward(x), want, 1e-5, 1e-6));
}

void TestNetworkModule::dropoutOnlyWhileTraining()
{
    const Network net = fixedNetwork(
        chainSpace(input(64, 2, 2), {block("h", "head", {{"classes", 64}, {"dropout", 0.5}})}));
    QCOMPARE(countOps(net, LayerOp::Dropout), 1);
    NetworkModule module(net);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 64, 2, 2});
    module->eval();
    QVERIFY(torch::equal(module->forward(x), module->forward(x)));
    module->train();
    QVERIFY(!torch::equal(module->forward(x), module->forward(x)));
}

void TestNetworkModule::moduleNamesFollowLabels()
{
    const ArchitectureCodec codec(loadBundled("nb201.json"));
    const Network net = codec.network(codec.defaultArchitecture());
    NetworkModule module(net);
    std::set<std::string> children;
    for (const auto& item : module->named_children())
        children.insert(item.key());
    size_t parametric = 0;
    for (size_t i = 0; i < net.layers.size(); ++i) {
        const LayerOp op = net.layers[i].op;
        const std::string& name = module->moduleName(i);
        if (op == LayerOp::Conv || op == LayerOp::BatchNorm || op == LayerOp::Linear) {
            ++parametric;
            QVERIFY2(children.count(name), name.c_str());
            QVERIFY(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
                    std::string::npos);
        } else {
            QVERIFY(name.empty());
        }
    }
    QCOMPARE(children.size(), parametric);
    QVERIFY(children.count("stem_conv"));
    QVERIFY(children.count("head_classifier"));
}

void TestNetworkModule::rejectsAnInputOfTheWrongShape()
{
    const Network net = fixedNetwork(loadBundled("fashion_mnist.json"));
    NetworkModule module(net);
    try {
        module->forward(torch::zeros({2, 3, 28, 28}));
        QFAIL("no error for 3 channels");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("1×28×28"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, module->forward(torch::zeros({28, 28})));
}

void TestNetworkModule::deviceSelection()
{
    QVERIFY(DeviceSelection::parse("cpu") == c10::Device(c10::kCPU));
    QVERIFY(DeviceSelection::available().front() == "cpu");
    for (const char* bad : {"gpu", "CPU", "cuda:", "cuda:-1", "cuda:x", "cuda0", ""}) {
        try {
            DeviceSelection::parse(bad);
            QFAIL(qPrintable(QString("no error for '%1'").arg(bad)));
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString(e.what()).contains("unknown device"), e.what());
        }
    }
    if (!torch::cuda::is_available()) {
        for (const char* cuda : {"cuda", "cuda:0", "cuda:1"}) {
            try {
                DeviceSelection::parse(cuda);
                QFAIL("no error without CUDA");
            } catch (const std::invalid_argument& e) {
                QVERIFY2(QString(e.what()).contains("CUDA"), e.what());
            }
        }
        QCOMPARE(DeviceSelection::available().size(), size_t(1));
    } else {
        QVERIFY(DeviceSelection::parse("cuda") == c10::Device(c10::kCUDA, 0));
        const auto count = torch::cuda::device_count();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 DeviceSelection::parse("cuda:" + std::to_string(count)));
        QCOMPARE(DeviceSelection::available().size(), size_t(count + 1));
    }
    const Network net = fixedNetwork(loadBundled("fashion_mnist.json"));
    NetworkModule module(net, DeviceSelection::parse("cpu"));
    for (const auto& p : module->parameters())
        QVERIFY(p.device().is_cpu());
}

// Same seed, same network on the CPU and on the GPU: the same outputs.
void TestNetworkModule::runsOnCudaWhenPresent()
{
    if (!torch::cuda::is_available())
        QSKIP("no CUDA device");
    const ArchitectureCodec codec(loadBundled("mbconv.json"));
    const Network net = codec.network(codec.defaultArchitecture());
    torch::manual_seed(5);
    NetworkModule cpu(net);
    torch::manual_seed(5);
    NetworkModule gpu(net, DeviceSelection::parse("cuda"));
    for (const auto& p : gpu->parameters())
        QVERIFY(p.device().is_cuda());
    cpu->eval();
    gpu->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = randomBatch(net);
    const torch::Tensor onGpu = gpu->forward(x.to(torch::kCUDA));
    QVERIFY(onGpu.is_cuda());
    QVERIFY(torch::allclose(cpu->forward(x), onGpu.cpu(), 1e-3, 1e-4));
    // Zero layers follow the input's device too.
    const ArchitectureCodec nb201(loadBundled("nb201.json"));
    const Network dead =
        nb201.network(Nb201Format::parse(nb201, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
    NetworkModule deadModule(dead, torch::kCUDA);
    QVERIFY(deadModule->forward(randomBatch(dead).to(torch::kCUDA)).is_cuda());
}

void TestNetworkModule::threadSetting()
{
    QVERIFY(TorchThreads::allCores() >= 1);
    QCOMPARE(TorchThreads::apply(1), 1);
    QCOMPARE(TorchThreads::current(), 1);
    QCOMPARE(TorchThreads::apply(0), TorchThreads::allCores());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TorchThreads::apply(-1));
    TorchThreads::apply(1);
}

QTEST_GUILESS_MAIN(TestNetworkModule)
#include "tst_networkmodule.moc"
