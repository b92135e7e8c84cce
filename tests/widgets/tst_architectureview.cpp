// The architecture view lays out a NAS-Bench-201 trial (its network and its
// cell with the chosen operation per edge) and a Fashion-MNIST network with
// one box per layer, every label right; compare mode and SVG export.

#include "InspectTestSupport.h"
#include "TrialSelection.h"
#include "inspect/ArchitectureGraph.h"
#include "inspect/ArchitectureScene.h"
#include "inspect/ArchitectureView.h"
#include "inspect/GraphvizLayout.h"
#include "space/ArchitectureSampler.h"

#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>

using namespace archscape;

namespace {

struct Drawn
{
    std::vector<QString> nodeTitles;
    std::vector<QString> nodeCaptions;
    std::vector<QString> edgeLabels;
    int edges = 0;
    bool textsMatch = true; // each box paints its title and caption
};

// What the scene draws for graph `index` (0: the network, 1.. the cells).
Drawn drawn(QGraphicsScene* scene, int index)
{
    Drawn d;
    for (QGraphicsItem* item : scene->items()) {
        if (item->data(ArchitectureScene::GraphKey).toInt() != index || !item->data(ArchitectureScene::KindKey).isValid())
            continue;
        const QString kind = item->data(ArchitectureScene::KindKey).toString();
        if (kind == "node") {
            d.nodeTitles.push_back(item->data(ArchitectureScene::TitleKey).toString());
            d.nodeCaptions.push_back(item->data(ArchitectureScene::CaptionKey).toString());
            // The painted text says the same as the data.
            QStringList texts;
            for (QGraphicsItem* child : item->childItems())
                if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(child))
                    texts << text->text();
            if (texts != QStringList{d.nodeTitles.back(), d.nodeCaptions.back()})
                d.textsMatch = false;
        } else if (kind == "edge") {
            ++d.edges;
            if (!item->data(ArchitectureScene::TitleKey).toString().isEmpty())
                d.edgeLabels.push_back(item->data(ArchitectureScene::TitleKey).toString());
        }
    }
    std::sort(d.nodeTitles.begin(), d.nodeTitles.end());
    std::sort(d.edgeLabels.begin(), d.edgeLabels.end());
    return d;
}

bool waitForLayout(ArchitectureView& view)
{
    QSignalSpy spy(&view, &ArchitectureView::layoutReady);
    return spy.wait(10000);
}

TrialRecord trialFor(const ArchitectureCodec& codec, const Architecture& arch, int64_t id)
{
    TrialRecord t;
    t.id = id;
    t.number = id - 1;
    t.encoding = codec.encode(arch);
    t.state = TrialState::Complete;
    t.metrics["valid_acc"] = 90.0 + double(id);
    return t;
}

} // namespace

class TestArchitectureView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nb201CellHasTheChosenOperations_data();
    void nb201CellHasTheChosenOperations();
    void nb201NetworkFoldsEachCell();
    void fashionMnistNetworkHasOneBoxPerLayer();
    void compareModePinsATrial();
    void exportsSvg();
    void unknownTrialAndBadEncodingShowAMessage();
    void biggestBundledNetworkLaysOutQuickly();
};

void TestArchitectureView::nb201CellHasTheChosenOperations_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QStringList>("operations");
    QTest::addColumn<int>("unusedNodes");
    QTest::newRow("all edges") << "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|"
                               << QStringList{"nor_conv_3x3", "nor_conv_3x3", "avg_pool_3x3", "skip_connect", "nor_conv_1x1", "nor_conv_3x3"} << 0;
    QTest::newRow("none edges left out") << "|nor_conv_1x1~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|"
                                         << QStringList{"nor_conv_1x1", "avg_pool_3x3", "skip_connect", "nor_conv_3x3"} << 0;
    // Node 2 feeds nothing: the canonical form drops the edges into it.
    QTest::newRow("dead node") << "|nor_conv_1x1~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|"
                               << QStringList{"nor_conv_1x1", "skip_connect", "nor_conv_1x1"} << 1;
}

