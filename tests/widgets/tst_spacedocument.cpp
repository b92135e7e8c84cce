// The document and its undo commands: every edit undoes to the exact space
// it started from (compared as saved text), and connections are refused
// with a reason a user understands.

#include "AddBlockCommand.h"
#include "BlockClipboard.h"
#include "ConnectCommand.h"
#include "DisconnectCommand.h"
#include "EditBlockCommand.h"
#include "MoveBlocksCommand.h"
#include "PasteBlocksCommand.h"
#include "RemoveBlocksCommand.h"
#include "RenameCommand.h"
#include "SetCellCommand.h"
#include "SetParameterCommand.h"
#include "SetSharedChoiceCommand.h"
#include "SpaceDocument.h"
#include "WidgetTestSupport.h"
#include "space/SpaceError.h"

#include <QFile>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace archscape;
using widgettest::text;

namespace {

// in → c1 → a(0) → c2 → gp → lin → out, plus free blocks c3, id, gp2.
const char* const kSmallSpace = R"({
  "format": "archscape-space", "version": 1, "name": "small",
  "blocks": [
    {"id": "in", "kind": "input", "pos": [0, 0]},
    {"id": "c1", "kind": "conv", "pos": [0, 100]},
    {"id": "a", "kind": "add", "pos": [0, 200]},
    {"id": "c2", "kind": "conv", "pos": [0, 300]},
    {"id": "gp", "kind": "globalpool", "pos": [0, 400]},
    {"id": "lin", "kind": "linear", "pos": [0, 500]},
    {"id": "out", "kind": "output", "pos": [0, 600]},
    {"id": "c3", "kind": "conv", "pos": [300, 100]},
    {"id": "id", "kind": "identity", "pos": [300, 200]}
  ],
  "edges": [
    {"from": "in", "to": "c1"}, {"from": "c1", "to": "a"}, {"from": "a", "to": "c2"},
    {"from": "c2", "to": "gp"}, {"from": "gp", "to": "lin"}, {"from": "lin", "to": "out"},
    {"from": "gp", "to": "id"}
  ]
})";

// Pushes `command`, then checks that undo gives back the exact text from
// before and redo the exact text from after.
void checkUndoRedo(SpaceDocument& doc, QUndoCommand* command)
{
    const std::string before = text(doc);
    doc.undoStack()->push(command);
    const std::string after = text(doc);
    QVERIFY2(after != before, "the command changed nothing");
    doc.undoStack()->undo();
    QCOMPARE(text(doc), before);
    doc.undoStack()->redo();
    QCOMPARE(text(doc), after);
}

} // namespace

// Stops the test at the first failure inside checkUndoRedo.
#define CHECK_UNDO_REDO(doc, command)                                                          \
    do {                                                                                       \
        checkUndoRedo(doc, command);                                                           \
        if (QTest::currentTestFailed())                                                        \
            return;                                                                            \
    } while (false)

class TestSpaceDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionRefusedWithReason_data();
    void connectionRefusedWithReason();
    void connectionAllowed();
    void addBlockUndoesExactly();
    void removeBlocksUndoesExactly();
    void connectAndDisconnectUndoExactly();
    void moveUndoesExactlyAndMerges();
    void parameterEditsUndoExactly();
    void fewerInputsDisconnectsAndUndoesExactly();
    void removingABlockAnnouncesItsEdges();
    void newBlocksAreValidToStartFrom();
    void saveThenReopenGivesTheSameStructure();
    void loadFailureKeepsTheDocument();
    void nestedBlocksAreAddressedByPath();
    void renamesFollowEveryReference();
    void sharedChoiceAndCellEditsUndoExactly();
    void clipboardFragmentPastesWithFreshIds();
};

void TestSpaceDocument::connectionRefusedWithReason_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown block") << "c1" << "nope" << 0 << "does not exist";
    QTest::newRow("itself") << "c3" << "c3" << 0 << "cannot feed itself";
    QTest::newRow("output block has no output") << "out" << "c3" << 0 << "has no output";
    QTest::newRow("input block has no input") << "c3" << "in" << 0 << "has no input";
    QTest::newRow("unknown port") << "c3" << "a" << 2 << "no input port 3";
    QTest::newRow("port taken") << "c3" << "c1" << 0 << "already fed by in";
    QTest::newRow("cycle") << "c2" << "a" << 1 << "would make a cycle";
    QTest::newRow("vector into map") << "gp" << "c3" << 0 << "takes a feature map";
    QTest::newRow("vector through a skip") << "id" << "c3" << 0 << "gives a vector";
}

