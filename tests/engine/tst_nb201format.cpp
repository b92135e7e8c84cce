// Nb201Format against the real NAS-Bench-201 table: every architecture
// string reads and writes back unchanged, bad strings are refused, and the
// networks they describe have NAS-Bench-201's parameter counts.

#include "EngineTestSupport.h"

#include "cost/NetworkCost.h"
#include "space/Nb201Format.h"
#include "space/SpaceError.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace archscape;
using namespace enginetest;

namespace {

// The operation on each edge j->i of a NAS-Bench-201 string, read here
// without the engine: groups are nodes 1..3, items "op~j".
std::map<std::pair<int, int>, std::string> opsOf(const std::string& arch)
{
    std::map<std::pair<int, int>, std::string> ops;
    const QStringList groups = QString::fromStdString(arch).split('+');
    for (int node = 1; node <= groups.size(); ++node)
        for (const QString& item : groups[node - 1].split('|', Qt::SkipEmptyParts)) {
            const QStringList parts = item.split('~');
            ops[{parts[1].toInt(), node}] = parts[0].toStdString();
        }
    return ops;
}

// NAS-Bench-201's network (Dong & Yang 2020; resources/spaces/nb201.json):
// a 3x3 conv stem (3->16) with BN; 5 cells at 16 channels on 32x32; a
// residual reduction block (ReLU-conv3x3/2-BN, ReLU-conv3x3-BN, shortcut
// 2x2 avg pool + 1x1 conv without BN); 5 cells at 32 on 16x16; another
// reduction; 5 cells at 64 on 8x8; BN-ReLU, global pooling, linear 64->10.
// In a cell nor_conv_kxk is ReLU-conv-BN (C*C*k*k weights + 2C BN); skip,
// pooling and none have no parameters. Every operation counts, also one
// whose result cannot reach the cell output, as in NAS-Bench-201.
NetworkCost nb201Cost(const std::map<std::pair<int, int>, std::string>& ops)
{
    NetworkCost c;
    auto conv = [&c](int64_t in, int64_t out, int k, int64_t pixels, bool bn) {
        c.params += in * out * k * k + (bn ? 2 * out : 0);
        c.macs += in * out * k * k * pixels;
    };
    conv(3, 16, 3, 32 * 32, true); // stem
    const int64_t channels[] = {16, 32, 64};
    const int64_t pixels[] = {32 * 32, 16 * 16, 8 * 8};
    for (int stage = 0; stage < 3; ++stage) {
        const int64_t C = channels[stage];
        if (stage > 0) {
            const int64_t in = channels[stage - 1];
            conv(in, C, 3, pixels[stage], true);  // ReLU-conv3x3 stride 2-BN
            conv(C, C, 3, pixels[stage], true);   // ReLU-conv3x3-BN
            conv(in, C, 1, pixels[stage], false); // shortcut after the 2x2 pool
        }
        for (int cell = 0; cell < 5; ++cell)
            for (const auto& [edge, op] : ops) {
                if (op == "nor_conv_3x3")
                    conv(C, C, 3, pixels[stage], true);
                else if (op == "nor_conv_1x1")
                    conv(C, C, 1, pixels[stage], true);
            }
    }
    c.params += 2 * 64 + 64 * 10 + 10; // BN, linear with bias
    c.macs += 64 * 10;
    return c;
}

} // namespace

class TestNb201Format : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCsvStringRoundTrips();
    void formatOfCanonicalIsTheSameArchitecture();
    void malformed_data();
    void malformed();
    void needsAnNb201Space();
    void publishedParameterCount();
    void costOfEveryCsvArchitecture();

private:
    std::vector<std::string> archs_;
};

void TestNb201Format::initTestCase()
{
    archs_ = readNb201Archs();
    QCOMPARE(archs_.size(), size_t(15625));
}

void TestNb201Format::everyCsvStringRoundTrips()
{
    ArchitectureCodec codec(loadBundled("nb201.json"));
    std::set<std::vector<int>> assignments;
    for (const auto& s : archs_) {
        QVERIFY(Nb201Format::looksLikeNb201(s));
        const Architecture a = Nb201Format::parse(codec, s);
        QCOMPARE(Nb201Format::format(codec, a), s);
        // The assignment is what the string says, edge by edge.
        for (const auto& [edge, op] : opsOf(s)) {
            const int d =
                codec.decisions().find(DecisionSet::cellEdgeKey("nb201", edge.first, edge.second));
            QVERIFY(d >= 0);
            QCOMPARE(codec.decisions()[d].labels[size_t(a.choices[size_t(d)])], op);
        }
        assignments.insert(a.choices);
    }
    // The table is the whole space: 15,625 different assignments.
    QCOMPARE(assignments.size(), size_t(15625));
}

