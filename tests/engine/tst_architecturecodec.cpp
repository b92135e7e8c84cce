// ArchitectureCodec: canonical encodings and their hashes, decoding, the
// NAS-Bench-201 equivalences, and the predictor feature vectors.

#include "EngineTestSupport.h"

#include "space/ArchitectureCodec.h"
#include "space/Nb201Format.h"
#include "space/NetworkResolver.h"
#include "space/SpaceError.h"

#include <QtTest>

#include <map>
#include <random>
#include <set>

using namespace archscape;
using namespace enginetest;

Q_DECLARE_METATYPE(archscape::SearchSpace)

namespace {

// A uniformly random raw assignment (inactive decisions included), drawn
// here rather than by the engine's sampler.
Architecture randomAssignment(const ArchitectureCodec& codec, std::mt19937_64& rng)
{
    Architecture a;
    for (const auto& d : codec.decisions().decisions())
        a.choices.push_back(std::uniform_int_distribution<int>(0, d.size() - 1)(rng));
    return a;
}

// in -> {z: zero | c: conv(kernel 3|5)} -> {z2: zero | id: identity} -> out
SearchSpace zeroChain()
{
    json ch1{
        {"id", "ch1"},
        {"kind", "choice"},
        {"alternatives", {block("z", "zero"), block("c", "conv", {{"kernel", choice({3, 5})}})}}};
    json ch2{{"id", "ch2"},
             {"kind", "choice"},
             {"alternatives", {block("z2", "zero"), block("id", "identity")}}};
    return chainSpace(input(3, 8, 8), {ch1, ch2});
}

bool isCanonicalForm(const ArchitectureCodec& codec, const Architecture& a)
{
    if (a.choices.size() != size_t(codec.decisions().size()))
        return false;
    for (int d = 0; d < codec.decisions().size(); ++d)
        if (a.choices[size_t(d)] < -1 || a.choices[size_t(d)] >= codec.decisions()[d].size())
            return false;
    return true;
}

} // namespace

class TestArchitectureCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void hashEqualIffEncodingEqual_data();
    void hashEqualIffEncodingEqual();
    void fnv1aIsTheStandardOne();
    void nb201Equivalences_data();
    void nb201Equivalences();
    void nb201AllNoneCell();
    void cellShortcutAgreesWithTheLayers();
    void canonicalIsAFixedPoint_data();
    void canonicalIsAFixedPoint();
    void zeroOutputIsOneArchitecture();
    void decodeFillsDefaultsAndCanonicalises();
    void decodeErrors_data();
    void decodeErrors();
    void features_data();
    void features();
};

void TestArchitectureCodec::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const auto& name : bundledSpaceNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestArchitectureCodec::roundTrip()
{
    QFETCH(QString, file);
    ArchitectureCodec codec(loadBundled(file));
    std::mt19937_64 rng(20240607);
    for (int i = 0; i < 200; ++i) {
        const Architecture raw = randomAssignment(codec, rng);
        const std::string encoding = codec.encode(raw);
        const Architecture canon = codec.canonical(raw);
        QVERIFY(isCanonicalForm(codec, canon));
        // Canonical form keeps the active choices and clears the rest.
        for (size_t d = 0; d < raw.choices.size(); ++d)
            QVERIFY(canon.choices[d] == -1 || canon.choices[d] == raw.choices[d]);
        QCOMPARE(codec.canonical(canon), canon);
        QCOMPARE(codec.encodeCanonical(canon), encoding);

        const Architecture decoded = codec.decode(encoding);
        QCOMPARE(decoded, canon);
        QCOMPARE(codec.encode(decoded), encoding);
        QCOMPARE(codec.hash(raw), ArchitectureCodec::hashText(encoding));
        QCOMPARE(codec.hash(decoded), codec.hash(raw));

        // The encoding lists exactly the active decisions, in order.
        QStringList items = QString::fromStdString(encoding).split(';', Qt::SkipEmptyParts);
        int active = 0;
        for (int d = 0; d < codec.decisions().size(); ++d) {
            if (canon.choices[size_t(d)] < 0)
                continue;
            const Decision& dec = codec.decisions()[d];
            QVERIFY(active < items.size());
            QCOMPARE(items[active++],
                     QString::fromStdString(dec.key + "=" +
                                            dec.labels[size_t(canon.choices[size_t(d)])]));
        }
        QCOMPARE(active, items.size());
    }
}

void TestArchitectureCodec::hashEqualIffEncodingEqual_data()
{
    roundTrip_data();
}