void TestSpaceDocument::connectionRefusedWithReason()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, port);
    QFETCH(QString, reason);
    SpaceDocument doc;
    doc.reset(SpaceFile::parse(kSmallSpace));
    const ConnectionCheck check =
        doc.connectionPossible(from.toStdString(), to.toStdString(), port);
    QVERIFY(!check.possible);
    QVERIFY2(check.reason.contains(reason), qPrintable(check.reason));
}

void TestSpaceDocument::connectionAllowed()
{
    SpaceDocument doc;
    doc.reset(SpaceFile::parse(kSmallSpace));
    QVERIFY(doc.connectionPossible("c3", "a", 1).possible);
    QVERIFY(doc.connectionPossible("in", "c3", 0).possible);
    QVERIFY(doc.connectionPossible("c1", "c3", 0).possible); // outputs fan out
    // A map into a linear layer is refused even when its port is free.
    doc.undoStack()->push(new DisconnectCommand(&doc, Edge{"gp", "lin", 0}));
    const ConnectionCheck check = doc.connectionPossible("c3", "lin", 0);
    QVERIFY(!check.possible);
    QVERIFY2(check.reason.contains("takes a vector"), qPrintable(check.reason));
}

void TestSpaceDocument::addBlockUndoesExactly()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("nb201.json"));
    Block block = *doc.newBlock("mbconv", QPointF(300, 240));
    QCOMPARE(QString::fromStdString(block.id), QString("mbconv1"));
    CHECK_UNDO_REDO(doc, new AddBlockCommand(&doc, block));
    QVERIFY(doc.space().block("mbconv1"));
    QVERIFY(doc.isModified());
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
}

void TestSpaceDocument::removeBlocksUndoesExactly()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("nb201.json"));
    // Blocks from the middle of the list, with edges before and after theirs.
    CHECK_UNDO_REDO(doc, new RemoveBlocksCommand(&doc, {"red1a", "cell3", "red2add"},
                                               {Edge{"cell11", "cell12", 0}}));
    QVERIFY(!doc.space().block("red1a"));
    QVERIFY(!doc.space().block("cell3"));
    for (const auto& e : doc.space().edges())
        QVERIFY(e.from != "cell3" && e.to != "cell3");
    QVERIFY(!doc.space().edgeInto("cell12", 0));
}

void TestSpaceDocument::connectAndDisconnectUndoExactly()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("nb201.json"));
    CHECK_UNDO_REDO(doc, new DisconnectCommand(&doc, Edge{"cell2", "cell3", 0}));
    QVERIFY(!doc.space().edgeInto("cell3", 0));
    QVERIFY(doc.connectionPossible("cell1", "cell3", 0).possible);
    CHECK_UNDO_REDO(doc, new ConnectCommand(&doc, Edge{"cell1", "cell3", 0}));
    QCOMPARE(doc.space().edgeInto("cell3", 0)->from, std::string("cell1"));
    // The whole history back: the file as loaded.
    const std::string loaded = SpaceFile::serialize(
        SpaceFile::load(widgettest::bundledSpacePath("nb201.json").toStdString()));
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(text(doc), loaded);
}

void TestSpaceDocument::moveUndoesExactlyAndMerges()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("fashion_mnist.json"));
    const std::string before = text(doc);
    CHECK_UNDO_REDO(doc, new MoveBlocksCommand(&doc, {{"op2", {150, 500}}, {"res", {0, 600}}},
                                             {{"op2", {190, 520}}, {"res", {40, 620}}}));
    doc.undoStack()->push(new MoveBlocksCommand(&doc, {{"op2", {190, 520}}, {"res", {40, 620}}},
                                                {{"op2", {200.5, 540}}, {"res", {60, 640}}}));
    QCOMPARE(doc.undoStack()->count(), 1); // the same selection dragged again
    QCOMPARE(doc.space().block("op2")->x, 200.5);
    doc.undoStack()->push(new MoveBlocksCommand(&doc, {{"op2", {200.5, 540}}},
                                                {{"op2", {220, 540}}}));
    QCOMPARE(doc.undoStack()->count(), 2); // another selection: a step of its own
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(text(doc), before);
}

