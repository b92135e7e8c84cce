// SpaceSize: raw and distinct counts of the bundled spaces checked against
// counts made independently here, structure-based counting against
// enumeration on small spaces, and the log10 path for huge spaces.

#include "EngineTestSupport.h"

#include "space/ArchitectureCodec.h"
#include "space/SpaceSize.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace archscape;
using namespace enginetest;

Q_DECLARE_METATYPE(archscape::SearchSpace)

namespace {

using u128 = unsigned __int128;

u128 power(u128 base, int exponent)
{
    u128 r = 1;
    for (int i = 0; i < exponent; ++i)
        r *= base;
    return r;
}

QString decimal(u128 v)
{
    return QString::fromStdString(toDecimal(v));
}

// NAS-Bench-201's rule, written out independently of the engine: in a cell
// of n nodes, edge j->i matters iff node j is reachable from node 0 through
// non-"none" edges and node i reaches node n-1 through non-"none" edges. A
// cell is identified by the operations on the edges that matter.
//
// The rule is applied until nothing changes. An architecture's canonical
// form leaves out the edges that do not matter, and they read back as
// "none" (their default); doing so can cut a node off and so change which
// edges matter: with 0->1 conv but 1->2 and 1->3 none, 1->3 matters only
// while 0->1 is not none, yet 0->1 itself does not matter. A canonical form
// must be a fixed point (decode(encode(a)) == canonical(a)), so the rule is
// re-applied to the cleared cell until it is stable (two rounds suffice).
std::string cellKey(int n, std::vector<std::vector<std::string>> op, bool toFixedPoint = true)
{
    while (true) {
        std::vector<bool> fromInput(n, false), toOutput(n, false);
        fromInput[0] = true;
        for (int i = 1; i < n; ++i)
            for (int j = 0; j < i; ++j)
                if (fromInput[j] && op[j][i] != "none")
                    fromInput[i] = true;
        toOutput[n - 1] = true;
        for (int j = n - 2; j >= 0; --j)
            for (int i = j + 1; i < n; ++i)
                if (toOutput[i] && op[j][i] != "none")
                    toOutput[j] = true;
        std::string key;
        bool cleared = false;
        for (int i = 1; i < n; ++i)
            for (int j = 0; j < i; ++j) {
                if (fromInput[j] && toOutput[i]) {
                    key += std::to_string(j) + ">" + std::to_string(i) + "=" + op[j][i] + ";";
                } else if (op[j][i] != "none") {
                    op[j][i] = "none";
                    cleared = true;
                }
            }
        if (!cleared || !toFixedPoint)
            return key;
    }
}

// Calls `visit` with every assignment of `ops` to the edges of an n-node cell.
template <typename Visit> void forEachCell(int n, const std::vector<std::string>& ops, Visit visit)
{
    std::vector<std::pair<int, int>> edges;
    for (int i = 1; i < n; ++i)
        for (int j = 0; j < i; ++j)
            edges.emplace_back(j, i);
    std::vector<size_t> digit(edges.size(), 0);
    std::vector<std::vector<std::string>> op(n, std::vector<std::string>(n));
    while (true) {
        for (size_t e = 0; e < edges.size(); ++e)
            op[edges[e].first][edges[e].second] = ops[digit[e]];
        visit(op);
        size_t e = 0;
        while (e < edges.size() && ++digit[e] == ops.size())
            digit[e++] = 0;
        if (e == edges.size())
            return;
    }
}

// A single-cell space (in -> cell -> out), plus `extra` blocks after the cell.
SearchSpace cellSpace(int nodes, const std::vector<std::string>& ops, std::vector<json> after = {})
{
    json blocks = json::array({input(4, 8, 8), block("c", "cell", {{"cell", "k"}})});
    std::vector<std::string> ids{"in", "c"};
    for (auto& b : after) {
        ids.push_back(b["id"]);
        blocks.push_back(b);
    }
    blocks.push_back(output());
    ids.push_back("out");
    return parseDoc(
        spaceDoc(blocks, chain(ids), {{"cells", {{"k", {{"nodes", nodes}, {"ops", ops}}}}}}));
}

} // namespace

class TestSpaceSize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nb201();
    void fashionMnist();
    void mbconv();
    void zeroAlternativeCutsTheMainPath();
    void zeroAlternativeOnASideBranch();
    void structureMatchesEnumeration_data();
    void structureMatchesEnumeration();
    void smallCellsAgainstTheRule_data();
    void smallCellsAgainstTheRule();
    void hugeSpaceCountsInLog10();
    void int128Boundary();
    void spaceCountArithmetic();
};

