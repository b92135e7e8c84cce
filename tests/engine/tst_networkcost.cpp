// NetworkCost: parameters and multiply-accumulates of small networks worked
// out by hand (the arithmetic is in the comments), and of the networks an
// architecture resolves to.

#include "EngineTestSupport.h"

#include "cost/NetworkCost.h"
#include "space/ArchitectureCodec.h"

#include <QtTest>

#include <map>

using namespace archscape;
using namespace enginetest;

Q_DECLARE_METATYPE(archscape::SearchSpace)

class TestNetworkCost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputed_data();
    void handComputed();
    void mbconvStructure();
    void emptyNetworkCostsNothing();
    void sameEncodingSameCost_data();
    void sameEncodingSameCost();
    void zeroAlternativeDropsWhatCannotReachTheOutput();
};

void TestNetworkCost::handComputed_data()
{
    QTest::addColumn<SearchSpace>("space");
    QTest::addColumn<qint64>("params");
    QTest::addColumn<qint64>("macs");
    QTest::addColumn<QString>("outputShape");

    // conv 3x3, 1 -> 8 channels on 8x8 (padding 1, stride 1: 8x8 out), BN.
    //   weights 8*1*3*3 = 72, BN 2*8 = 16: params 88
    //   MACs 72 * 8*8 = 4608
    QTest::newRow("conv k3 1->8, 8x8, bn")
        << chainSpace(input(1, 8, 8), {block("c", "conv", {{"width", 8}, {"kernel", 3}})})
        << qint64(88) << qint64(4608) << "8×8×8";
    // Same conv as ReLU-conv-BN: the order changes nothing countable.
    QTest::newRow("conv pre-activation")
        << chainSpace(input(1, 8, 8), {block("c", "conv", {{"width", 8}, {"order", "pre"}})})
        << qint64(88) << qint64(4608) << "8×8×8";
    // Stride 2 gives (8 + 2 - 3)/2 + 1 = 4: 4x4 out; bias 8, no BN.
    //   params 72 + 8 = 80; MACs 72 * 16 = 1152
    QTest::newRow("conv stride 2, bias, no bn")
        << chainSpace(
               input(1, 8, 8),
               {block("c", "conv", {{"width", 8}, {"stride", 2}, {"bias", true}, {"bn", false}})})
        << qint64(80) << qint64(1152) << "8×4×4";
    // conv 5x5, 3 -> 4 on 7x7 (padding 2): weights 4*3*25 = 300, BN 8.
    //   params 308; MACs 300 * 49 = 14700
    QTest::newRow("conv k5 3->4, 7x7")
        << chainSpace(input(3, 7, 7), {block("c", "conv", {{"width", 4}, {"kernel", 5}})})
        << qint64(308) << qint64(14700) << "4×7×7";
    // 1x1 conv, 16 -> 32 on 4x4: 512 weights + BN 64 = 576; MACs 512*16 = 8192
    QTest::newRow("conv 1x1") << chainSpace(input(16, 4, 4),
                                            {block("c", "conv", {{"width", 32}, {"kernel", 1}})})
                              << qint64(576) << qint64(8192) << "32×4×4";
    // stem 3x3, 3 -> 16 on 8x8, BN: 432 + 32 = 464; MACs 432 * 64 = 27648
    QTest::newRow("stem") << chainSpace(input(3, 8, 8), {block("s", "stem", {{"width", 16}})})
                          << qint64(464) << qint64(27648) << "16×8×8";
    // sepconv on 8 channels, width 16, 3x3, 8x8:
    //   depthwise 8*(8/8)*9 = 72 + BN 16; pointwise 16*8 = 128 + BN 32
    //   params 72 + 16 + 128 + 32 = 248; MACs (72 + 128) * 64 = 12800
    QTest::newRow("sepconv 8->16")
        << chainSpace(input(8, 8, 8), {block("s", "sepconv", {{"width", 16}})}) << qint64(248)
        << qint64(12800) << "16×8×8";
    // The same with stride 2 (the depthwise strides, 4x4 after it):
    //   params 248; MACs (72 + 128) * 16 = 3200
    QTest::newRow("sepconv stride 2")
        << chainSpace(input(8, 8, 8), {block("s", "sepconv", {{"width", 16}, {"stride", 2}})})
        << qint64(248) << qint64(3200) << "16×4×4";
    // mbconv 16 -> 16, expansion 6 (hidden 96), 3x3, stride 1, no SE, 8x8:
    //   expand 16*96 = 1536 + BN 192; depthwise 96*9 = 864 + BN 192;
    //   project 96*16 = 1536 + BN 32; residual add (no parameters)
    //   params 1536 + 192 + 864 + 192 + 1536 + 32 = 4352
    //   MACs (1536 + 864 + 1536) * 64 = 251904
    QTest::newRow("mbconv e6, residual")
        << chainSpace(input(16, 8, 8), {block("m", "mbconv", {{"width", 16}, {"expansion", 6}})})
        << qint64(4352) << qint64(251904) << "16×8×8";
    // mbconv 16 -> 24, expansion 6, 3x3, SE 0.25 (squeeze 16*0.25 = 4), 8x8:
    //   expand 1536 + 192; depthwise 864 + 192;
    //   SE reduce 96*4 + bias 4 = 388; SE expand 4*96 + bias 96 = 480;
    //   project 96*24 = 2304 + BN 48; no residual (16 != 24)
    //   params 1536+192+864+192+388+480+2304+48 = 6004
    //   MACs 1536*64 + 864*64 + 384 + 384 + 2304*64 = 301824 (SE on 1x1)
    QTest::newRow("mbconv e6, SE 0.25, no residual")
        << chainSpace(input(16, 8, 8),
                      {block("m", "mbconv", {{"width", 24}, {"expansion", 6}, {"se", 0.25}})})
        << qint64(6004) << qint64(301824) << "24×8×8";
    // mbconv expansion 1 has no expand conv: depthwise 16*9 = 144 + BN 32;
    //   project 16*16 = 256 + BN 32: params 464; MACs (144 + 256) * 64 = 25600
    QTest::newRow("mbconv e1") << chainSpace(
                                      input(16, 8, 8),
                                      {block("m", "mbconv", {{"width", 16}, {"expansion", 1}})})
                               << qint64(464) << qint64(25600) << "16×8×8";
    // mbconv 16 -> 16, e1, 5x5, stride 2 (no residual, 4x4 after the
    //   depthwise): depthwise 16*25 = 400 + BN 32; project 256 + BN 32
    //   params 720; MACs 400*16 + 256*16 = 10496
    QTest::newRow("mbconv e1 k5 stride 2")
        << chainSpace(input(16, 8, 8),
                      {block("m", "mbconv",
                             {{"width", 16}, {"expansion", 1}, {"kernel", 5}, {"stride", 2}})})
        << qint64(720) << qint64(10496) << "16×4×4";
    // Pooling holds and multiplies nothing; 3x3/2 on 8x8: (8+2-3)/2+1 = 4.
    QTest::newRow("max pool") << chainSpace(input(5, 8, 8),
                                            {block("p", "pool", {{"kernel", 3}, {"stride", 2}})})
                              << qint64(0) << qint64(0) << "5×4×4";
    // 2x2/2 average pool on 7x7: (7 - 2)/2 + 1 = 3
    QTest::newRow("avg pool 2x2")
        << chainSpace(input(5, 7, 7),
                      {block("p", "pool", {{"type", "avg"}, {"kernel", 2}, {"stride", 2}})})
        << qint64(0) << qint64(0) << "5×3×3";
    // head on 32x4x4, 10 classes: global pool, linear 32*10 + 10 = 330; MACs 320
    QTest::newRow("head") << chainSpace(input(32, 4, 4), {block("h", "head", {{"classes", 10}})})
                          << qint64(330) << qint64(320) << "10";
    // head with preact: BN 2*32 = 64 before pooling: params 394; MACs 320
    QTest::newRow("head preact") << chainSpace(
                                        input(32, 4, 4),
                                        {block("h", "head", {{"classes", 10}, {"preact", true}})})
                                 << qint64(394) << qint64(320) << "10";
    // dropout adds a layer, not parameters
    QTest::newRow("head dropout") << chainSpace(
                                         input(32, 4, 4),
                                         {block("h", "head", {{"classes", 10}, {"dropout", 0.5}})})
                                  << qint64(330) << qint64(320) << "10";
    // global pool to 32, linear 32 -> 20 (bias): 660 params, 640 MACs;
    // then linear 20 -> 5: 105 params, 100 MACs
    QTest::newRow("linear layers")
        << chainSpace(input(32, 4, 4),
                      {block("g", "globalpool"), block("fc1", "linear", {{"width", 20}}),
                       block("fc2", "linear", {{"width", 5}})})
        << qint64(660 + 105) << qint64(640 + 100) << "5";
    // A small whole network, by parts:
    //   stem 1->8 on 28x28: 72 + 16 = 88 params, 72*784 = 56448 MACs
    //   conv 8->16 stride 2 (14x14): 1152 + 32 = 1184, 1152*196 = 225792
    //   max pool 2/2 -> 7x7: nothing
    //   head preact on 16 ch, 10 classes: 32 + 160 + 10 = 202, 160 MACs
    //   params 88 + 1184 + 202 = 1474; MACs 56448 + 225792 + 160 = 282400
    QTest::newRow("small network")
        << chainSpace(input(1, 28, 28), {block("stem", "stem", {{"width", 8}}),
                                         block("c", "conv", {{"width", 16}, {"stride", 2}}),
                                         block("p", "pool", {{"kernel", 2}, {"stride", 2}}),
                                         block("h", "head", {{"classes", 10}, {"preact", true}})})
        << qint64(1474) << qint64(282400) << "10";
    // Residual: in(8x8x8) -> a: conv 8->8; sum = in + a.
    //   conv 8*8*9 = 576 + BN 16 = 592; MACs 576 * 64 = 36864
    {
        json blocks = json::array(
            {input(8, 8, 8), block("a", "conv", {{"width", 8}}), block("sum", "add"), output()});
        json edges = json::array(
            {edge("in", "a"), edge("in", "sum"), edge("a", "sum", 1), edge("sum", "out")});
        QTest::newRow("residual add")
            << parseDoc(spaceDoc(blocks, edges)) << qint64(592) << qint64(36864) << "8×8×8";
    }
    // Concat of a 1x1 conv 4->6 (24 + 12 = 36 params, 24*16 = 384 MACs) and
    // the input (4 channels): 10 channels.
    {
        json blocks =
            json::array({input(4, 4, 4), block("a", "conv", {{"width", 6}, {"kernel", 1}}),
                         block("cat", "concat"), output()});
        json edges = json::array(
            {edge("in", "a"), edge("a", "cat"), edge("in", "cat", 1), edge("cat", "out")});
        QTest::newRow("concat") << parseDoc(spaceDoc(blocks, edges)) << qint64(36) << qint64(384)
                                << "10×4×4";
    }
    // A repeat of 3 convs 8->8 3x3 stride 2: only the first strides.
    //   each conv 576 + 16 = 592 params: 1776
    //   MACs 576 * (4*4) * 3 = 27648 (8x8 -> 4x4, then 4x4)
    {
        json rep{{"id", "r"},
                 {"kind", "repeat"},
                 {"params", {{"depth", 3}}},
                 {"body", block("layer", "conv", {{"width", 8}, {"stride", 2}})}};
        QTest::newRow("repeat") << chainSpace(input(8, 8, 8), {rep}) << qint64(1776)
                                << qint64(27648) << "8×4×4";
    }
}

