// Block kinds from a plugin in the editor, with the real resnet-blocks
// plugin (loaded from the build tree's plugin folder): the palette lists
// them and filters them; a drop adds a block of the plugin's kind; the
// property editor edits its parameters, choices change the space's size;
// undo, redo, save and reopen, copy and paste keep the kind; the validator
// and the architecture view take it like any built-in kind.

#include "BlockClipboard.h"
#include "BlockItem.h"
#include "BlockPalette.h"
#include "BlockPalettePanel.h"
#include "BlockStyle.h"
#include "MainWindow.h"
#include "PropertyEditor.h"
#include "SpaceAnalysis.h"
#include "SpaceDocument.h"
#include "SpaceScene.h"
#include "SpaceView.h"
#include "WidgetTestSupport.h"
#include "inspect/ArchitectureGraph.h"
#include "space/ArchitectureCodec.h"
#include "space/BlockKindRegistry.h"
#include "space/SpaceValidator.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace archscape;
using widgettest::text;

namespace {

// Drops a palette drag of `kindName` on the view at `at`, as a user does.
bool dropKind(MainWindow& window, const std::string& kindName, QPoint at)
{
    std::unique_ptr<QMimeData> mime(BlockPalette::mimeFor(kindName));
    QWidget* viewport = window.view()->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

bool wire(MainWindow& window, const char* from, const char* to)
{
    return window.scene()->connectPorts({from, PortRef::Side::Output, 0},
                                        {to, PortRef::Side::Input, 0});
}

void chooseValues(PropertyEditor* editor, const QString& param, const QString& values)
{
    QComboBox* mode = editor->modeBox(param);
    QVERIFY(mode);
    mode->setCurrentIndex(mode->findText("Choice"));
    Q_EMIT mode->activated(mode->currentIndex());
    auto* line = qobject_cast<QLineEdit*>(editor->valueEditor(param));
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, values);
    QTest::keyClick(line, Qt::Key_Return);
}

// scripts/screenshots.sh sets ARCHSCAPE_SCREENSHOT_DIR: the whole palette,
// for docs/editor.md.
void saveShot(QWidget& panel, const QString& fileName)
{
    const QString shots = qEnvironmentVariable("ARCHSCAPE_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return;
    panel.resize(210, 650);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.grab().save(QDir(shots).filePath(fileName)));
}

QString settledSize(MainWindow& window)
{
    if (!QTest::qWaitFor([&] { return !window.analysis()->isBusy(); }, 20000))
        return QStringLiteral("(still busy)");
    return window.analysis()->sizeText();
}

} // namespace

class TestPluginBlocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void paletteListsAndFiltersPluginKinds();
    void dropAddsABlockOfThePluginsKind();
    void completeSpaceValidatesAndCountsChoices();
    void saveReopenCopyAndPasteKeepTheKind();
    void pluginKindGoesInsideAChoice();
    void spaceFileWithBothKindsOpens();

private:
    // input → stem → resblock (stride 2) → head → output, built by drops
    // and wiring in the window; the resblock's id.
    QString buildResidualSpace(MainWindow& window);

    QTemporaryDir settingsDir_;
};