void TestSpaceSize::nb201()
{
    ArchitectureCodec codec(loadBundled("nb201.json"));
    const SpaceCount raw = SpaceSize::rawCount(codec.decisions());
    QCOMPARE(decimal(raw.value), QString("15625")); // 5 operations on 6 edges: 5^6
    QVERIFY(!raw.huge);

    const std::vector<std::string> ops{"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3",
                                       "avg_pool_3x3"};
    // The engine's decision and option for each edge and operation.
    std::map<std::pair<int, int>, int> decisionOf;
    std::map<std::pair<int, int>, std::map<std::string, int>> optionOf;
    for (int i = 1; i < 4; ++i)
        for (int j = 0; j < i; ++j) {
            const int d = codec.decisions().find(DecisionSet::cellEdgeKey("nb201", j, i));
            QVERIFY(d >= 0);
            decisionOf[{j, i}] = d;
            const auto& labels = codec.decisions()[d].labels;
            QCOMPARE(labels.size(), ops.size());
            for (size_t k = 0; k < labels.size(); ++k)
                optionOf[{j, i}][labels[k]] = int(k);
        }
    QCOMPARE(codec.decisions().size(), 6);

    // Independent count, and the engine's encoding classes must be exactly
    // the rule's classes: encode(a) == encode(b) iff key(a) == key(b).
    std::map<std::string, std::string> encodingOfKey, keyOfEncoding;
    std::set<std::string> onceKeys; // the rule applied once, for the message
    int assignments = 0;
    QString firstBreak;
    forEachCell(4, ops, [&](const std::vector<std::vector<std::string>>& op) {
        Architecture a;
        a.choices.assign(6, 0);
        for (const auto& [edge, d] : decisionOf)
            a.choices[size_t(d)] = optionOf[edge][op[edge.first][edge.second]];
        const std::string key = cellKey(4, op);
        onceKeys.insert(cellKey(4, op, false));
        const std::string encoding = codec.encode(a);
        auto [k, newKey] = encodingOfKey.emplace(key, encoding);
        auto [e, newEncoding] = keyOfEncoding.emplace(encoding, key);
        if ((k->second != encoding || e->second != key) && firstBreak.isEmpty())
            firstBreak =
                QString("cell %1 (encoding %2) breaks the rule's classes: %3 / %4")
                    .arg(QString::fromStdString(key), QString::fromStdString(encoding),
                         QString::fromStdString(k->second), QString::fromStdString(e->second));
        ++assignments;
    });
    QCOMPARE(assignments, 15625);

    const SpaceCount distinct = SpaceSize::distinctCount(codec);
    QCOMPARE(distinct.method, std::string("enumerated"));
    QVERIFY(distinct.exact);
    QVERIFY(encodingOfKey.size() < 15625); // some cells are duplicates
    QVERIFY2(decimal(distinct.value) == QString::number(encodingOfKey.size()),
             qPrintable(QString("engine: %1; the rule to its fixed point: %2 (applied once: %3)")
                            .arg(decimal(distinct.value))
                            .arg(encodingOfKey.size())
                            .arg(onceKeys.size())));
    QCOMPARE(QString::fromStdString(distinct.toString()), QString::number(encodingOfKey.size()));
    QVERIFY2(firstBreak.isEmpty(), qPrintable(firstBreak));
}

void TestSpaceSize::fashionMnist()
{
    // By hand, from resources/spaces/fashion_mnist.json:
    //   w1 (stem, op1's alternatives)           2
    //   op1: conv (kernel 3|5) = 2, sep = 1, mb = 1   -> 4
    //   w2 (conv2, op2's alternatives)          2
    //   op2: conv = 1, sep (kernel 3|5) = 2, zero = 1 -> 4
    //   conv3 width 64|128                      2
    //   2 * 4 * 2 * 4 * 2 = 128 distinct architectures. The raw assignments
    //   also count the inactive nested kernels: 2*3*2*2*3*2*2 = 288.
    ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    QCOMPARE(decimal(SpaceSize::rawCount(codec.decisions()).value), QString("288"));
    const SpaceCount distinct = SpaceSize::distinctCount(codec);
    QCOMPARE(decimal(distinct.value), QString("128"));
    QVERIFY(distinct.exact);
    QCOMPARE(distinct.method, std::string("enumerated"));

    // By structure the count is the same number, but only an upper bound: it
    // contains a Zero alternative and shared choices used conditionally.
    const SpaceCount structure = SpaceSize::distinctCount(codec, 1);
    QCOMPARE(structure.method, std::string("structure"));
    QCOMPARE(decimal(structure.value), QString("128"));
    QVERIFY(!structure.exact);
    QCOMPARE(QString::fromStdString(structure.toString()), QString("at most 128"));
}