void TestArchitectureCodec::hashEqualIffEncodingEqual()
{
    QFETCH(QString, file);
    ArchitectureCodec codec(loadBundled(file));
    std::mt19937_64 rng(99);
    std::map<uint64_t, std::string> encodingOfHash;
    std::map<std::string, uint64_t> hashOfEncoding;
    for (int i = 0; i < 2000; ++i) {
        const Architecture a = randomAssignment(codec, rng);
        const std::string e = codec.encode(a);
        const uint64_t h = codec.hash(a);
        auto [byHash, newHash] = encodingOfHash.emplace(h, e);
        auto [byEncoding, newEncoding] = hashOfEncoding.emplace(e, h);
        QCOMPARE(byHash->second, e);     // one hash, one encoding
        QCOMPARE(byEncoding->second, h); // one encoding, one hash
        const std::string hex = ArchitectureCodec::hashToHex(h);
        QCOMPARE(QString::fromStdString(hex), QString::number(h, 16).rightJustified(16, '0'));
    }
    QVERIFY(encodingOfHash.size() > 1);
}

void TestArchitectureCodec::fnv1aIsTheStandardOne()
{
    // Published FNV-1a 64-bit test vectors: the hash must not depend on the
    // platform or the build.
    QCOMPARE(ArchitectureCodec::hashText(""), Q_UINT64_C(0xcbf29ce484222325));
    QCOMPARE(ArchitectureCodec::hashText("a"), Q_UINT64_C(0xaf63dc4c8601ec8c));
    QCOMPARE(ArchitectureCodec::hashText("foobar"), Q_UINT64_C(0x85944171f73967e8));
    QCOMPARE(ArchitectureCodec::hashToHex(0), std::string("0000000000000000"));
    QCOMPARE(ArchitectureCodec::hashToHex(Q_UINT64_C(0xaf63dc4c8601ec8c)),
             std::string("af63dc4c8601ec8c"));
}

void TestArchitectureCodec::nb201Equivalences_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    // Node 2 does not reach the output (2->3 is none): what enters node 2
    // does not matter.
    QTest::newRow("edges into a node that does not reach the output")
        << "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|"
        << "|nor_conv_3x3~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|nor_conv_1x1~1|none~2|"
        << true;
    // Node 1 has no live input (0->1 is none): what leaves node 1 does not matter.
    QTest::newRow("edges out of a dead node")
        << "|none~0|+|skip_connect~0|nor_conv_3x3~1|+|nor_conv_1x1~0|avg_pool_3x3~1|skip_connect~2|"
        << "|none~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|"
        << true;
    // 1->2 and 1->3 are none: node 1 is a dead end, so 0->1 does not matter.
    QTest::newRow("edge into a dead end")
        << "|nor_conv_3x3~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|none~1|skip_connect~2|"
        << "|avg_pool_3x3~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|none~1|skip_connect~2|"
        << true;
    // Node 1 is live but a dead end (1->2, 1->3 none): the network is the
    // one without node 1, so 0->1 must not make 1->3 matter.
    QTest::newRow("a dead-end node versus no node")
        << "|nor_conv_3x3~0|+|nor_conv_3x3~0|none~1|+|nor_conv_3x3~0|none~1|none~2|"
        << "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|" << true;
    QTest::newRow("a live edge differs") << "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|"
                                            "skip_connect~0|nor_conv_1x1~1|skip_connect~2|"
                                         << "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|nor_"
                                            "conv_1x1~0|nor_conv_1x1~1|skip_connect~2|"
                                         << false;
    QTest::newRow("an inner edge differs") << "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|"
                                              "skip_connect~0|nor_conv_1x1~1|skip_connect~2|"
                                           << "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|"
                                              "skip_connect~0|nor_conv_1x1~1|skip_connect~2|"
                                           << false;
    // Cutting 2->3 changes the network even though node 2 is live.
    QTest::newRow("none versus skip on the last edge")
        << "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_"
           "connect~2|"
        << "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|"
        << false;
    QTest::newRow("identical strings")
        << "|skip_connect~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|"
        << "|skip_connect~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|" << true;
}

void TestArchitectureCodec::nb201Equivalences()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    ArchitectureCodec codec(loadBundled("nb201.json"));
    const Architecture archA = Nb201Format::parse(codec, a.toStdString());
    const Architecture archB = Nb201Format::parse(codec, b.toStdString());
    if (a != b)
        QVERIFY(archA != archB); // different assignments
    QCOMPARE(codec.encode(archA) == codec.encode(archB), same);
    QCOMPARE(codec.hash(archA) == codec.hash(archB), same);
    QCOMPARE(codec.canonical(archA) == codec.canonical(archB), same);
    QCOMPARE(codec.features(archA) == codec.features(archB), same);
}

