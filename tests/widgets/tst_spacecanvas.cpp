// The canvas driven by synthetic input events on the offscreen platform:
// dropping a palette kind, wiring ports by mouse (and being refused with a
// reason), dragging blocks, rubber-band selection and Delete, zoom and fit,
// and validation marking the offending block. Each edit must undo to the
// exact space it started from.
//
// Dropping: a real QDrag::exec runs its own event loop waiting for a window
// system, which the offscreen platform cannot drive, so the test sends the
// drag-enter/move/drop events to the canvas itself, carrying the MIME data
// the palette produces for its item.

#include "BlockItem.h"
#include "BlockPalette.h"
#include "ConnectionItem.h"
#include "SpaceAnalysis.h"
#include "SpaceDocument.h"
#include "SpaceScene.h"
#include "SpaceView.h"
#include "WidgetTestSupport.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace archscape;
using widgettest::text;

namespace {

const char* const kSmallSpace = R"({
  "format": "archscape-space", "version": 1, "name": "small",
  "blocks": [
    {"id": "in", "kind": "input", "pos": [0, 0]},
    {"id": "c1", "kind": "conv", "pos": [0, 100]},
    {"id": "a", "kind": "add", "pos": [0, 200]},
    {"id": "gp", "kind": "globalpool", "pos": [0, 300]},
    {"id": "out", "kind": "output", "pos": [0, 400]},
    {"id": "c3", "kind": "conv", "pos": [300, 100]}
  ],
  "edges": [
    {"from": "in", "to": "c1"}, {"from": "c1", "to": "a"}, {"from": "a", "to": "gp"},
    {"from": "gp", "to": "out"}
  ]
})";

struct Canvas
{
    SpaceDocument document;
    SpaceScene scene{&document};
    SpaceView view{&scene};

    explicit Canvas(const SearchSpace& space)
    {
        document.reset(space);
        view.resize(900, 700);
        view.show();
        view.setZoom(1.0);
        view.centerOn(scene.blocksRect().center());
    }
    QPoint at(QPointF scenePos) const { return view.mapFromScene(scenePos); }
    BlockItem* block(const char* id) const { return scene.blockItem(QString::fromLatin1(id)); }
};

} // namespace

class TestSpaceCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sceneMirrorsTheDocument();
    void dropFromPaletteAddsABlock();
    void connectTwoPortsByMouse();
    void invalidConnectionIsRefusedWithAReason();
    void draggingABlockMovesItOnTheGrid();
    void rubberBandThenDeleteRemovesTheSelection();
    void deletingAConnection();
    void zoomPanAndFit();
    void validationMarksTheOffendingBlock();
};

void TestSpaceCanvas::sceneMirrorsTheDocument()
{
    SpaceDocument document;
    document.load(widgettest::bundledSpacePath("nb201.json"));
    SpaceScene scene(&document);
    QCOMPARE(scene.blockItems().size(), qsizetype(document.space().blocks().size()));
    for (const auto& e : document.space().edges())
        QVERIFY(scene.connectionItem(e));
    QCOMPARE(scene.blockItem("red1a")->pos(), QPointF(-120, 700));
    document.undoStack()->undo(); // nothing to undo: no crash
    document.reset(SpaceFile::parse(kSmallSpace));
    QCOMPARE(scene.blockItems().size(), qsizetype(6));
    QVERIFY(!scene.blockItem("red1a"));
}