void TestSpaceSize::mbconv()
{
    // Five stages, each of depth 2|3|4, each layer kernel 3|5|7 x expansion
    // 3|6 = 6 options: a stage has 6^2 + 6^3 + 6^4 = 1548 variants.
    ArchitectureCodec codec(loadBundled("mbconv.json"));
    const u128 perStage = power(6, 2) + power(6, 3) + power(6, 4);
    QCOMPARE(int(perStage), 1548);
    const u128 expected = power(perStage, 5);
    const SpaceCount distinct = SpaceSize::distinctCount(codec);
    QVERIFY(!distinct.huge);
    QVERIFY(distinct.exact);
    QCOMPARE(distinct.method, std::string("structure"));
    QCOMPARE(decimal(distinct.value), decimal(expected));
    QCOMPARE(decimal(expected), QString("8889038387923968"));
    QVERIFY(std::fabs(distinct.log10 - std::log10(8889038387923968.0)) < 1e-9);

    // Raw: per stage a depth (3) and 4 layers of 6 options, all listed.
    const SpaceCount raw = SpaceSize::rawCount(codec.decisions());
    QCOMPARE(decimal(raw.value), decimal(power(3 * power(6, 4), 5)));
}

void TestSpaceSize::zeroAlternativeCutsTheMainPath()
{
    // in -> c1 (kernel 3|5) -> {identity | zero} -> out. With zero the
    // output is constant and c1's kernel no longer matters:
    // identity x 2 kernels + zero = 3 architectures.
    json ch{{"id", "ch"},
            {"kind", "choice"},
            {"alternatives", {block("id", "identity"), block("z", "zero")}}};
    ArchitectureCodec codec(
        chainSpace(input(1, 8, 8), {block("c1", "conv", {{"kernel", choice({3, 5})}}), ch}));
    QCOMPARE(decimal(SpaceSize::rawCount(codec.decisions()).value), QString("4"));
    const SpaceCount enumerated = SpaceSize::distinctCount(codec);
    QCOMPARE(enumerated.method, std::string("enumerated"));
    QCOMPARE(decimal(enumerated.value), QString("3"));

    const SpaceCount structure = SpaceSize::distinctCount(codec, 1);
    QCOMPARE(structure.method, std::string("structure"));
    QVERIFY(!structure.exact); // the structure cannot see what the zero cuts
    QCOMPARE(decimal(structure.value), QString("4"));
    QVERIFY(QString::fromStdString(structure.toString()).startsWith("at most"));
}

void TestSpaceSize::zeroAlternativeOnASideBranch()
{
    // x = c(kernel 3|5); out = x + {conv(kernel 1|3) | zero}(x):
    // 2 * (2 + 1) = 6 architectures, none merged by the zero.
    json ch{
        {"id", "ch"},
        {"kind", "choice"},
        {"alternatives",
         {block("conv", "conv", {{"width", 8}, {"kernel", choice({1, 3})}}), block("z", "zero")}}};
    json blocks =
        json::array({input(8, 8, 8), block("c", "conv", {{"width", 8}, {"kernel", choice({3, 5})}}),
                     ch, block("sum", "add"), output()});
    json edges = json::array({edge("in", "c"), edge("c", "ch"), edge("c", "sum"),
                              edge("ch", "sum", 1), edge("sum", "out")});
    ArchitectureCodec codec(parseDoc(spaceDoc(blocks, edges)));
    const SpaceCount enumerated = SpaceSize::distinctCount(codec);
    QCOMPARE(decimal(enumerated.value), QString("6"));
    const SpaceCount structure = SpaceSize::distinctCount(codec, 1);
    QCOMPARE(decimal(structure.value), QString("6"));
    QVERIFY(structure.value >= enumerated.value);
}

