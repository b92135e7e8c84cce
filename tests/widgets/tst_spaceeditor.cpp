// The editing features over the canvas, driven as a user does: copy, cut,
// paste and duplicate (by the Edit menu's shortcuts) with exact undo and
// redo; the minimap moving the view; opening a Choice, Repeat or Cell block
// with a double-click and coming back by the breadcrumb; editing a cell's
// inner graph; and shared choices created, linked, renamed and unlinked.

#include "BlockClipboard.h"
#include "BlockItem.h"
#include "BreadcrumbBar.h"
#include "CellGraphItem.h"
#include "MainWindow.h"
#include "PropertyEditor.h"
#include "SpaceDocument.h"
#include "SpaceMinimap.h"
#include "SpaceScene.h"
#include "SpaceView.h"
#include "WidgetTestSupport.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace archscape;
using widgettest::text;

namespace {

QPoint viewPoint(MainWindow& window, QPointF scenePos)
{
    return window.view()->mapFromScene(scenePos);
}

// Shows `id` in the middle of the view, then double-clicks it.
void doubleClickBlock(MainWindow& window, const QString& id)
{
    BlockItem* item = window.scene()->blockItem(id);
    QVERIFY(item);
    window.view()->centerOn(item);
    QTest::mouseDClick(window.view()->viewport(), Qt::LeftButton, {},
                       viewPoint(window, item->pos()));
}

void typeInto(QLineEdit* line, const QString& value)
{
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, value);
    QTest::keyClick(line, Qt::Key_Return);
}

} // namespace

class TestSpaceEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void copyPasteWithUndoRedo();
    void cutThenPasteElsewhere();
    void duplicateKeepsInnerConnections();
    void minimapMovesTheView();
    void choiceOpensWithABreadcrumbBack();
    void cellInnerGraphIsEditedThroughUndo();
    void sharedChoiceCreateLinkRenameUnlink();

private:
    QTemporaryDir settingsDir_;
};

void TestSpaceEditor::initTestCase()
{
    QVERIFY(settingsDir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName("ArchscapeTests");
    QCoreApplication::setApplicationName("tst_spaceeditor");
}

void TestSpaceEditor::copyPasteWithUndoRedo()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("fashion_mnist.json")));
    SpaceDocument* doc = window.document();
    const std::string before = text(*doc);
    const size_t blocks = doc->space().blocks().size();
    const size_t edges = doc->space().edges().size();

    // conv2 → op2 → res(port 1), and conv2 → res(port 0): three inner edges.
    window.scene()->clearSelection();
    for (const char* id : {"conv2", "op2", "res"})
        window.scene()->blockItem(id)->setSelected(true);
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_C, Qt::ControlModifier);
    const std::string fragment =
        BlockClipboard::fragmentFrom(QGuiApplication::clipboard()->mimeData());
    QVERIFY(fragment.find("\"op2\"") != std::string::npos);
    QCOMPARE(text(*doc), before); // copying changes nothing

    QTest::keyClick(window.view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(doc->space().blocks().size(), blocks + 3);
    QCOMPARE(doc->space().edges().size(), edges + 3);
    const QStringList pasted = window.scene()->selectedBlockIds();
    QCOMPARE(pasted.size(), 3);
    for (const QString& id : pasted) {
        QVERIFY(!QStringList({"conv2", "op2", "res"}).contains(id));
        QVERIFY(window.scene()->blockItem(id));
    }
    // Fresh ids, offset on the grid, same parameters, edges remapped.
    const Block* conv2 = doc->space().block("conv2");
    const Block* copy = doc->space().block(pasted[0].toStdString());
    QCOMPARE(copy->kind, conv2->kind);
    QVERIFY(copy->param("width") == conv2->param("width"));
    QCOMPARE(QPointF(copy->x - conv2->x, copy->y - conv2->y),
             QPointF(2 * SpaceScene::kGrid, 2 * SpaceScene::kGrid));
    const Edge* into = doc->space().edgeInto(pasted[2].toStdString(), 1);
    QVERIFY(into);
    QCOMPARE(QString::fromStdString(into->from), pasted[1]);
    // The original edges into res are untouched.
    QCOMPARE(doc->space().edgeInto("res", 1)->from, std::string("op2"));

    const std::string after = text(*doc);
    QCOMPARE(doc->undoStack()->count(), 1); // one step
    doc->undoStack()->undo();
    QCOMPARE(text(*doc), before);
    QCOMPARE(window.scene()->blockItems().size(), qsizetype(blocks));
    doc->undoStack()->redo();
    QCOMPARE(text(*doc), after);

    // A second paste of the same fragment lands further along, again unique.
    QTest::keyClick(window.view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(doc->space().blocks().size(), blocks + 6);
    const Block* second = doc->space().block(window.scene()->selectedBlockIds()[0].toStdString());
    QCOMPARE(second->x - conv2->x, 4 * SpaceScene::kGrid);

    // A clipboard without blocks is refused with a message, not a crash.
    QGuiApplication::clipboard()->setText("not a space");
    const std::string now = text(*doc);
    window.scene()->paste();
    QCOMPARE(text(*doc), now);
    QVERIFY(window.statusBar()->currentMessage().contains("no blocks"));
    const std::string broken = "{\"format\": \"archscape-space\", \"version\": 1, \"blocks\": 3}";
    QCOMPARE(window.scene()->pasteFragment(broken, {}, "Paste"), QStringList());
    QCOMPARE(text(*doc), now);
    QVERIFY(window.statusBar()->currentMessage().startsWith("Cannot paste"));
}

void TestSpaceEditor::cutThenPasteElsewhere()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("fashion_mnist.json")));
    SpaceDocument* doc = window.document();
    const std::string before = text(*doc);
    window.scene()->selectBlock("stem");
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_X, Qt::ControlModifier);
    QVERIFY(!doc->space().block("stem"));
    QVERIFY(!doc->space().edgeInto("op1", 0));
    QCOMPARE(doc->undoStack()->undoText(), QString("Cut 1 block(s)"));
    doc->undoStack()->undo();
    QCOMPARE(text(*doc), before);
    doc->undoStack()->redo();

    // Into a new, empty space: the shared choice it links to comes along.
    doc->undoStack()->setClean(); // no "save changes?" box
    window.newSpace();
    QVERIFY(doc->space().sharedChoices().empty());
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(doc->space().blocks().size(), size_t(1));
    QCOMPARE(doc->space().blocks()[0].id, std::string("stem1"));
    QCOMPARE(doc->space().sharedChoices().count("w1"), size_t(1));
    doc->undoStack()->undo();
    QVERIFY(doc->space().blocks().empty());
    QVERIFY(doc->space().sharedChoices().empty());
}

