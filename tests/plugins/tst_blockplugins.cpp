// Block kinds from plugins: the shipped resnet-blocks plugin's kinds load
// with the default folders, read from space files, resolve into the layers
// ResNet defines (counted by hand), and search with the built-in strategies,
// whose plugin has its own copy of the engine. Kinds described wrongly are
// refused with their whole plugin; kinds that build wrong layers stop the
// resolution with a message naming the block.

#include "../cli/CliTestSupport.h"
#include "../engine/EngineTestSupport.h"

#include "cost/NetworkCost.h"
#include "plugin/PluginCatalog.h"
#include "search/StrategyRegistry.h"
#include "space/BlockKindRegistry.h"
#include "space/SpaceError.h"
#include "space/SpaceSize.h"
#include "space/SpaceValidator.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace archscape;
using enginetest::loadBundled;

namespace {

// Conv k×k without bias plus its batch norm's scale and shift.
int64_t convBn(int64_t in, int64_t out, int64_t k, int64_t groups = 1)
{
    return in / groups * out * k * k + 2 * out;
}

const Layer* layerLabelled(const Network& net, const std::string& label)
{
    for (const auto& l : net.layers)
        if (l.label == label)
            return &l;
    return nullptr;
}

std::string resolveError(const SearchSpace& space)
{
    try {
        ArchitectureCodec codec(space);
        codec.network(codec.defaultArchitecture());
    } catch (const SpaceError& e) {
        return e.what();
    }
    return {};
}

// in → stem(16) → one block of `kind` → head → out.
SearchSpace oneBlockSpace(const std::string& kind, const std::string& params = "{}")
{
    return SpaceFile::parse(R"({"format": "archscape-space", "version": 1, "blocks": [
        {"id": "in", "kind": "input", "params": {"channels": 1, "height": 28, "width": 28}},
        {"id": "stem", "kind": "stem", "params": {"width": 16}},
        {"id": "b", "kind": ")" + kind + R"(", "params": )" + params + R"(},
        {"id": "head", "kind": "head"}, {"id": "out", "kind": "output"}],
      "edges": [{"from": "in", "to": "stem"}, {"from": "stem", "to": "b"},
                {"from": "b", "to": "head"}, {"from": "head", "to": "out"}]})");
}

PluginRecord recordOf(const std::string& file)
{
    return PluginCatalog::global().loadFile(file);
}

} // namespace