void TestSpaceSize::structureMatchesEnumeration_data()
{
    QTest::addColumn<SearchSpace>("space");
    QTest::addColumn<int>("byHand");
    QTest::addColumn<bool>("structureExact");
    QTest::addColumn<int>("limit"); // below the raw count: forces the structure

    // 3 kernels x 2 pool types
    QTest::newRow("independent params")
        << chainSpace(input(3, 8, 8), {block("c", "conv", {{"kernel", choice({1, 3, 5})}}),
                                       block("p", "pool", {{"type", choice({"max", "avg"})}})})
        << 6 << true << 1;
    // conv: 2 kernels; sepconv: 3 kernels; identity: 1
    json ch{
        {"id", "ch"},
        {"kind", "choice"},
        {"alternatives",
         {block("conv", "conv", {{"kernel", choice({3, 5})}}),
          block("sep", "sepconv", {{"kernel", choice({3, 5, 7})}}), block("skip", "identity")}}};
    QTest::newRow("choice block") << chainSpace(input(3, 8, 8), {ch}) << 6 << true << 1;
    // depth 1: 2; depth 2: 4; depth 3: 8
    json rep{{"id", "r"},
             {"kind", "repeat"},
             {"params", {{"depth", choice({1, 2, 3})}}},
             {"body", block("layer", "conv", {{"kernel", choice({3, 5})}})}};
    QTest::newRow("repeat depth") << chainSpace(input(3, 8, 8), {rep}) << 14 << true << 1;
    // one shared width (2) for both convs, times c3's kernels (2)
    QTest::newRow("shared choice")
        << chainSpace(input(3, 8, 8),
                      {block("c1", "conv", {{"width", {{"shared", "w"}}}}),
                       block("c2", "conv", {{"width", {{"shared", "w"}}}}),
                       block("c3", "conv", {{"kernel", choice({3, 5})}})},
                      {{"choices", {{"w", {8, 16}}}}})
        << 4 << true << 1;
    // repeat (depth 1: 2, depth 2: 4) or identity: 6 + 1
    json nested{{"id", "ch"},
                {"kind", "choice"},
                {"alternatives",
                 {json{{"id", "r"},
                       {"kind", "repeat"},
                       {"params", {{"depth", choice({1, 2})}}},
                       {"body", block("layer", "conv", {{"kernel", choice({1, 3})}})}},
                  block("skip", "identity")}}};
    QTest::newRow("repeat in a choice") << chainSpace(input(3, 8, 8), {nested}) << 7 << true << 1;
    // A shared choice used only inside one alternative: conv x 2 widths +
    // identity = 3, but the structure multiplies the width in: 2 * 2 = 4.
    json conditional{
        {"id", "ch"},
        {"kind", "choice"},
        {"alternatives",
         {block("conv", "conv", {{"width", {{"shared", "w"}}}}), block("skip", "identity")}}};
    QTest::newRow("conditional shared choice")
        << chainSpace(input(3, 8, 8), {conditional}, {{"choices", {{"w", {8, 16}}}}}) << 3 << false
        << 1;
    // A cell without "none" (2 ops on 3 edges: 8) times a kernel (3).
    QTest::newRow("cell without none")
        << cellSpace(3, {"skip_connect", "nor_conv_1x1"},
                     {block("c2", "conv", {{"kernel", choice({1, 3, 5})}})})
        << 24 << true << 10; // a limit that still enumerates the cell (8)
}

void TestSpaceSize::structureMatchesEnumeration()
{
    QFETCH(SearchSpace, space);
    QFETCH(int, byHand);
    QFETCH(bool, structureExact);
    QFETCH(int, limit);

    ArchitectureCodec codec(space);
    const SpaceCount enumerated = SpaceSize::distinctCount(codec);
    QCOMPARE(enumerated.method, std::string("enumerated"));
    QVERIFY(enumerated.exact);
    QCOMPARE(decimal(enumerated.value), QString::number(byHand));

    QVERIFY(SpaceSize::rawCount(codec.decisions()).value > u128(limit));
    const SpaceCount structure = SpaceSize::distinctCount(codec, limit);
    QCOMPARE(structure.method, std::string("structure"));
    QCOMPARE(structure.exact, structureExact);
    if (structure.exact)
        QCOMPARE(decimal(structure.value), decimal(enumerated.value));
    else
        QVERIFY2(structure.value > enumerated.value, qPrintable(decimal(structure.value)));
}

void TestSpaceSize::smallCellsAgainstTheRule_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<QStringList>("ops");
    QTest::newRow("3 nodes, none|skip") << 3 << QStringList{"none", "skip_connect"};
    QTest::newRow("3 nodes, none|conv|pool")
        << 3 << QStringList{"none", "nor_conv_3x3", "max_pool_3x3"};
    QTest::newRow("4 nodes, none|skip") << 4 << QStringList{"none", "skip_connect"};
    QTest::newRow("5 nodes, none|conv") << 5 << QStringList{"none", "nor_conv_1x1"};
    QTest::newRow("2 nodes, none|conv") << 2 << QStringList{"none", "nor_conv_1x1"};
}