void TestSpaceEditor::duplicateKeepsInnerConnections()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("nb201.json")));
    SpaceDocument* doc = window.document();
    const std::string before = text(*doc);
    const QString clipboardBefore = QGuiApplication::clipboard()->text();
    window.scene()->clearSelection();
    for (const char* id : {"red1a", "red1b", "red1pool", "red1proj", "red1add"})
        window.scene()->blockItem(id)->setSelected(true);
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_D, Qt::ControlModifier);
    const QStringList copies = window.scene()->selectedBlockIds();
    QCOMPARE(copies, (QStringList{"red1a1", "red1b1", "red1pool1", "red1proj1", "red1add1"}));
    // The four edges among them, none to the outside.
    QCOMPARE(doc->space().edges().size(), size_t(30 + 4));
    QCOMPARE(doc->space().edgeInto("red1add1", 1)->from, std::string("red1proj1"));
    QVERIFY(!doc->space().edgeInto("red1a1", 0));
    QCOMPARE(QGuiApplication::clipboard()->text(), clipboardBefore); // untouched
    doc->undoStack()->undo();
    QCOMPARE(text(*doc), before);
}

void TestSpaceEditor::minimapMovesTheView()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("nb201.json")));
    SpaceView* view = window.view();
    view->setZoom(1.0);
    view->centerOn(window.scene()->blockItem("in"));
    SpaceMinimap* minimap = view->minimap();
    QTRY_VERIFY(minimap->isVisible()); // 2400 units tall: does not fit at 1:1

    // A click on the minimap at the place of cell13 brings cell13 to the middle.
    const QPointF target = window.scene()->blockItem("cell13")->pos();
    const QPointF local = minimap->fromScene(target);
    QVERIFY(minimap->rect().contains(local.toPoint()));
    QTest::mouseClick(minimap, Qt::LeftButton, {}, local.toPoint());
    QPointF centre = view->mapToScene(view->viewport()->rect().center());
    QVERIFY2(QLineF(centre, target).length() < 3.0 / minimap->width() * minimap->shownSceneRect().width(),
             qPrintable(QString("centre %1,%2").arg(centre.x()).arg(centre.y())));

    // Dragging in it follows the mouse; the document does not change.
    const std::string before = text(*window.document());
    const QPointF to = window.scene()->blockItem("stem")->pos();
    widgettest::leftDrag(minimap, minimap->fromScene(target).toPoint(),
                         minimap->fromScene(to).toPoint());
    centre = view->mapToScene(view->viewport()->rect().center());
    QVERIFY(QLineF(centre, to).length() < 3.0 / minimap->width() * minimap->shownSceneRect().width());
    QCOMPARE(text(*window.document()), before);

    // When everything fits, it gets out of the way.
    view->fitToView();
    QVERIFY(!minimap->isVisible());
}