void TestSpaceCanvas::dropFromPaletteAddsABlock()
{
    Canvas canvas(SpaceFile::load(widgettest::bundledSpacePath("fashion_mnist.json").toStdString()));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    BlockPalette palette;
    QListWidgetItem* item = palette.itemFor("sepconv");
    QVERIFY(item);
    QVERIFY(item->toolTip().contains("Depthwise"));
    // The MIME data the palette hands a drag of that row.
    std::unique_ptr<QMimeData> mime(
        palette.model()->mimeData({palette.indexFromItem(item)}));
    QVERIFY(mime);
    QCOMPARE(BlockPalette::kindFromMime(mime.get()), std::optional<std::string>("sepconv"));

    const std::string before = text(canvas.document);
    const QPoint drop(700, 160);
    QWidget* viewport = canvas.view.viewport();
    QDragEnterEvent enter(drop, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(drop, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted());
    QDropEvent dropEvent(drop, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &dropEvent);
    QVERIFY(dropEvent.isAccepted());

    const Block* added = canvas.document.space().block("sepconv1");
    QVERIFY(added);
    const QPointF where = canvas.scene.snapped(canvas.view.mapToScene(drop));
    QCOMPARE(QPointF(added->x, added->y), where);
    QVERIFY(added->params.empty()); // the kind's defaults
    QVERIFY(canvas.block("sepconv1"));
    QVERIFY(canvas.block("sepconv1")->isSelected());
    QCOMPARE(canvas.scene.selectedBlockIds(), QStringList{"sepconv1"});

    const std::string after = text(canvas.document);
    canvas.document.undoStack()->undo();
    QCOMPARE(text(canvas.document), before);
    QVERIFY(!canvas.block("sepconv1"));
    canvas.document.undoStack()->redo();
    QCOMPARE(text(canvas.document), after);

    // Something else dropped is not taken.
    QMimeData other;
    other.setText("conv");
    QDropEvent foreign(drop, Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &foreign);
    QCOMPARE(text(canvas.document), after);
}

void TestSpaceCanvas::connectTwoPortsByMouse()
{
    Canvas canvas(SpaceFile::parse(kSmallSpace));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    const std::string before = text(canvas.document);
    // From c3's output down to the Add's second input.
    const QPoint from = canvas.at(canvas.block("c3")->outputPortScenePos());
    const QPoint to = canvas.at(canvas.block("a")->inputPortScenePos(1));
    widgettest::leftDrag(canvas.view.viewport(), from, to);
    const Edge* edge = canvas.document.space().edgeInto("a", 1);
    QVERIFY(edge);
    QCOMPARE(edge->from, std::string("c3"));
    QVERIFY(canvas.scene.connectionItem(*edge));
    QCOMPARE(canvas.document.undoStack()->count(), 1);

    // Dragged the other way round, from an input to an output, works too.
    canvas.document.undoStack()->undo();
    QCOMPARE(text(canvas.document), before);
    widgettest::leftDrag(canvas.view.viewport(), to, from);
    QVERIFY(canvas.document.space().edgeInto("a", 1));
    canvas.document.undoStack()->undo();
    QCOMPARE(text(canvas.document), before);
    QVERIFY(!canvas.scene.connectionItem(Edge{"c3", "a", 1}));
}

void TestSpaceCanvas::invalidConnectionIsRefusedWithAReason()
{
    Canvas canvas(SpaceFile::parse(kSmallSpace));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    QSignalSpy messages(&canvas.scene, &SpaceScene::statusMessage);
    const std::string before = text(canvas.document);

    // The global pool gives a vector; a convolution takes a feature map.
    widgettest::leftDrag(canvas.view.viewport(),
                         canvas.at(canvas.block("gp")->outputPortScenePos()),
                         canvas.at(canvas.block("c3")->inputPortScenePos(0)));
    QCOMPARE(text(canvas.document), before);
    QCOMPARE(messages.count(), 1);
    QString message = messages.takeFirst().first().toString();
    QVERIFY2(message.startsWith("Cannot connect") && message.contains("feature map"),
             qPrintable(message));

    // A port that is taken.
    widgettest::leftDrag(canvas.view.viewport(),
                         canvas.at(canvas.block("c3")->outputPortScenePos()),
                         canvas.at(canvas.block("a")->inputPortScenePos(0)));
    QCOMPARE(text(canvas.document), before);
    message = messages.takeFirst().first().toString();
    QVERIFY2(message.contains("already fed by c1"), qPrintable(message));

    // An output to an output.
    widgettest::leftDrag(canvas.view.viewport(),
                         canvas.at(canvas.block("c3")->outputPortScenePos()),
                         canvas.at(canvas.block("c1")->outputPortScenePos()));
    message = messages.takeFirst().first().toString();
    QVERIFY2(message.contains("not to another output"), qPrintable(message));
    QCOMPARE(canvas.document.undoStack()->count(), 0);
}

void TestSpaceCanvas::draggingABlockMovesItOnTheGrid()
{
    Canvas canvas(SpaceFile::parse(kSmallSpace));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    const std::string before = text(canvas.document);
    const QPoint grab = canvas.at(canvas.block("c3")->pos() + QPointF(0, 8));
    widgettest::leftDrag(canvas.view.viewport(), grab, grab + QPoint(47, 33));
    const Block* c3 = canvas.document.space().block("c3");
    QCOMPARE(QPointF(c3->x, c3->y), QPointF(340, 140)); // 347, 133 snapped to the 20 grid
    QCOMPARE(canvas.block("c3")->pos(), QPointF(340, 140));
    QCOMPARE(canvas.document.undoStack()->count(), 1);
    const std::string after = text(canvas.document);

    // The same block dragged again: one undo step for both drags.
    const QPoint again = canvas.at(canvas.block("c3")->pos() + QPointF(0, 8));
    widgettest::leftDrag(canvas.view.viewport(), again, again + QPoint(0, 60));
    QCOMPARE(canvas.document.space().block("c3")->y, 200.0);
    QCOMPARE(canvas.document.undoStack()->count(), 1);
    canvas.document.undoStack()->undo();
    QCOMPARE(text(canvas.document), before);
    QCOMPARE(canvas.block("c3")->pos(), QPointF(300, 100));
    canvas.document.undoStack()->redo();
    QVERIFY(text(canvas.document) != after);
    QCOMPARE(canvas.block("c3")->pos(), QPointF(340, 200));

    // A click without a move changes nothing.
    const QPoint click = canvas.at(canvas.block("c1")->pos());
    widgettest::leftDrag(canvas.view.viewport(), click, click, 1);
    QCOMPARE(canvas.document.undoStack()->count(), 1);
}

void TestSpaceCanvas::rubberBandThenDeleteRemovesTheSelection()
{
    Canvas canvas(SpaceFile::parse(kSmallSpace));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    const std::string before = text(canvas.document);
    // A band round c1 and the Add, starting on empty canvas to their left.
    const QPoint start = canvas.at(QPointF(-160, 60));
    const QPoint end = canvas.at(QPointF(130, 230));
    widgettest::leftDrag(canvas.view.viewport(), start, end);
    QCOMPARE(canvas.scene.selectedBlockIds(), (QStringList{"c1", "a"}));

    QTest::keyClick(&canvas.view, Qt::Key_Delete);
    QVERIFY(!canvas.document.space().block("c1"));
    QVERIFY(!canvas.document.space().block("a"));
    QVERIFY(!canvas.block("c1"));
    QCOMPARE(canvas.document.space().edges().size(), size_t(1)); // gp → out is left
    canvas.document.undoStack()->undo();
    QCOMPARE(text(canvas.document), before);
    QVERIFY(canvas.scene.connectionItem(Edge{"c1", "a", 0}));
}

void TestSpaceCanvas::deletingAConnection()
{
    Canvas canvas(SpaceFile::parse(kSmallSpace));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    const std::string before = text(canvas.document);
    ConnectionItem* item = canvas.scene.connectionItem(Edge{"a", "gp", 0});
    QVERIFY(item);
    // Click the middle of the curve, then Delete.
    const QPoint middle = canvas.at(item->path().pointAtPercent(0.5));
    QTest::mouseClick(canvas.view.viewport(), Qt::LeftButton, {}, middle);
    QVERIFY(item->isSelected());
    QTest::keyClick(&canvas.view, Qt::Key_Delete);
    QVERIFY(!canvas.document.space().edgeInto("gp", 0));
    QVERIFY(canvas.document.space().block("gp"));
    canvas.document.undoStack()->undo();
    QCOMPARE(text(canvas.document), before);
}

void TestSpaceCanvas::zoomPanAndFit()
{
    Canvas canvas(SpaceFile::load(widgettest::bundledSpacePath("nb201.json").toStdString()));
    QVERIFY(QTest::qWaitForWindowExposed(&canvas.view));
    canvas.view.fitToView();
    const QRectF visible = canvas.view.mapToScene(canvas.view.viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(canvas.scene.blocksRect()));
    QVERIFY(canvas.view.zoom() < 1.0);

    const qreal fitted = canvas.view.zoom();
    const QPoint centre = canvas.view.viewport()->rect().center();
    QWheelEvent wheel(centre, canvas.view.viewport()->mapToGlobal(centre), {}, QPoint(0, 240),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas.view.viewport(), &wheel);
    QVERIFY(canvas.view.zoom() > fitted * 1.2);

    // Middle-button pan: the scene point under the cursor follows it.
    const QPointF under = canvas.view.mapToScene(centre);
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons held) {
        QMouseEvent event(type, QPointF(at), QPointF(canvas.view.viewport()->mapToGlobal(at)),
                          button, held, Qt::NoModifier);
        QApplication::sendEvent(canvas.view.viewport(), &event);
    };
    send(QEvent::MouseButtonPress, centre, Qt::MiddleButton, Qt::MiddleButton);
    send(QEvent::MouseMove, centre + QPoint(60, 40), Qt::NoButton, Qt::MiddleButton);
    send(QEvent::MouseButtonRelease, centre + QPoint(60, 40), Qt::MiddleButton, Qt::NoButton);
    const QPointF after = canvas.view.mapToScene(centre + QPoint(60, 40));
    QVERIFY2(QLineF(under, after).length() < 2 / canvas.view.zoom(),
             qPrintable(QString("%1,%2 vs %3,%4").arg(under.x()).arg(under.y()).arg(after.x()).arg(after.y())));
    QCOMPARE(canvas.document.undoStack()->count(), 0); // panning is not an edit
}