void TestSpaceSize::smallCellsAgainstTheRule()
{
    QFETCH(int, nodes);
    QFETCH(QStringList, ops);
    std::vector<std::string> opNames;
    for (const auto& o : ops)
        opNames.push_back(o.toStdString());

    std::set<std::string> keys;
    forEachCell(nodes, opNames, [&](const auto& op) { keys.insert(cellKey(nodes, op)); });

    ArchitectureCodec codec(cellSpace(nodes, opNames));
    const SpaceCount count = SpaceSize::distinctCount(codec);
    QCOMPARE(decimal(count.value), QString::number(keys.size()));
}

void TestSpaceSize::hugeSpaceCountsInLog10()
{
    // 60 convs in a row, each with 10 widths: 10^60 assignments, all distinct.
    std::vector<json> convs;
    json widths = json::array();
    for (int w = 1; w <= 10; ++w)
        widths.push_back(8 * w);
    for (int i = 0; i < 60; ++i)
        convs.push_back(block("c" + std::to_string(i), "conv", {{"width", choice(widths)}}));
    ArchitectureCodec codec(chainSpace(input(3, 8, 8), convs));
    QCOMPARE(codec.decisions().size(), 60);

    const SpaceCount raw = SpaceSize::rawCount(codec.decisions());
    QVERIFY(raw.huge);
    QVERIFY2(std::fabs(raw.log10 - 60.0) < 1e-6, qPrintable(QString::number(raw.log10, 'g', 17)));

    const SpaceCount distinct = SpaceSize::distinctCount(codec);
    QVERIFY(distinct.huge);
    QVERIFY(distinct.exact);
    QCOMPARE(distinct.method, std::string("structure"));
    QVERIFY2(std::fabs(distinct.log10 - 60.0) < 1e-6,
             qPrintable(QString::number(distinct.log10, 'g', 17)));
    QCOMPARE(QString::fromStdString(distinct.toString()), QString("1.000e+60"));
}

void TestSpaceSize::int128Boundary()
{
    // 10^38 < 2^127 - 1 < 10^39: 38 decisions of 10 stay exact, 39 do not.
    for (int n : {38, 39}) {
        std::vector<json> convs;
        for (int i = 0; i < n; ++i)
            convs.push_back(block("c" + std::to_string(i), "conv",
                                  {{"kernel", choice({1, 3, 5, 7, 9, 11, 13, 15, 17, 19})}}));
        ArchitectureCodec codec(chainSpace(input(3, 8, 8), convs));
        const SpaceCount c = SpaceSize::distinctCount(codec);
        if (n == 38) {
            QVERIFY(!c.huge);
            QCOMPARE(QString::fromStdString(c.toString()), "1" + QString(38, '0'));
        } else {
            QVERIFY(c.huge);
            QVERIFY(std::fabs(c.log10 - 39.0) < 1e-6);
        }
    }
}

void TestSpaceSize::spaceCountArithmetic()
{
    const SpaceCount a = SpaceCount::fromValue(power(10, 30));
    const SpaceCount square = a.times(a);
    QVERIFY(square.huge);
    QVERIFY(std::fabs(square.log10 - 60.0) < 1e-9);
    const SpaceCount twice = square.plus(square);
    QVERIFY(twice.huge);
    QVERIFY(std::fabs(twice.log10 - (60.0 + std::log10(2.0))) < 1e-9);
    QCOMPARE(QString::fromStdString(twice.toString()), QString("2.000e+60"));

    const SpaceCount small =
        SpaceCount::fromValue(12).times(SpaceCount::fromValue(12)).plus(SpaceCount::fromValue(1));
    QVERIFY(!small.huge);
    QCOMPARE(decimal(small.value), QString("145"));
    QVERIFY(std::fabs(small.log10 - std::log10(145.0)) < 1e-12);
    QCOMPARE(decimal(SpaceCount::fromValue(0).times(square).value), QString("0"));
    QCOMPARE(QString::fromStdString(toDecimal(0)), QString("0"));
    QCOMPARE(QString::fromStdString(toDecimal(~u128(0))),
             QString("340282366920938463463374607431768211455"));
}

QTEST_GUILESS_MAIN(TestSpaceSize)
#include "tst_spacesize.moc"