void TestArchitectureView::nb201CellHasTheChosenOperations()
{
    QFETCH(QString, cell);
    QFETCH(QStringList, operations);
    QFETCH(int, unusedNodes);
    const SearchSpace space = inspecttest::loadSpace("nb201.json");
    ArchitectureCodec codec(space);
    const Architecture arch = Nb201Format::parse(codec, cell.toStdString());

    ArchitectureView view;
    TrialSelection selection;
    view.setSpace(space);
    view.setTrials({trialFor(codec, arch, 1)});
    view.setSelection(&selection);
    selection.select(1);
    QVERIFY(waitForLayout(view));
    QCOMPARE(view.shownTrial(), int64_t(1));

    const Drawn d = drawn(view.scene(), 1);
    QVERIFY(d.textsMatch);
    QCOMPARE(d.nodeTitles, (std::vector<QString>{"node 0", "node 1", "node 2", "node 3"}));
    std::vector<QString> expected(operations.begin(), operations.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(d.edgeLabels, expected);
    QCOMPARE(d.edges, int(expected.size()));
    QCOMPARE(int(std::count(d.nodeCaptions.begin(), d.nodeCaptions.end(), QString("unused"))), unusedNodes);
}

void TestArchitectureView::nb201NetworkFoldsEachCell()
{
    const SearchSpace space = inspecttest::loadSpace("nb201.json");
    ArchitectureCodec codec(space);
    const Architecture arch =
        Nb201Format::parse(codec, "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|");
    const Network net = codec.network(arch);
    std::multiset<QString> expected;
    std::set<std::string> cells;
    for (const Layer& layer : net.layers) {
        const Block* block = space.block(layer.blockId);
        if (block && block->kind == BlockKind::Cell)
            cells.insert(layer.blockId);
        else
            expected.insert(QString::fromStdString(layer.label.empty() ? layerOpName(layer.op) : layer.label));
    }
    for (const auto& id : cells)
        expected.insert(QString::fromStdString(id));
    QVERIFY(cells.size() >= 5);

    ArchitectureView view;
    view.setSpace(space);
    view.setTrials({trialFor(codec, arch, 1)});
    view.showTrial(1);
    QVERIFY(waitForLayout(view));
    const Drawn d = drawn(view.scene(), 0);
    QVERIFY(d.textsMatch);
    QCOMPARE(std::multiset<QString>(d.nodeTitles.begin(), d.nodeTitles.end()), expected);
    view.resize(1000, 900);
    inspecttest::saveShot(view, "architecture_nb201");
    for (const QString& caption : d.nodeCaptions)
        QVERIFY(!caption.isEmpty());
    QVERIFY(std::count(d.nodeCaptions.begin(), d.nodeCaptions.end(), QString("cell nb201")) == long(cells.size()));
}

void TestArchitectureView::fashionMnistNetworkHasOneBoxPerLayer()
{
    const SearchSpace space = inspecttest::loadSpace("fashion_mnist.json");
    ArchitectureCodec codec(space);
    ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(3);
    const Architecture arch = sampler.sample(rng);
    const Network net = codec.network(arch);

    ArchitectureView view;
    view.setSpace(space);
    view.setTrials({trialFor(codec, arch, 5)});
    view.showTrial(5);
    QVERIFY(waitForLayout(view));
    const Drawn d = drawn(view.scene(), 0);
    QVERIFY(d.textsMatch);
    QCOMPARE(int(d.nodeTitles.size()), int(net.layers.size()));
    view.resize(900, 900);
    inspecttest::saveShot(view, "architecture_fashion_mnist");

    std::vector<QString> titles, captions;
    std::set<std::pair<int, int>> links;
    for (size_t i = 0; i < net.layers.size(); ++i) {
        const Layer& layer = net.layers[i];
        titles.push_back(QString::fromStdString(layer.label.empty() ? layerOpName(layer.op) : layer.label));
        captions.push_back(ArchitectureGraph::layerCaption(layer));
        for (int input : layer.inputs)
            links.emplace(input, int(i));
    }
    std::sort(titles.begin(), titles.end());
    QCOMPARE(d.nodeTitles, titles);
    std::vector<QString> drawnCaptions = d.nodeCaptions;
    std::sort(drawnCaptions.begin(), drawnCaptions.end());
    std::sort(captions.begin(), captions.end());
    QCOMPARE(drawnCaptions, captions);
    QCOMPARE(d.edges, int(links.size()));

    // Captions name the operation and its settings.
    for (const Layer& layer : net.layers) {
        const QString caption = ArchitectureGraph::layerCaption(layer);
        if (layer.op == LayerOp::Conv) {
            QVERIFY(caption.contains(QString("%1×%1").arg(layer.kernel)));
            QVERIFY(caption.contains(QString("%1 ch").arg(layer.outChannels)));
        } else if (layer.op == LayerOp::Linear) {
            QVERIFY(caption.contains(QString::number(layer.outChannels)));
        } else if (layer.op == LayerOp::Activation) {
            QCOMPARE(caption, QString::fromLatin1(activationName(layer.activation)));
        }
    }
    // No cells in this space: only the network is drawn.
    QCOMPARE(int(drawn(view.scene(), 1).nodeTitles.size()), 0);
}

void TestArchitectureView::compareModePinsATrial()
{
    const SearchSpace space = inspecttest::loadSpace("nb201.json");
    ArchitectureCodec codec(space);
    std::vector<TrialRecord> trials = inspecttest::nb201Trials(codec, 3, 11);
    ArchitectureView view;
    TrialSelection selection;
    view.setSpace(space);
    view.setTrials(trials);
    view.setSelection(&selection);
    selection.select(trials[0].id);
    QVERIFY(waitForLayout(view));
    view.setCompareMode(true);
    QCOMPARE(view.comparedTrial(), trials[0].id);
    QVERIFY(waitForLayout(view)); // from the cache, still announced
    selection.select(trials[1].id);
    QVERIFY(waitForLayout(view));
    QCOMPARE(view.shownTrial(), trials[1].id);
    QCOMPARE(view.comparedTrial(), trials[0].id);

    auto heading = [](QGraphicsScene* scene) {
        QString text;
        for (QGraphicsItem* item : scene->items())
            if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                if (t->text().startsWith("Trial "))
                    text = t->text();
        return text;
    };
    view.resize(1400, 700);
    inspecttest::saveShot(view, "architecture_compare");
    QVERIFY(heading(view.scene(0)).startsWith(QString("Trial %1 ").arg(trials[1].number)));
    QVERIFY(heading(view.scene(1)).startsWith(QString("Trial %1 ").arg(trials[0].number)));
}

void TestArchitectureView::exportsSvg()
{
    const SearchSpace space = inspecttest::loadSpace("nb201.json");
    ArchitectureCodec codec(space);
    const Architecture arch =
        Nb201Format::parse(codec, "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|");
    ArchitectureView view;
    view.setSpace(space);
    view.setTrials({trialFor(codec, arch, 1)});
    view.showTrial(1);
    QVERIFY(waitForLayout(view));
    QTemporaryDir dir;
    QString error;
    QVERIFY2(view.exportSvg(dir.filePath("arch.svg"), &error), qPrintable(error));
    QFile file(dir.filePath("arch.svg"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("avg_pool_3x3"));
    QVERIFY(svg.contains("node 3"));
    QVERIFY(!view.exportSvg("/nonexistent-folder/a.svg", &error));
    QVERIFY(error.contains("a.svg"));
}

void TestArchitectureView::unknownTrialAndBadEncodingShowAMessage()
{
    const SearchSpace space = inspecttest::loadSpace("nb201.json");
    ArchitectureView view;
    view.setSpace(space);
    TrialRecord bad;
    bad.id = 4;
    bad.encoding = "no-such-decision=3";
    view.setTrials({bad});
    view.showTrial(4);
    QVERIFY(!view.isLayoutPending());
    auto texts = [&] {
        QStringList all;
        for (QGraphicsItem* item : view.scene()->items())
            if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                all << t->text();
        return all.join('\n');
    };
    QVERIFY2(texts().contains("Cannot read trial"), qPrintable(texts()));
    view.showTrial(99);
    QVERIFY2(texts().contains("99"), qPrintable(texts()));
}

void TestArchitectureView::biggestBundledNetworkLaysOutQuickly()
{
    // mbconv is the biggest bundled network; its layout runs off the GUI
    // thread anyway, this bounds what a user waits for.
    const SearchSpace space = inspecttest::loadSpace("mbconv.json");
    ArchitectureCodec codec(space);
    ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(5);
    Architecture biggest = sampler.sample(rng);
    size_t most = 0;
    for (int i = 0; i < 20; ++i) {
        const Architecture a = sampler.sample(rng);
        const size_t n = codec.network(a).layers.size();
        if (n > most) {
            most = n;
            biggest = a;
        }
    }
    ArchitectureGraph graph = ArchitectureGraph::fromNetwork(codec.network(biggest), space);
    ArchitectureScene::measure(graph);
    const auto start = std::chrono::steady_clock::now();
    const GraphLayout layout = GraphvizLayout::compute(graph);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    qInfo("mbconv network: %zu layers laid out in %.1f ms", most, ms);
    QCOMPARE(layout.nodeCenters.size(), graph.nodes.size());
    QCOMPARE(layout.edgePaths.size(), graph.edges.size());
    for (const QPainterPath& path : layout.edgePaths)
        QVERIFY(!path.isEmpty());
    // Boxes do not overlap.
    for (size_t i = 0; i < graph.nodes.size(); ++i)
        for (size_t j = i + 1; j < graph.nodes.size(); ++j) {
            const QRectF a(layout.nodeCenters[i] - QPointF(graph.nodes[i].size.width() / 2, graph.nodes[i].size.height() / 2), graph.nodes[i].size);
            const QRectF b(layout.nodeCenters[j] - QPointF(graph.nodes[j].size.width() / 2, graph.nodes[j].size.height() / 2), graph.nodes[j].size);
            QVERIFY(!a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1)));
        }
}

QTEST_MAIN(TestArchitectureView)
#include "tst_architectureview.moc"