void TestArchitectureCodec::nb201AllNoneCell()
{
    // With every edge "none" the cell's output does not depend on its input;
    // of the six edges only 0->3 joins a live node to one that reaches the
    // output, and the encoding names just that edge.
    ArchitectureCodec codec(loadBundled("nb201.json"));
    const Architecture allNone =
        Nb201Format::parse(codec, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
    QCOMPARE(codec.encode(allNone), std::string("nb201:3<-0=none"));
    QCOMPARE(codec.decode(""), codec.canonical(allNone)); // every edge defaults to none
}

void TestArchitectureCodec::canonicalIsAFixedPoint_data()
{
    QTest::addColumn<SearchSpace>("space");
    QTest::newRow("fashion_mnist") << loadBundled("fashion_mnist.json");
    QTest::newRow("3-node cell, none|skip") << parseDoc(
        spaceDoc(json::array({input(4, 8, 8), block("c", "cell", {{"cell", "k"}}), output()}),
                 chain({"in", "c", "out"}),
                 {{"cells", {{"k", {{"nodes", 3}, {"ops", {"none", "skip_connect"}}}}}}}));
    QTest::newRow("two zero alternatives in a row") << zeroChain();
}

void TestArchitectureCodec::canonicalIsAFixedPoint()
{
    // Over every raw assignment: the canonical form is canonical, and an
    // encoding reads back as that same architecture.
    QFETCH(SearchSpace, space);
    ArchitectureCodec codec(space);
    Architecture raw;
    raw.choices.assign(size_t(codec.decisions().size()), 0);
    int checked = 0;
    while (true) {
        const Architecture canon = codec.canonical(raw);
        const std::string e = codec.encode(raw);
        const QString where = QString::fromStdString(e);
        QVERIFY2(codec.canonical(canon) == canon,
                 qPrintable("canonical(canonical(a)) differs for " + where));
        QVERIFY2(codec.decode(e) == canon,
                 qPrintable("decode(encode(a)) != canonical(a) for " + where));
        QVERIFY2(codec.encode(codec.decode(e)) == e,
                 qPrintable(where + " reads back as " +
                            QString::fromStdString(codec.encode(codec.decode(e)))));
        ++checked;
        int d = codec.decisions().size() - 1;
        while (d >= 0 && ++raw.choices[size_t(d)] == codec.decisions()[d].size())
            raw.choices[size_t(d--)] = 0;
        if (d < 0)
            break;
    }
    QVERIFY(checked > 1);
}

void TestArchitectureCodec::zeroOutputIsOneArchitecture()
{
    // in -> {zero | conv(kernel 3|5)} -> {zero | identity} -> out. Whenever
    // either choice takes its zero the output is the constant zero: one
    // network, so one encoding.
    ArchitectureCodec codec(zeroChain());
    QCOMPARE(codec.decisions().size(), 3); // ch1, ch1/c.kernel, ch2
    std::set<std::string> zeroEncodings, others;
    for (int a = 0; a < 2; ++a)
        for (int k = 0; k < 2; ++k)
            for (int b = 0; b < 2; ++b) {
                Architecture arch;
                arch.choices = {a, k, b};
                const bool zero = a == 0 || b == 0;
                (zero ? zeroEncodings : others).insert(codec.encode(arch));
            }
    QCOMPARE(others.size(), size_t(2)); // conv k3, conv k5
    QStringList listed;
    for (const auto& e : zeroEncodings)
        listed << "'" + QString::fromStdString(e) + "'";
    QVERIFY2(zeroEncodings.size() == 1,
             qPrintable("zero-output architectures got the encodings " + listed.join(", ")));
}

void TestArchitectureCodec::decodeFillsDefaultsAndCanonicalises()
{
    ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    const Architecture a = codec.decode("conv3.width=128");
    const std::string e = codec.encode(a);
    QVERIFY2(QString::fromStdString(e).contains("conv3.width=128"), e.c_str());
    // Left-out decisions take their default: here each one's first option.
    for (int d = 0; d < codec.decisions().size(); ++d) {
        if (codec.decisions()[d].key == "conv3.width")
            continue;
        QVERIFY(a.choices[size_t(d)] == -1 ||
                a.choices[size_t(d)] == codec.decisions()[d].defaultOption);
    }
    // An inactive decision named in the encoding is dropped.
    const Architecture sep = codec.decode("op1=sep;op1/conv.kernel=5");
    QVERIFY(!QString::fromStdString(codec.encode(sep)).contains("op1/conv.kernel"));
    QCOMPARE(sep, codec.decode("op1=sep"));
    // Order and empty items do not matter.
    QCOMPARE(codec.decode(";conv3.width=128;;$w2=64;"), codec.decode("$w2=64;conv3.width=128"));
}

void TestArchitectureCodec::decodeErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("blockId");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown key") << "fashion_mnist.json"
                                 << "$w1=16;nope=3"
                                 << ""
                                 << "nope";
    QTest::newRow("unknown option") << "fashion_mnist.json"
                                    << "op1=transformer"
                                    << "op1"
                                    << "transformer";
    QTest::newRow("option of another decision") << "fashion_mnist.json"
                                                << "$w1=64"
                                                << ""
                                                << "64";
    QTest::newRow("not key=option") << "fashion_mnist.json"
                                    << "$w1"
                                    << ""
                                    << "$w1";
    QTest::newRow("unknown cell operation") << "nb201.json"
                                            << "nb201:1<-0=sep_conv_3x3"
                                            << "cell1"
                                            << "sep_conv_3x3";
    QTest::newRow("edge the cell does not have") << "nb201.json"
                                                 << "nb201:4<-0=none"
                                                 << ""
                                                 << "nb201:4<-0";
    QTest::newRow("depth out of range") << "mbconv.json"
                                        << "stage1.depth=5"
                                        << "stage1"
                                        << "5";
    QTest::newRow("key of a layer not there") << "mbconv.json"
                                              << "stage1#4.kernel=3"
                                              << ""
                                              << "stage1#4.kernel";
}