void TestSpaceEditor::choiceOpensWithABreadcrumbBack()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("fashion_mnist.json")));
    SpaceDocument* doc = window.document();
    SpaceScene* scene = window.scene();
    const std::string before = text(*doc);
    BreadcrumbBar* crumbs = window.view()->breadcrumb();
    QVERIFY(!crumbs->isVisible());

    doubleClickBlock(window, "op1");
    QCOMPARE(scene->scope(), QString("op1"));
    QVERIFY(crumbs->isVisible());
    QVERIFY(crumbs->text().contains("op1"));
    QVERIFY(crumbs->text().contains("Choice"));
    // The three alternatives, as blocks of their own; the outer graph is gone.
    QCOMPARE(scene->blockItems().size(), qsizetype(3));
    QVERIFY(scene->blockItem("op1/conv"));
    QVERIFY(scene->blockItem("op1/mb"));
    QVERIFY(!scene->blockItem("stem"));

    // Selecting one by a click shows its parameters; an edit is undoable.
    BlockItem* sep = scene->blockItem("op1/sep");
    window.view()->centerOn(sep);
    QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {}, viewPoint(window, sep->pos()));
    QCOMPARE(scene->selectedBlockIds(), QStringList{"op1/sep"});
    PropertyEditor* properties = window.propertyEditor();
    QCOMPARE(properties->blockId(), QString("op1/sep"));
    auto* kernel = qobject_cast<QSpinBox*>(properties->valueEditor("kernel"));
    QVERIFY(kernel);
    kernel->setValue(5);
    QCOMPARE(doc->blockAt("op1/sep")->param("kernel").value.toInt(), 5);

    // Dropping a kind inside adds an alternative; Delete removes it again.
    scene->addBlockAt("pool", {});
    QCOMPARE(doc->space().block("op1")->alternatives.size(), size_t(4));
    QCOMPARE(doc->space().block("op1")->alternatives.back().id, std::string("pool"));
    QVERIFY(scene->blockItem("op1/pool")->isSelected());
    window.view()->setFocus();
    QTest::keyClick(window.view(), Qt::Key_Delete);
    QCOMPARE(doc->space().block("op1")->alternatives.size(), size_t(3));
    // Wiring is for the top level: refused with a reason.
    QVERIFY(!scene->connectPorts({"op1/conv", PortRef::Side::Output, 0},
                                 {"op1/sep", PortRef::Side::Input, 0}));

    // Back by the breadcrumb: the whole graph again, op1 selected.
    QTest::mouseClick(crumbs->topButton(), Qt::LeftButton);
    QCOMPARE(scene->scope(), QString());
    QVERIFY(!crumbs->isVisible());
    QCOMPARE(scene->blockItems().size(), qsizetype(doc->space().blocks().size()));
    QCOMPARE(scene->selectedBlockIds(), QStringList{"op1"});

    // Every step inside undoes exactly, from the top level.
    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    QCOMPARE(text(*doc), before);

    // Another one opens the same way; Esc comes back.
    doubleClickBlock(window, "op2");
    QCOMPARE(scene->scope(), QString("op2"));
    QTest::keyClick(window.view(), Qt::Key_Escape);
    QCOMPARE(scene->scope(), QString());
}

