// ModuleFlopCounter: multiply-accumulates counted from the built LibTorch
// graph equal NetworkCost's on every bundled space (the default and 100
// sampled architectures each, and NAS-Bench-201's published example with
// its unused operations) and hand-computed values for small networks.

#include "EngineTestSupport.h"

#include "cost/NetworkCost.h"
#include "space/ArchitectureCodec.h"
#include "space/ArchitectureSampler.h"
#include "space/Nb201Format.h"
#include "torch/LiveLayers.h"
#include "torch/ModuleFlopCounter.h"
#include "torch/NetworkModule.h"
#include "torch/TorchThreads.h"

#include <torch/torch.h>

#include <QtTest>

#include <random>

using namespace archscape;
using namespace enginetest;

Q_DECLARE_METATYPE(archscape::SearchSpace)

namespace {

// The network with every layer that cannot reach the output made an
// identity: what NetworkCost counts of it is what forward() computes.
// (A canonical NAS-Bench-201 architecture whose cells are all "none"
// keeps its stem and reduction blocks, cut off from the output.)
Network liveOnly(Network net)
{
    const std::vector<char> live = liveLayers(net);
    for (size_t i = 0; i < net.layers.size(); ++i)
        if (!live[i])
            net.layers[i].op = LayerOp::Identity;
    return net;
}

} // namespace

class TestModuleFlopCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bundledSpaces_data();
    void bundledSpaces();
    void unusedOperationsCountButDoNotRun();
    void handComputed_data();
    void handComputed();
};

void TestModuleFlopCounter::initTestCase()
{
    TorchThreads::apply(1);
}

void TestModuleFlopCounter::bundledSpaces_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& name : bundledSpaceNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestModuleFlopCounter::bundledSpaces()
{
    QFETCH(QString, file);
    const ArchitectureCodec codec(loadBundled(file));
    const ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(20261127);
    std::vector<Architecture> archs{codec.defaultArchitecture()};
    for (int i = 0; i < 100; ++i)
        archs.push_back(sampler.sample(rng));
    for (const Architecture& arch : archs) {
        const Network net = codec.network(arch, false);
        NetworkModule module(net);
        const ModuleFlopCount counted = ModuleFlopCounter::count(*module);
        QVERIFY2(counted.macs > 0, qPrintable(QString::fromStdString(codec.encode(arch))));
        QCOMPARE(qint64(counted.macs), qint64(NetworkCost::of(net).macs));
        QCOMPARE(qint64(counted.liveMacs), qint64(NetworkCost::of(liveOnly(net)).macs));
    }
}

// Node 2 of this cell feeds only a "none" edge: its two 3×3 convolutions
// per cell hold parameters and count (NAS-Bench-201 counts them) but
// forward() skips them. Each such convolution at C channels on an S×S map
// costs C·C·9·S² MACs; there is one pair per cell, 5 cells per stage at
// (16, 32×32), (32, 16×16), (64, 8×8): 2·9·(16²·32² + 32²·16² + 64²·8²)·5.
void TestModuleFlopCounter::unusedOperationsCountButDoNotRun()
{
    const ArchitectureCodec codec(loadBundled("nb201.json"));
    const Network net = codec.network(Nb201Format::parse(
        codec,
        "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_1x1~1|none~2|"));
    NetworkModule module(net);
    const ModuleFlopCount counted = ModuleFlopCounter::count(*module);
    QCOMPARE(qint64(counted.macs), qint64(NetworkCost::of(net).macs));
    const qint64 unused = qint64(2) * 9 * (16 * 16 * 32 * 32 + 32 * 32 * 16 * 16 + 64 * 64 * 8 * 8) * 5;
    QCOMPARE(qint64(counted.macs - counted.liveMacs), unused);
}

void TestModuleFlopCounter::handComputed_data()
{
    QTest::addColumn<SearchSpace>("space");
    QTest::addColumn<qint64>("macs");
    // conv 3×3, 1 -> 8 on 8×8, padding 1: 8·1·9 weights × 64 pixels = 4608
    QTest::newRow("conv") << chainSpace(input(1, 8, 8),
                                        {block("c", "conv", {{"width", 8}, {"kernel", 3}})})
                          << qint64(4608);
    // sepconv 8 -> 16, 3×3, stride 2 on 8×8 (4×4 after the depthwise):
    //   depthwise 8·1·9 = 72, pointwise 16·8 = 128; (72 + 128)·16 = 3200
    QTest::newRow("sepconv stride 2")
        << chainSpace(input(8, 8, 8), {block("s", "sepconv", {{"width", 16}, {"stride", 2}})})
        << qint64(3200);
    // mbconv 16 -> 24, expansion 6, SE 0.25 on 8×8: expand 16·96 = 1536,
    //   depthwise 96·9 = 864, project 96·24 = 2304, each × 64 pixels; the
    //   squeeze-excite 1×1 convolutions 96·4 and 4·96 on a 1×1 map:
    //   (1536 + 864 + 2304)·64 + 384 + 384 = 301824
    QTest::newRow("mbconv se")
        << chainSpace(input(16, 8, 8),
                      {block("m", "mbconv", {{"width", 24}, {"expansion", 6}, {"se", 0.25}})})
        << qint64(301824);
    // stem 1 -> 8 on 28×28: 72·784 = 56448; conv 8 -> 16 stride 2 (14×14):
    //   1152·196 = 225792; 2×2 max pool to 7×7; head linear 16 -> 10: 160
    QTest::newRow("small network")
        << chainSpace(input(1, 28, 28), {block("stem", "stem", {{"width", 8}}),
                                         block("c", "conv", {{"width", 16}, {"stride", 2}}),
                                         block("p", "pool", {{"kernel", 2}, {"stride", 2}}),
                                         block("h", "head", {{"classes", 10}, {"preact", true}})})
        << qint64(56448 + 225792 + 160);
}

void TestModuleFlopCounter::handComputed()
{
    QFETCH(SearchSpace, space);
    QFETCH(qint64, macs);
    NetworkModule module(fixedNetwork(space));
    QCOMPARE(qint64(ModuleFlopCounter::count(*module).macs), macs);
}

QTEST_APPLESS_MAIN(TestModuleFlopCounter)
#include "tst_moduleflopcounter.moc"