void TestNetworkCost::handComputed()
{
    QFETCH(SearchSpace, space);
    QFETCH(qint64, params);
    QFETCH(qint64, macs);
    QFETCH(QString, outputShape);
    const Network net = fixedNetwork(space);
    const NetworkCost cost = NetworkCost::of(net);
    QCOMPARE(qint64(cost.params), params);
    QCOMPARE(qint64(cost.macs), macs);
    QCOMPARE(QString::fromStdString(net.outputShape().toString()), outputShape);
}

void TestNetworkCost::mbconvStructure()
{
    // The layers behind the counts: SE, residual and expansion where due.
    const Network plain = fixedNetwork(
        chainSpace(input(16, 8, 8), {block("m", "mbconv", {{"width", 16}, {"expansion", 6}})}));
    QCOMPARE(countOps(plain, LayerOp::Conv), 3);
    QCOMPARE(countOps(plain, LayerOp::Add), 1);
    QCOMPARE(countOps(plain, LayerOp::Mul), 0);
    int depthwise = 0;
    for (const auto& l : plain.layers)
        if (l.op == LayerOp::Conv && l.groups > 1) {
            ++depthwise;
            QCOMPARE(l.groups, int64_t(96));
            QCOMPARE(l.inChannels, int64_t(96));
        }
    QCOMPARE(depthwise, 1);

    const Network se = fixedNetwork(chainSpace(
        input(16, 8, 8), {block("m", "mbconv", {{"width", 24}, {"expansion", 6}, {"se", 0.25}})}));
    QCOMPARE(countOps(se, LayerOp::Conv), 5); // expand, depthwise, SE reduce, SE expand, project
    QCOMPARE(countOps(se, LayerOp::Add), 0);
    QCOMPARE(countOps(se, LayerOp::Mul), 1);

    const Network strided = fixedNetwork(chainSpace(
        input(16, 8, 8), {block("m", "mbconv", {{"width", 16}, {"expansion", 1}, {"stride", 2}})}));
    QCOMPARE(countOps(strided, LayerOp::Conv), 2);
    QCOMPARE(countOps(strided, LayerOp::Add), 0);
}