void TestPluginBlocks::initTestCase()
{
    QVERIFY(settingsDir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName("ArchscapeTests");
    QCoreApplication::setApplicationName("tst_pluginblocks");
    QVERIFY2(BlockKindRegistry::find("resblock"),
             "the resnet-blocks plugin is not in the build tree's plugin folder");
}

void TestPluginBlocks::paletteListsAndFiltersPluginKinds()
{
    BlockPalettePanel panel;
    BlockPalette* palette = panel.palette();
    QListWidgetItem* residual = palette->itemFor("resblock");
    QListWidgetItem* bottleneck = palette->itemFor("bottleneck");
    QVERIFY(residual && bottleneck);
    QCOMPARE(residual->text(), QString("Residual block"));
    QCOMPARE(bottleneck->text(), QString("Bottleneck block"));
    QVERIFY2(residual->toolTip().contains("plugin resnet-blocks"), qPrintable(residual->toolTip()));
    QVERIFY(residual->toolTip().contains("ResNet basic block"));
    // After every built-in kind, under their own heading.
    const int residualRow = palette->row(residual);
    for (const BlockKindInfo& info : allBlockKinds())
        QVERIFY(palette->row(palette->itemFor(info.name)) < residualRow);
    QCOMPARE(palette->item(residualRow - 1)->text(), QString("PLUGINS"));
    QVERIFY(!(palette->item(residualRow - 1)->flags() & Qt::ItemIsEnabled));

    // The drag carries the kind's name; a name no kind has is no drag of ours.
    std::unique_ptr<QMimeData> mime(palette->model()->mimeData({palette->indexFromItem(residual)}));
    QVERIFY(mime);
    QCOMPARE(BlockPalette::kindFromMime(mime.get()), std::optional<std::string>("resblock"));
    std::unique_ptr<QMimeData> unknown(BlockPalette::mimeFor("no-such-kind"));
    QCOMPARE(BlockPalette::kindFromMime(unknown.get()), std::nullopt);

    // Filtering by display name, by help text, and back to everything.
    QListWidgetItem* conv = palette->itemFor("conv");
    QTest::keyClicks(panel.filter(), "resid");
    QVERIFY(!residual->isHidden());
    QVERIFY(bottleneck->isHidden());
    QVERIFY(!palette->itemFor("mbconv")->isHidden()); // its help: "Inverted residual: ..."
    QVERIFY(conv->isHidden());
    QVERIFY(!palette->item(residualRow - 1)->isHidden());
    panel.filter()->setText("bottleneck");
    QVERIFY(residual->isHidden());
    QVERIFY(!bottleneck->isHidden());
    QVERIFY(conv->isHidden());
    panel.filter()->setText("Depthwise"); // the help of Separable conv and MBConv
    QVERIFY(!palette->itemFor("sepconv")->isHidden());
    QVERIFY(residual->isHidden() && bottleneck->isHidden());
    QVERIFY(palette->item(residualRow - 1)->isHidden()); // no plugin kind left: no heading
    panel.filter()->setText("resnet-blocks");            // by the plugin's name
    QVERIFY(!residual->isHidden() && !bottleneck->isHidden());
    QVERIFY(palette->itemFor("mbconv")->isHidden());
    panel.filter()->clear();
    for (int row = 0; row < palette->count(); ++row)
        QVERIFY(!palette->item(row)->isHidden());
    saveShot(panel, "palette-plugin-blocks.png");

    // Return adds the first kind shown, as a double-click does.
    QString activated;
    QObject::connect(palette, &BlockPalette::kindActivated,
                     [&](const QString& kindName) { activated = kindName; });
    QTest::keyClicks(panel.filter(), "bottle");
    QTest::keyClick(panel.filter(), Qt::Key_Return);
    QCOMPARE(activated, QString("bottleneck"));
}

void TestPluginBlocks::dropAddsABlockOfThePluginsKind()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.newSpace();
    SpaceDocument* doc = window.document();
    const std::string empty = text(*doc);

    QVERIFY(dropKind(window, "resblock", QPoint(300, 200)));
    const Block* block = doc->space().block("resblock1");
    QVERIFY(block);
    QCOMPARE(block->kind, BlockKind::Extension);
    QCOMPARE(block->extension, BlockKindRegistry::find("resblock"));
    QCOMPARE(block->info().displayName, std::string("Residual block"));
    QCOMPARE(block->inputCount(), 1);

    // On the canvas: titled and coloured as a plugin's kind.
    BlockItem* item = window.scene()->blockItem("resblock1");
    QVERIFY(item);
    QVERIFY(item->isSelected());
    QVERIFY2(item->toolTip().contains("(Residual block)"), qPrintable(item->toolTip()));
    QVERIFY(BlockStyle::familyColor(BlockKind::Extension) !=
            BlockStyle::familyColor(BlockKind::Conv));

    // The property editor: its own help, untranslated, and exactly its parameters.
    PropertyEditor* editor = window.propertyEditor();
    QCOMPARE(editor->blockId(), QString("resblock1"));
    bool helpShown = false;
    for (QLabel* label : editor->findChildren<QLabel*>())
        helpShown |= label->text().startsWith("ResNet basic block: k×k conv");
    QVERIFY(helpShown);
    for (const char* param : {"width", "kernel", "stride"}) {
        QVERIFY2(editor->modeBox(param), param);
        QVERIFY(editor->modeBox(param)->findText("Choice") >= 0);
    }
    QVERIFY(!editor->modeBox("expansion"));
    auto* width = qobject_cast<QSpinBox*>(editor->valueEditor("width"));
    QVERIFY(width);
    QCOMPARE(width->value(), 64);
    width->setValue(96);
    QCOMPARE(doc->space().block("resblock1")->param("width").value.toInt(), int64_t(96));
    QTRY_VERIFY(window.scene()->blockItem("resblock1")->toolTip().contains("w=96"));

    // Undo the edit, then the drop; redo both: the kind comes back with them.
    const std::string edited = text(*doc);
    QCOMPARE(doc->undoStack()->count(), 2);
    doc->undoStack()->undo();
    QCOMPARE(doc->space().block("resblock1")->param("width").value.toInt(), int64_t(64));
    doc->undoStack()->undo();
    QCOMPARE(text(*doc), empty);
    QVERIFY(!window.scene()->blockItem("resblock1"));
    doc->undoStack()->redo();
    doc->undoStack()->redo();
    QCOMPARE(text(*doc), edited);
    QCOMPARE(doc->space().block("resblock1")->extension, BlockKindRegistry::find("resblock"));
    QVERIFY(window.scene()->blockItem("resblock1"));
}