void TestSpaceEditor::cellInnerGraphIsEditedThroughUndo()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("nb201.json")));
    SpaceDocument* doc = window.document();
    SpaceScene* scene = window.scene();
    const std::string before = text(*doc);

    doubleClickBlock(window, "cell3");
    QCOMPARE(scene->scope(), QString("cell3"));
    QVERIFY(window.view()->breadcrumb()->text().contains("nb201"));
    CellGraphItem* graph = nullptr;
    for (QGraphicsItem* item : scene->items())
        if (item->type() == CellGraphItem::Type)
            graph = static_cast<CellGraphItem*>(item);
    QVERIFY(graph);
    QCOMPARE(graph->nodeCount(), 4);

    // The property editor shows the Cell block and its definition.
    PropertyEditor* properties = window.propertyEditor();
    QCOMPARE(properties->blockId(), QString("cell3"));
    QCOMPARE(properties->cellNameEditor()->text(), QString("nb201"));
    QCOMPARE(properties->cellNodesEditor()->value(), 4);
    QVERIFY(properties->cellOpBox("nor_conv_3x3")->isChecked());
    QVERIFY(!properties->cellOpBox("max_pool_3x3")->isChecked());

    // Five nodes, max pooling added: one definition, all fifteen cells follow.
    properties->cellNodesEditor()->setValue(5);
    QCOMPARE(doc->space().cells().at("nb201").nodes, 5);
    QCheckBox* maxPool = properties->cellOpBox("max_pool_3x3");
    QVERIFY(maxPool->isVisible());
    // On its box: the row is wider than what a click toggles.
    QTest::mouseClick(maxPool, Qt::LeftButton, {}, QPoint(8, maxPool->height() / 2));
    QCOMPARE(doc->space().cells().at("nb201").ops.back(), std::string("max_pool_3x3"));
    graph = nullptr;
    for (QGraphicsItem* item : scene->items())
        if (item->type() == CellGraphItem::Type)
            graph = static_cast<CellGraphItem*>(item);
    QVERIFY(graph);
    QCOMPARE(graph->nodeCount(), 5);

    // Renamed: every Cell block names the new definition.
    typeInto(properties->cellNameEditor(), "darts");
    QCOMPARE(doc->space().cells().count("darts"), size_t(1));
    QCOMPARE(doc->space().block("cell15")->param("cell").value.toText(), std::string("darts"));
    QCOMPARE(doc->undoStack()->count(), 3);

    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    QCOMPARE(text(*doc), before);
    QCOMPARE(scene->scope(), QString("cell3")); // still inside, showing the restored cell

    // A Cell dropped into a space with no cells brings a definition along.
    window.newSpace();
    QCOMPARE(scene->scope(), QString());
    const QString id = scene->addBlockAt("cell", {});
    const Block* cell = doc->space().block(id.toStdString());
    QVERIFY(cell);
    QCOMPARE(doc->space().cells().size(), size_t(1));
    QCOMPARE(doc->space().cells().begin()->first, cell->param("cell").value.toText());
    doc->undoStack()->undo();
    QVERIFY(doc->space().cells().empty());
    QVERIFY(doc->space().blocks().empty());
}

void TestSpaceEditor::sharedChoiceCreateLinkRenameUnlink()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("fashion_mnist.json")));
    SpaceDocument* doc = window.document();
    PropertyEditor* properties = window.propertyEditor();
    const std::string before = text(*doc);

    // conv3's width is a choice {64, 128}: share it as "w3".
    window.scene()->selectBlock("conv3");
    QCOMPARE(properties->blockId(), QString("conv3"));
    QVERIFY(properties->shareChoice("width", "w3"));
    QCOMPARE(doc->space().sharedChoices().at("w3").size(), size_t(2));
    QCOMPARE(doc->space().block("conv3")->param("width").sharedName, std::string("w3"));
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(!properties->shareChoice("width", "w1")); // taken
    QVERIFY(properties->errorText().contains("already"));

    // Link pool-free conv2 to it through the mode and link combos.
    window.scene()->selectBlock("conv2");
    QTRY_VERIFY(properties->modeBox("width"));
    QComboBox* link = qobject_cast<QComboBox*>(properties->valueEditor("width"));
    QVERIFY(link); // already Shared (w2)
    const int w3 = link->findData("w3");
    QVERIFY(w3 >= 0);
    link->setCurrentIndex(w3);
    Q_EMIT link->activated(w3);
    QCOMPARE(doc->space().block("conv2")->param("width").sharedName, std::string("w3"));

    // Rename: both links follow; then new values for it.
    QVERIFY(properties->renameSharedChoice("w3", "wide"));
    QCOMPARE(doc->space().sharedChoices().count("w3"), size_t(0));
    QCOMPARE(doc->space().block("conv2")->param("width").sharedName, std::string("wide"));
    QCOMPARE(doc->space().block("conv3")->param("width").sharedName, std::string("wide"));
    QTest::qWait(1); // the editor's rows are rebuilt for the new name
    QVERIFY(properties->sharedValuesEditor("width"));
    typeInto(properties->sharedValuesEditor("width"), "64, 96, 128");
    QCOMPARE(doc->space().sharedChoices().at("wide").size(), size_t(3));

    // Unlink conv2: a choice of its own with the same values.
    QComboBox* mode = properties->modeBox("width");
    const int choice = mode->findData(static_cast<int>(Parameter::Mode::Choice));
    mode->setCurrentIndex(choice);
    Q_EMIT mode->activated(choice);
    const Parameter& own = doc->space().block("conv2")->param("width");
    QCOMPARE(own.mode, Parameter::Mode::Choice);
    QCOMPARE(own.options.size(), size_t(3));

    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    QCOMPARE(text(*doc), before);
    while (doc->undoStack()->canRedo())
        doc->undoStack()->redo();
    QCOMPARE(doc->space().block("conv3")->param("width").sharedName, std::string("wide"));
}

QTEST_MAIN(TestSpaceEditor)
#include "tst_spaceeditor.moc"