void TestNetworkCost::emptyNetworkCostsNothing()
{
    const Network net = fixedNetwork(chainSpace(input(3, 8, 8), {block("id", "identity")}));
    const NetworkCost cost = NetworkCost::of(net);
    QCOMPARE(cost.params, int64_t(0));
    QCOMPARE(cost.macs, int64_t(0));
    QCOMPARE(net.outputShape(), net.inputShape());
}

void TestNetworkCost::sameEncodingSameCost_data()
{
    QTest::addColumn<SearchSpace>("space");
    QTest::newRow("fashion_mnist") << loadBundled("fashion_mnist.json");
    json ch{{"id", "ch"},
            {"kind", "choice"},
            {"alternatives", {block("id", "identity"), block("z", "zero")}}};
    QTest::newRow("zero after a conv") << chainSpace(
        input(1, 8, 8), {block("c1", "conv", {{"width", 8}, {"kernel", choice({3, 5})}}), ch});
}

void TestNetworkCost::sameEncodingSameCost()
{
    // Outside NAS-Bench-201 cells (whose unused operations NAS-Bench-201
    // counts), two assignments with one encoding are one network and so
    // must cost the same.
    QFETCH(SearchSpace, space);
    ArchitectureCodec codec(space);
    std::map<std::string, std::pair<int64_t, int64_t>> costOf;
    Architecture raw;
    raw.choices.assign(size_t(codec.decisions().size()), 0);
    while (true) {
        const NetworkCost c = NetworkCost::of(codec.network(raw));
        const std::string e = codec.encode(raw);
        auto [it, inserted] = costOf.emplace(e, std::make_pair(c.params, c.macs));
        QVERIFY2(it->second == std::make_pair(c.params, c.macs),
                 qPrintable(QString("'%1' costs %2 or %3 parameters")
                                .arg(QString::fromStdString(e))
                                .arg(it->second.first)
                                .arg(c.params)));
        int d = codec.decisions().size() - 1;
        while (d >= 0 && ++raw.choices[size_t(d)] == codec.decisions()[d].size())
            raw.choices[size_t(d--)] = 0;
        if (d < 0)
            break;
    }
    QVERIFY(costOf.size() > 1);
}

void TestNetworkCost::zeroAlternativeDropsWhatCannotReachTheOutput()
{
    // in -> c1 (conv 1->8, 3x3) -> {identity | zero} -> out. With the zero
    // the output is constant: c1 cannot reach it and, as NetworkResolver
    // promises, is dropped, so the network holds no convolution at all.
    json ch{{"id", "ch"},
            {"kind", "choice"},
            {"alternatives", {block("id", "identity"), block("z", "zero")}}};
    ArchitectureCodec codec(chainSpace(input(1, 8, 8), {block("c1", "conv", {{"width", 8}}), ch}));
    const Architecture zero = codec.decode("ch=z");
    const Network net = codec.network(zero);
    QCOMPARE(countOps(net, LayerOp::Conv), 0);
    QCOMPARE(NetworkCost::of(net).params, int64_t(0));
    // With the identity: the conv alone, 88 parameters (see handComputed).
    QCOMPARE(NetworkCost::of(codec.network(codec.decode("ch=id"))).params, int64_t(88));
}

QTEST_GUILESS_MAIN(TestNetworkCost)
#include "tst_networkcost.moc"