void TestArchitectureCodec::decodeErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    QFETCH(QString, blockId);
    QFETCH(QString, mentions);
    ArchitectureCodec codec(loadBundled(file));
    try {
        codec.decode(encoding.toStdString());
        QFAIL("decoded without an error");
    } catch (const SpaceError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
        if (!blockId.isEmpty())
            QCOMPARE(QString::fromStdString(e.blockId()), blockId);
    }
}

void TestArchitectureCodec::features_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("length");
    // nb201: 6 edges x 5 ops; fashion: 2+3+2+2+3+2+2;
    // mbconv: 5 stages x (3 depths + 4 layers x (3 kernels + 2 expansions)).
    QTest::newRow("nb201") << "nb201.json" << 30;
    QTest::newRow("fashion_mnist") << "fashion_mnist.json" << 16;
    QTest::newRow("mbconv") << "mbconv.json" << 115;
}

void TestArchitectureCodec::features()
{
    QFETCH(QString, file);
    QFETCH(int, length);
    ArchitectureCodec codec(loadBundled(file));
    QCOMPARE(codec.featureLength(), length);
    std::mt19937_64 rng(5);
    std::map<std::vector<float>, std::string> encodingOfFeatures;
    for (int i = 0; i < 300; ++i) {
        const Architecture a = randomAssignment(codec, rng);
        const Architecture canon = codec.canonical(a);
        const std::vector<float> f = codec.features(a);
        QCOMPARE(int(f.size()), length);
        QCOMPARE(codec.features(canon), f);
        size_t offset = 0;
        for (int d = 0; d < codec.decisions().size(); ++d) {
            const int n = codec.decisions()[d].size();
            int ones = 0, hot = -1;
            for (int k = 0; k < n; ++k) {
                const float v = f[offset + size_t(k)];
                QVERIFY(v == 0.0f || v == 1.0f);
                if (v == 1.0f) {
                    ++ones;
                    hot = k;
                }
            }
            if (canon.choices[size_t(d)] >= 0) {
                QCOMPARE(ones, 1);
                QCOMPARE(hot, canon.choices[size_t(d)]);
            } else {
                QCOMPARE(ones, 0);
            }
            offset += size_t(n);
        }
        QCOMPARE(offset, f.size());
        // Equal features, equal architecture.
        auto [it, inserted] = encodingOfFeatures.emplace(f, codec.encode(a));
        QCOMPARE(it->second, codec.encode(a));
    }
}

// In a space whose only choices are cell edges (NAS-Bench-201) the resolver
// finds the active decisions from the cells alone; on every one of the
// 15,625 assignments that must agree with the analysis of the built layers.
void TestArchitectureCodec::cellShortcutAgreesWithTheLayers()
{
    const SearchSpace space = loadBundled("nb201.json");
    const DecisionSet decisions(space);
    const NetworkResolver resolver(space, decisions);
    std::vector<int> choices(size_t(decisions.size()), 0);
    int checked = 0;
    while (true) {
        QCOMPARE(resolver.activeDecisions(choices), resolver.resolve(choices, false).activeDecisions);
        ++checked;
        int d = decisions.size() - 1;
        while (d >= 0 && ++choices[size_t(d)] == decisions[d].size())
            choices[size_t(d--)] = 0;
        if (d < 0)
            break;
    }
    QCOMPARE(checked, 15625);
}

QTEST_GUILESS_MAIN(TestArchitectureCodec)
#include "tst_architecturecodec.moc"