void TestNb201Format::formatOfCanonicalIsTheSameArchitecture()
{
    // Decisions a canonical architecture leaves out are written as "none";
    // the string must still name the same architecture.
    ArchitectureCodec codec(loadBundled("nb201.json"));
    QStringList broken;
    for (size_t i = 0; i < archs_.size(); i += 7) {
        const Architecture a = Nb201Format::parse(codec, archs_[i]);
        const std::string text = Nb201Format::format(codec, codec.canonical(a));
        const Architecture back = Nb201Format::parse(codec, text);
        if (codec.encode(back) != codec.encode(a) && broken.size() < 3)
            broken << QString::fromStdString(archs_[i] + " -> " + text);
    }
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join("; ")));
}

void TestNb201Format::malformed_data()
{
    QTest::addColumn<QString>("text");
    const QString good =
        "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("empty") << "";
    QTest::newRow("one bar") << "|";
    QTest::newRow("no bars") << "nor_conv_3x3~0";
    QTest::newRow("two groups") << "|nor_conv_3x3~0|+|none~0|skip_connect~1|";
    QTest::newRow("four groups") << good + "+|none~0|none~1|none~2|none~3|";
    QTest::newRow("trailing plus") << good + "+";
    QTest::newRow("missing final bar") << good.left(good.size() - 1);
    QTest::newRow("leading space") << " " + good;
    QTest::newRow("trailing newline") << good + "\n";
    QTest::newRow("too few operations")
        << "|nor_conv_3x3~0|+|none~0|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("too many operations")
        << "|nor_conv_3x3~0|none~1|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("wrong source node")
        << "|nor_conv_3x3~1|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("source node 00")
        << "|nor_conv_3x3~00|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("no tilde")
        << "|nor_conv_3x3|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("two tildes")
        << "|nor_conv_3x3~0~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("unknown operation")
        << "|sep_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("operation not in this cell")
        << "|max_pool_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("empty operation")
        << "|~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("double bar")
        << "||nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
    QTest::newRow("upper case")
        << "|NOR_CONV_3X3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|";
}

void TestNb201Format::malformed()
{
    QFETCH(QString, text);
    ArchitectureCodec codec(loadBundled("nb201.json"));
    try {
        const Architecture a = Nb201Format::parse(codec, text.toStdString());
        QFAIL(qPrintable("accepted; reads as " +
                         QString::fromStdString(Nb201Format::format(codec, a))));
    } catch (const SpaceError& e) {
        QVERIFY(!std::string(e.what()).empty());
    } catch (const std::exception& e) {
        QFAIL(qPrintable(
            QString("threw %1 instead of SpaceError: %2").arg(typeid(e).name(), e.what())));
    }
}

void TestNb201Format::needsAnNb201Space()
{
    ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    QVERIFY_THROWS_EXCEPTION(SpaceError, Nb201Format::parse(codec, archs_.front()));
    QVERIFY_THROWS_EXCEPTION(SpaceError, Nb201Format::format(codec, codec.defaultArchitecture()));
    QVERIFY(!Nb201Format::looksLikeNb201("$w1=16"));
    QVERIFY(!Nb201Format::looksLikeNb201(""));
}

void TestNb201Format::publishedParameterCount()
{
    // NAS-Bench-201 publishes 0.615386 M parameters for this cell on CIFAR-10.
    ArchitectureCodec codec(loadBundled("nb201.json"));
    const std::string s =
        "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_1x1~1|none~2|";
    QVERIFY(std::find(archs_.begin(), archs_.end(), s) != archs_.end());
    const Architecture a = Nb201Format::parse(codec, s);
    QCOMPARE(NetworkCost::of(codec.network(a)).params, int64_t(615386));
    QCOMPARE(nb201Cost(opsOf(s)).params, int64_t(615386)); // the formula agrees
}

void TestNb201Format::costOfEveryCsvArchitecture()
{
    ArchitectureCodec codec(loadBundled("nb201.json"));
    int checked = 0;
    for (const auto& s : archs_) {
        const NetworkCost expected = nb201Cost(opsOf(s));
        const NetworkCost actual = NetworkCost::of(codec.network(Nb201Format::parse(codec, s)));
        if (actual.params != expected.params || actual.macs != expected.macs)
            QFAIL(qPrintable(QString("%1: params %2 (expected %3), MACs %4 (expected %5)")
                                 .arg(QString::fromStdString(s))
                                 .arg(actual.params)
                                 .arg(expected.params)
                                 .arg(actual.macs)
                                 .arg(expected.macs)));
        ++checked;
    }
    QCOMPARE(checked, 15625);
}

QTEST_GUILESS_MAIN(TestNb201Format)
#include "tst_nb201format.moc"