QString TestPluginBlocks::buildResidualSpace(MainWindow& window)
{
    window.newSpace();
    window.view()->setZoom(1.0);
    const int x = 150;
    int y = 60;
    for (const char* kind : {"input", "stem", "resblock", "head", "output"}) {
        if (!dropKind(window, kind, QPoint(x, y)))
            return {};
        y += 90;
    }
    const char* chain[] = {"input1", "stem1", "resblock1", "head1", "output1"};
    for (int i = 0; i + 1 < 5; ++i)
        if (!wire(window, chain[i], chain[i + 1]))
            return {};
    window.scene()->selectBlock("resblock1");
    auto* stride = qobject_cast<QSpinBox*>(window.propertyEditor()->valueEditor("stride"));
    if (!stride)
        return {};
    stride->setValue(2);
    return QStringLiteral("resblock1");
}

void TestPluginBlocks::completeSpaceValidatesAndCountsChoices()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString id = buildResidualSpace(window);
    QCOMPARE(id, QString("resblock1"));
    SpaceDocument* doc = window.document();
    QCOMPARE(doc->space().edges().size(), size_t(4));
    QCOMPARE(doc->space().block("resblock1")->param("stride").value.toInt(), int64_t(2));
    QVERIFY(SpaceValidator::validate(doc->space()).empty());
    QCOMPARE(settledSize(window), QString("1"));
    QVERIFY(window.analysis()->problems().empty());

    // The network: the plugin's layers, named inside the block, stride 2.
    ArchitectureCodec codec(doc->space());
    const Network network = codec.network(codec.defaultArchitecture());
    int convs = 0;
    for (const Layer& layer : network.layers)
        if (layer.op == LayerOp::Conv && layer.blockId == "resblock1")
            ++convs;
    QCOMPARE(convs, 3); // conv1, conv2 and the 1×1 projection (16 → 64 channels, stride 2)
    const ArchitectureGraph graph = ArchitectureGraph::fromNetwork(network, doc->space());
    QStringList titles;
    for (const auto& node : graph.nodes)
        titles << node.title;
    QVERIFY2(titles.contains("resblock1/conv1") && titles.contains("resblock1/conv2"),
             qPrintable(titles.join(", ")));

    // Width a choice of two, kernel of three: 6 architectures.
    PropertyEditor* editor = window.propertyEditor();
    QUndoStack* undo = doc->undoStack();
    const int built = undo->index();
    chooseValues(editor, "width", "32, 64");
    QCOMPARE(doc->space().block("resblock1")->param("width").options.size(), size_t(2));
    QCOMPARE(settledSize(window), QString("2"));
    QVERIFY(window.sizeText().contains("2"));
    const int widthChosen = undo->index();
    chooseValues(editor, "kernel", "1, 3, 5");
    QCOMPARE(settledSize(window), QString("6"));
    QTRY_VERIFY(window.scene()->blockItem("resblock1")->toolTip().contains("k ∈ {1,3,5}"));
    const int kernelChosen = undo->index();

    // Undo and redo go through the same sizes.
    undo->setIndex(widthChosen);
    QCOMPARE(doc->space().block("resblock1")->param("kernel").mode, Parameter::Mode::Fixed);
    QCOMPARE(settledSize(window), QString("2"));
    undo->setIndex(built);
    QCOMPARE(doc->space().block("resblock1")->param("width").mode, Parameter::Mode::Fixed);
    QCOMPARE(settledSize(window), QString("1"));
    undo->setIndex(kernelChosen);
    QCOMPARE(settledSize(window), QString("6"));
}