void TestSpaceCanvas::validationMarksTheOffendingBlock()
{
    SpaceDocument document;
    document.load(widgettest::bundledSpacePath("fashion_mnist.json"));
    SpaceScene scene(&document);
    SpaceAnalysis analysis(&document);
    connect(&analysis, &SpaceAnalysis::problemsChanged, &scene,
            [&] { scene.setProblems(analysis.problems()); });
    QTRY_VERIFY_WITH_TIMEOUT(!analysis.isBusy(), 20000);
    QVERIFY(analysis.problems().empty());
    QCOMPARE(analysis.sizeText(), QString("128"));
    QVERIFY(analysis.sizeSummary().contains("128"));

    // conv3 loses its input.
    const Edge into{"pool2", "conv3", 0};
    QVERIFY(document.space().edgeInto("conv3", 0));
    scene.connectionItem(into)->setSelected(true);
    scene.deleteSelection();
    QTRY_VERIFY_WITH_TIMEOUT(!analysis.isBusy(), 20000);
    QVERIFY(!analysis.problems().empty());
    QVERIFY(scene.blockItem("conv3")->hasProblem());
    QVERIFY(scene.blockItem("conv3")->toolTip().contains("input port 0 is not connected"));
    QVERIFY(scene.blockItem("pool2")->hasProblem()); // its output now leads nowhere
    QVERIFY(!scene.blockItem("head")->hasProblem());
    QVERIFY(!scene.blockItem("stem")->hasProblem());
    QVERIFY(analysis.sizeSummary().contains("problem"));

    document.undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(!analysis.isBusy(), 20000);
    QVERIFY(analysis.problems().empty());
    QVERIFY(!scene.blockItem("conv3")->hasProblem());
}

QTEST_MAIN(TestSpaceCanvas)
#include "tst_spacecanvas.moc"