class TestBlockPlugins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedKindsLoadWithTheDefaultFolders()
    {
        auto resblock = BlockKindRegistry::find("resblock");
        auto bottleneck = BlockKindRegistry::find("bottleneck");
        QVERIFY(resblock && bottleneck);
        QCOMPARE(resblock->kind, BlockKind::Extension);
        QCOMPARE(resblock->displayName, std::string("Residual block"));
        QVERIFY(resblock->param("width") && resblock->param("kernel") && resblock->param("stride"));
        QVERIFY(resblock->param("width")->affectsShape);
        QVERIFY(bottleneck->param("groups") && bottleneck->param("expansion"));
        bool listed = false;
        for (const auto& record : PluginCatalog::global().records())
            if (record.name == "resnet-blocks") {
                listed = record.loaded()
                         && record.blockKinds == std::vector<std::string>{"resblock", "bottleneck"};
            }
        QVERIFY(listed);
        QVERIFY(BlockKindRegistry::knownNames().find("resblock") != std::string::npos);
    }

    // resources/spaces/resnet_fashion.json, counted by hand.
    void bundledResNetSpaceResolvesAsResNetDefines()
    {
        ArchitectureCodec codec(loadBundled("resnet_fashion.json"));
        QVERIFY(SpaceValidator::validate(codec.space()).empty());
        // 2 (w1) × (2 + 4) (depth 1 or 2, a kernel each) × 2 (w2) × 3 (basic, bottleneck g1/g4)
        QCOMPARE(SpaceSize::distinctCount(codec).toString(), std::string("72"));

        Architecture arch = codec.decode(
            "$w1=32;stage1.depth=2;stage1#0.kernel=5;stage1#1.kernel=5;$w2=32;stage2=basic");
        Network net = codec.network(arch);
        const int64_t stem = 1 * 32 * 9 + 64;
        const int64_t stage1 = 2 * (convBn(32, 32, 5) + convBn(32, 32, 5));
        const int64_t down = convBn(32, 32, 3) + convBn(32, 32, 3) + convBn(32, 32, 1);
        const int64_t basic = convBn(32, 32, 3) + convBn(32, 32, 3);
        const int64_t head = 32 * 10 + 10;
        QCOMPARE(NetworkCost::of(net).params, stem + stage1 + down + basic + head);
        QCOMPARE(NetworkCost::of(net).params, int64_t(141546));

        // Stride 2 gets a projection shortcut; stride 1 at equal width adds the input itself.
        const Layer* projection = layerLabelled(net, "down/shortcut");
        QVERIFY(projection);
        QCOMPARE(projection->stride, 2);
        QCOMPARE(projection->kernel, 1);
        QVERIFY(!layerLabelled(net, "stage1#0/shortcut"));
        const Layer* residual = layerLabelled(net, "stage1#0/residual");
        QVERIFY(residual && residual->op == LayerOp::Add);
        QCOMPARE(residual->shape, (Shape{32, 28, 28, false}));
        QCOMPARE(net.layers[size_t(residual->inputs[1])].label, std::string("stem/act"));
        QCOMPARE(layerLabelled(net, "down/relu")->shape, (Shape{32, 14, 14, false}));
    }

    void bottleneckGroupsAndItsOwnErrors()
    {
        ArchitectureCodec codec(loadBundled("resnet_fashion.json"));
        Network net = codec.network(codec.decode(
            "$w1=16;stage1.depth=1;stage1#0.kernel=3;$w2=64;stage2=bottleneck;"
            "stage2/bottleneck.groups=4"));
        const Layer* grouped = layerLabelled(net, "stage2/bottleneck/conv");
        QVERIFY(grouped);
        QCOMPARE(grouped->groups, int64_t(4));
        QCOMPARE(grouped->inChannels, int64_t(32)); // 64 / expansion 2
        QCOMPARE(layerLabelled(net, "stage2/bottleneck/expand")->outChannels, int64_t(64));

        const std::string error = resolveError(oneBlockSpace("bottleneck", R"({"width": 30})"));
        QVERIFY2(error.find("'b'") != std::string::npos
                     && error.find("width 30 is not a multiple of expansion 4") != std::string::npos,
                 error.c_str());
    }

    // The built-in strategies live in another plugin with its own copy of the
    // engine: they canonicalise and mutate architectures of plugin kinds.
    void searchesWithTheBuiltInStrategies()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("resnet.db");
        EXPECT_EXIT(clitest::runCli({"new", db, "--space", clitest::bundledSpace("resnet_fashion.json")}), 0);
        EXPECT_EXIT(clitest::runCli({"run", db, "--strategy", "evolution", "--evaluator", "cost",
                                     "--objectives", "params:min", "--budget", "30", "--seed", "4"}),
                    0);
        clitest::StudyDb study(db);
        const auto rows = study.rows("SELECT COUNT(*), COUNT(DISTINCT arch_hash) FROM trials "
                                     "WHERE state = 'complete'");
        QCOMPARE(rows.at(0).at(0), std::string("30"));
        QCOMPARE(rows.at(0).at(1), std::string("30"));
        const auto smallest = study.rows("SELECT MIN(value) FROM metrics WHERE name = 'params'");
        // The smallest of the 72: w1=16, depth 1 with 3×3, w2=32, bottleneck with 4 groups.
        ArchitectureCodec codec(loadBundled("resnet_fashion.json"));
        int64_t minimum = INT64_MAX;
        for (const char* enc : {"$w1=16;stage1.depth=1;stage1#0.kernel=3;$w2=32;stage2=bottleneck;"
                                "stage2/bottleneck.groups=4",
                                "$w1=16;stage1.depth=1;stage1#0.kernel=3;$w2=32;stage2=basic"})
            minimum = std::min(minimum, NetworkCost::of(codec.network(codec.decode(enc))).params);
        QVERIFY(std::stoll(smallest.at(0).at(0)) >= minimum);
    }

    void unknownKindNamesThePlugins()
    {
        try {
            oneBlockSpace("fire");
            QFAIL("a space with an unknown kind was read");
        } catch (const SpaceError& e) {
            const std::string text = e.what();
            QVERIFY2(text.find("unknown block kind 'fire'") != std::string::npos
                         && text.find("resblock") != std::string::npos
                         && text.find("plugin") != std::string::npos,
                     text.c_str());
        }
    }

    void wronglyDescribedKindsAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("strategy");
        QTest::newRow("built-in name") << ARCHSCAPE_BLOCK_KIND_PLUGIN_1
                                       << "block kind 'conv': Archscape has a built-in kind"
                                       << "strategy-of-broken-1";
        QTest::newRow("default out of range") << ARCHSCAPE_BLOCK_KIND_PLUGIN_2
                                              << "parameter 'width' has its default 1024 outside its range"
                                              << "strategy-of-broken-2";
        QTest::newRow("describe throws") << ARCHSCAPE_BLOCK_KIND_PLUGIN_3
                                         << "describing a block kind threw an exception: no description today"
                                         << "strategy-of-broken-3";
        QTest::newRow("kind twice") << ARCHSCAPE_BLOCK_KIND_PLUGIN_4
                                    << "it registers the block kind 'broken' twice"
                                    << "strategy-of-broken-4";
    }

    void wronglyDescribedKindsAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QFETCH(QString, strategy);
        const PluginRecord record = recordOf(file.toStdString());
        QVERIFY(!record.loaded());
        QVERIFY2(QString::fromStdString(record.refusal).contains(reason), record.refusal.c_str());
        QVERIFY(!StrategyRegistry::has(strategy.toStdString()));
        QVERIFY(!BlockKindRegistry::has("broken"));
        QVERIFY(blockKindInfo(BlockKind::Conv).name == "conv");
    }

    void misbehavingKindsStopTheResolution_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("throws") << "badthrow" << "a badthrow block: its plugin failed: expand is not implemented";
        QTest::newRow("foreign layer") << "badlayer" << "which is neither the block's input nor a layer it made";
        QTest::newRow("wrong port") << "badport" << "built a vector but the kind's output port takes a feature map";
        QTest::newRow("undeclared parameter") << "badparam" << "asked for the parameter 'width', which the kind does not declare";
        QTest::newRow("bad groups") << "badgroups" << "3 groups, which do not divide 16 input and 10 output channels";
    }

    void misbehavingKindsStopTheResolution()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QVERIFY(recordOf(ARCHSCAPE_MISBEHAVING_BLOCKS_PLUGIN).loaded());
        const SearchSpace space = oneBlockSpace(kind.toStdString());
        const std::string error = resolveError(space);
        QVERIFY2(QString::fromStdString(error).contains(message), error.c_str());
        QVERIFY2(error.find("'b'") != std::string::npos, error.c_str());
        // The validator reports it as a problem of that block.
        const auto problems = SpaceValidator::validate(space);
        QVERIFY(std::any_of(problems.begin(), problems.end(),
                            [](const Problem& p) { return p.blockId == "b"; }));
    }
};

QTEST_GUILESS_MAIN(TestBlockPlugins)
#include "tst_blockplugins.moc"