void TestPluginBlocks::saveReopenCopyAndPasteKeepTheKind()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("residual.json");
    SearchSpace saved;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(buildResidualSpace(window), QString("resblock1"));
        QVERIFY(dropKind(window, "bottleneck", QPoint(450, 300)));
        chooseValues(window.propertyEditor(), "groups", "1, 4");
        QVERIFY(window.saveTo(path));
        saved = window.document()->space();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains("\"kind\": \"resblock\""));
    QVERIFY(json.contains("\"kind\": \"bottleneck\""));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(path));
    SpaceDocument* doc = window.document();
    QVERIFY(doc->space().sameStructure(saved));
    const Block* bottleneck = doc->space().block("bottleneck1");
    QVERIFY(bottleneck);
    QCOMPARE(bottleneck->extension, BlockKindRegistry::find("bottleneck"));
    QCOMPARE(bottleneck->param("groups").options.size(), size_t(2));
    QVERIFY(window.scene()->blockItem("bottleneck1"));

    // Copy the residual block and the bottleneck, paste: fresh ids, same kinds.
    const std::string before = text(*doc);
    window.scene()->clearSelection();
    window.scene()->blockItem("resblock1")->setSelected(true);
    window.scene()->blockItem("bottleneck1")->setSelected(true);
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_C, Qt::ControlModifier);
    const std::string fragment =
        BlockClipboard::fragmentFrom(QGuiApplication::clipboard()->mimeData());
    QVERIFY(fragment.find("\"resblock\"") != std::string::npos);
    QTest::keyClick(window.view(), Qt::Key_V, Qt::ControlModifier);
    QStringList pasted = window.scene()->selectedBlockIds();
    pasted.sort();
    QCOMPARE(pasted, QStringList({"bottleneck2", "resblock2"}));
    const Block* copy = doc->space().block("resblock2");
    QCOMPARE(copy->extension, BlockKindRegistry::find("resblock"));
    QVERIFY(copy->param("stride") == doc->space().block("resblock1")->param("stride"));
    QCOMPARE(doc->space().block("bottleneck2")->param("groups").options.size(), size_t(2));
    doc->undoStack()->undo();
    QCOMPARE(text(*doc), before);
}

void TestPluginBlocks::pluginKindGoesInsideAChoice()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.newSpace();
    SpaceScene* scene = window.scene();
    const QString choice = scene->addBlockAt("choice", {});
    QCOMPARE(choice, QString("choice1"));
    QVERIFY(scene->enterScope(choice));
    QCOMPARE(scene->addBlockAt("bottleneck", {}), QString("choice1/bottleneck"));
    const Block& alternative = window.document()->space().block("choice1")->alternatives.back();
    QCOMPARE(alternative.extension, BlockKindRegistry::find("bottleneck"));
    QVERIFY(scene->blockItem("choice1/bottleneck"));
    // A kind nobody provides is refused with a message naming it.
    QCOMPARE(scene->addBlockAt("no-such-kind", {}), QString());
    QVERIFY(window.statusBar()->currentMessage().contains("'no-such-kind'"));
}

void TestPluginBlocks::spaceFileWithBothKindsOpens()
{
    // The space of docs/screenshots/editor-plugin-blocks.png.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(QFINDTESTDATA("data/plugin_blocks.json")));
    QCOMPARE(settledSize(window), QString("8")); // width × kernel × groups, 2 each
    QVERIFY(window.analysis()->problems().empty());
    BlockItem* neck = window.scene()->blockItem("neck");
    QVERIFY(neck);
    QVERIFY2(neck->toolTip().contains("(Bottleneck block)") &&
                 neck->toolTip().contains("groups ∈ {1,4}"),
             qPrintable(neck->toolTip()));
    window.scene()->selectBlock("res");
    QCOMPARE(window.propertyEditor()->modeBox("kernel")->currentText(), QString("Choice"));
    QCOMPARE(qobject_cast<QLineEdit*>(window.propertyEditor()->valueEditor("width"))->text(),
             QString("32, 64"));
}

QTEST_MAIN(TestPluginBlocks)
#include "tst_pluginblocks.moc"