void TestSpaceDocument::parameterEditsUndoExactly()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("fashion_mnist.json"));
    // Fixed to a choice list, choice to fixed, shared to fixed, and back to the default.
    CHECK_UNDO_REDO(doc, new SetParameterCommand(&doc, "conv2", "kernel",
                                               Parameter::choice({Value::integer(3),
                                                                  Value::integer(5),
                                                                  Value::integer(7)})));
    QCOMPARE(doc.space().block("conv2")->param("kernel").options.size(), size_t(3));
    CHECK_UNDO_REDO(doc, new SetParameterCommand(&doc, "conv3", "width",
                                               Parameter::fixed(Value::integer(96))));
    CHECK_UNDO_REDO(doc, new SetParameterCommand(&doc, "stem", "width",
                                               Parameter::fixed(Value::integer(24))));
    CHECK_UNDO_REDO(doc, new SetParameterCommand(&doc, "pool1", "type", std::nullopt));
    QCOMPARE(doc.space().block("pool1")->params.count("type"), size_t(0));
}

void TestSpaceDocument::fewerInputsDisconnectsAndUndoesExactly()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("nb201.json"));
    auto* stack = doc.undoStack();
    stack->push(new SetParameterCommand(&doc, "red1add", "inputs",
                                        Parameter::fixed(Value::integer(4))));
    QCOMPARE(doc.space().block("red1add")->inputCount(), 4);
    stack->push(new ConnectCommand(&doc, Edge{"cell1", "red1add", 3}));
    stack->push(new ConnectCommand(&doc, Edge{"cell2", "red1add", 2}));
    stack->push(new DisconnectCommand(&doc, Edge{"cell2", "cell3", 0}));
    stack->push(new ConnectCommand(&doc, Edge{"cell2", "cell3", 0})); // now last in the list
    const std::string before = text(doc);
    stack->push(new SetParameterCommand(&doc, "red1add", "inputs",
                                        Parameter::fixed(Value::integer(2))));
    QVERIFY(!doc.space().edgeInto("red1add", 2));
    QVERIFY(!doc.space().edgeInto("red1add", 3));
    QVERIFY(doc.space().edgeInto("red1add", 1));
    const std::string after = text(doc);
    stack->undo();
    QCOMPARE(text(doc), before);
    stack->redo();
    QCOMPARE(text(doc), after);
}

void TestSpaceDocument::removingABlockAnnouncesItsEdges()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("nb201.json"));
    QSignalSpy edges(&doc, &SpaceDocument::edgeRemoved);
    QSignalSpy blocks(&doc, &SpaceDocument::blockRemoved);
    doc.undoStack()->push(new RemoveBlocksCommand(&doc, {"red1add"}));
    QCOMPARE(edges.count(), 3); // two in, one out
    QCOMPARE(blocks.count(), 1);
    QCOMPARE(blocks.first().first().toString(), QString("red1add"));
}

void TestSpaceDocument::newBlocksAreValidToStartFrom()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("nb201.json"));
    const Block cell = *doc.newBlock("cell", {});
    QCOMPARE(cell.param("cell").value.toText(), std::string("nb201"));
    QCOMPARE(QString::fromStdString(cell.id), QString("cell16"));
    QVERIFY(!doc.newBlock("choice", {})->alternatives.empty());
    QCOMPARE(doc.newBlock("repeat", {})->body.size(), size_t(1));
    QVERIFY(!doc.newBlock("no-such-kind", {}));
}

void TestSpaceDocument::saveThenReopenGivesTheSameStructure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("mbconv.json"));
    doc.undoStack()->push(new SetParameterCommand(
        &doc, "stem", "width", Parameter::choice({Value::integer(16), Value::integer(32)})));
    doc.undoStack()->push(new AddBlockCommand(&doc, *doc.newBlock("pool", {400, 100})));
    QVERIFY(doc.isModified());
    const QString path = dir.filePath("edited.json");
    doc.saveAs(path);
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.filePath(), path);

    SpaceDocument reopened;
    reopened.load(path);
    QVERIFY(reopened.space().sameStructure(doc.space()));
    QCOMPARE(text(reopened), text(doc));
}

void TestSpaceDocument::loadFailureKeepsTheDocument()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"format\": \"archscape-space\", \"version\": 1, \"blocks\": [ {\"id\": 3");
    file.close();
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("fashion_mnist.json"));
    const std::string before = text(doc);
    QVERIFY_THROWS_EXCEPTION(SpaceError, doc.load(path));
    QCOMPARE(text(doc), before);
    QCOMPARE(doc.filePath(), widgettest::bundledSpacePath("fashion_mnist.json"));
}

void TestSpaceDocument::nestedBlocksAreAddressedByPath()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("fashion_mnist.json"));
    QCOMPARE(doc.blockAt("op1/sep")->kind, BlockKind::SepConv);
    QVERIFY(!doc.blockAt("op1/nothing"));
    QVERIFY(!doc.blockAt("nothing/sep"));
    QCOMPARE(SpaceDocument::topLevelId("op1/sep"), std::string("op1"));
    QSignalSpy changed(&doc, &SpaceDocument::blockChanged);
    CHECK_UNDO_REDO(doc, new SetParameterCommand(&doc, "op1/sep", "kernel",
                                                 Parameter::fixed(Value::integer(5))));
    QCOMPARE(doc.blockAt("op1/sep")->param("kernel").value.toInt(), 5);
    QVERIFY(changed.contains(QVariantList{QString("op1")})); // the owner redraws too

    Block edited = *doc.space().block("op1");
    edited.alternatives.pop_back();
    edited.name = "two left";
    CHECK_UNDO_REDO(doc, new EditBlockCommand(&doc, edited, "Edit op1"));
    QCOMPARE(doc.space().block("op1")->alternatives.size(), size_t(2));
    QCOMPARE(doc.space().block("op1")->name, std::string("two left"));
}

void TestSpaceDocument::renamesFollowEveryReference()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("fashion_mnist.json"));
    // w1 is linked at the top level (stem) and inside op1's alternatives.
    CHECK_UNDO_REDO(doc, new RenameCommand(&doc, RenameCommand::Target::SharedChoice, "w1", "narrow"));
    QCOMPARE(doc.space().block("stem")->param("width").sharedName, std::string("narrow"));
    QCOMPARE(doc.blockAt("op1/mb")->param("width").sharedName, std::string("narrow"));
    QVERIFY(!doc.space().sharedChoices().count("w1"));

    CHECK_UNDO_REDO(doc, new RenameCommand(&doc, RenameCommand::Target::Block, "conv2", "middle"));
    QVERIFY(doc.space().edgeInto("middle", 0));
    QCOMPARE(doc.space().edgeInto("res", 0)->from, std::string("middle"));

    doc.load(widgettest::bundledSpacePath("nb201.json"));
    CHECK_UNDO_REDO(doc, new RenameCommand(&doc, RenameCommand::Target::Cell, "nb201", "cellA"));
    for (const Block& b : doc.space().blocks())
        if (b.kind == BlockKind::Cell)
            QCOMPARE(b.param("cell").value.toText(), std::string("cellA"));
}

void TestSpaceDocument::sharedChoiceAndCellEditsUndoExactly()
{
    SpaceDocument doc;
    doc.load(widgettest::bundledSpacePath("nb201.json"));
    CellDefinition cell = doc.space().cells().at("nb201");
    cell.nodes = 5;
    CHECK_UNDO_REDO(doc, new SetCellCommand(&doc, "nb201", cell));
    CHECK_UNDO_REDO(doc, new SetCellCommand(&doc, "nb201", std::nullopt));
    QVERIFY(doc.space().cells().empty());
    CHECK_UNDO_REDO(doc, new SetSharedChoiceCommand(&doc, "w", std::vector<Value>{Value::integer(8)}));
    CHECK_UNDO_REDO(doc, new SetSharedChoiceCommand(&doc, "w", std::nullopt));
}

void TestSpaceDocument::clipboardFragmentPastesWithFreshIds()
{
    SpaceDocument doc;
    doc.reset(SpaceFile::parse(kSmallSpace));
    const std::string fragment = BlockClipboard::fragment(doc.space(), {"c1", "a", "c2", "gp"});
    const SearchSpace part = SpaceFile::parse(fragment);
    QCOMPARE(part.blocks().size(), size_t(4));
    QCOMPARE(part.edges().size(), size_t(3)); // c1→a→c2→gp; in→c1 and gp→lin stay out

    PastedBlocks pasted = BlockClipboard::paste(doc.space(), fragment, QPointF(40, 40));
    QCOMPARE(pasted.blocks.size(), size_t(4));
    for (const Block& b : pasted.blocks)
        QVERIFY2(!doc.space().block(b.id), b.id.c_str());
    QCOMPARE(pasted.blocks[0].id, std::string("c4")); // c1..c3 are taken
    QCOMPARE(pasted.blocks[2].id, std::string("c5"));
    QCOMPARE(pasted.blocks[0].y, 140.0);
    QCOMPARE(pasted.edges[0].from, pasted.blocks[0].id);
    CHECK_UNDO_REDO(doc, new PasteBlocksCommand(&doc, pasted.blocks, pasted.edges, "Paste"));
    QCOMPARE(doc.space().blocks().size(), size_t(13));
    QVERIFY_THROWS_EXCEPTION(SpaceError, BlockClipboard::paste(doc.space(), "[1, 2]", {}));
}

QTEST_MAIN(TestSpaceDocument)
#include "tst_spacedocument.moc"
