// The main window as a user meets it: opening files (and a clear message
// for one that fails), the property editor's edits as undo steps, the
// validation panel pointing at a block, the live size, saving and
// reopening, the examples menu and the layout kept between sessions.

#include "BlockPalette.h"
#include "MainWindow.h"
#include "PropertyEditor.h"
#include "SpaceAnalysis.h"
#include "SpaceDocument.h"
#include "SpaceScene.h"
#include "SpaceView.h"
#include "ValidationPanel.h"
#include "WidgetTestSupport.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace archscape;
using widgettest::text;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensASpaceAndShowsItsSize();
    void aFileThatFailsToLoadIsExplained();
    void propertyEditorEditsAreUndoSteps();
    void aBadChoiceListIsRefused();
    void validationPanelPointsAtTheBlock();
    void saveThenReopen();
    void examplesOpenAsUntitledCopies();
    void layoutIsKeptBetweenSessions();
    void paletteDoubleClickAddsABlock();

private:
    QTemporaryDir settingsDir_;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(settingsDir_.isValid());
    // Never the user's own settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName("ArchscapeTests");
    QCoreApplication::setApplicationName("tst_mainwindow");
}

void TestMainWindow::opensASpaceAndShowsItsSize()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(widgettest::bundledSpacePath("fashion_mnist.json")));
    QVERIFY(window.windowTitle().contains("fashion_mnist.json"));
    QCOMPARE(window.scene()->blockItems().size(), qsizetype(11));
    QTRY_VERIFY_WITH_TIMEOUT(!window.analysis()->isBusy(), 20000);
    QCOMPARE(window.sizeText(), QString("Size: 128 architectures"));
    QCOMPARE(window.validationPanel()->problemCount(), 0);
    QCOMPARE(window.validationPanel()->item(0)->text(), QString("No problems found."));
    // The whole graph is in sight once laid out.
    QTRY_VERIFY(window.view()
                    ->mapToScene(window.view()->viewport()->rect())
                    .boundingRect()
                    .contains(window.scene()->blocksRect()));
}

void TestMainWindow::aFileThatFailsToLoadIsExplained()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "archscape-space", "version": 1,
                  "blocks": [{"id": "x", "kind": "warp-drive", "pos": [0, 0]}], "edges": []})");
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(window.openFile(widgettest::bundledSpacePath("mbconv.json")));
    const std::string before = text(*window.document());
    QVERIFY(!window.openFile(path));
    auto* box = window.findChild<QMessageBox*>();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains("broken.json") && box->text().contains("warp-drive"),
             qPrintable(box->text()));
    QCOMPARE(text(*window.document()), before); // the open space is kept
    box->accept();
}

void TestMainWindow::propertyEditorEditsAreUndoSteps()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(widgettest::bundledSpacePath("fashion_mnist.json")));
    SpaceDocument* doc = window.document();
    const std::string loaded = text(*doc);
    window.scene()->selectBlock("conv2");
    PropertyEditor* editor = window.propertyEditor();
    QCOMPARE(editor->blockId(), QString("conv2"));

    // Kernel: fixed → choice, then the list typed in.
    QComboBox* mode = editor->modeBox("kernel");
    QVERIFY(mode);
    mode->setCurrentIndex(mode->findText("Choice"));
    Q_EMIT mode->activated(mode->currentIndex());
    QCOMPARE(doc->space().block("conv2")->param("kernel").mode, Parameter::Mode::Choice);
    auto* line = qobject_cast<QLineEdit*>(editor->valueEditor("kernel"));
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, "3, 5, 7");
    QTest::keyClick(line, Qt::Key_Return);
    const Parameter kernel = doc->space().block("conv2")->param("kernel");
    QCOMPARE(kernel.mode, Parameter::Mode::Choice);
    QCOMPARE(kernel.options.size(), size_t(3));
    QCOMPARE(kernel.options[2].toInt(), int64_t(7));
    QTRY_VERIFY(window.scene()->blockItem("conv2")->toolTip().contains("k ∈ {3,5,7}"));

    // Stride: a fixed value through its spin box.
    QTRY_VERIFY(qobject_cast<QSpinBox*>(editor->valueEditor("stride")));
    auto* stride = qobject_cast<QSpinBox*>(editor->valueEditor("stride"));
    stride->setValue(2);
    QCOMPARE(doc->space().block("conv2")->param("stride").value.toInt(), int64_t(2));

    // Width is shared: switch it to fixed.
    mode = editor->modeBox("width");
    QCOMPARE(mode->currentText(), QString("Shared"));
    mode->setCurrentIndex(mode->findText("Fixed"));
    Q_EMIT mode->activated(mode->currentIndex());
    QCOMPARE(doc->space().block("conv2")->param("width").mode, Parameter::Mode::Fixed);
    QCOMPARE(doc->space().block("conv2")->param("width").value.toInt(), int64_t(32));

    // Every edit undoes, back to the file as loaded.
    QVERIFY(doc->undoStack()->count() >= 3);
    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    QCOMPARE(text(*doc), loaded);
    QTRY_COMPARE(editor->modeBox("width")->currentText(), QString("Shared"));
    QTRY_COMPARE(editor->modeBox("kernel")->currentText(), QString("Fixed"));
}

void TestMainWindow::aBadChoiceListIsRefused()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(widgettest::bundledSpacePath("mbconv.json")));
    SpaceDocument* doc = window.document();
    window.scene()->selectBlock("stage1");
    const std::string before = text(*doc);
    auto* line = qobject_cast<QLineEdit*>(window.propertyEditor()->valueEditor("depth"));
    QVERIFY(line);
    QCOMPARE(line->text(), QString("2, 3, 4"));
    line->selectAll();
    QTest::keyClicks(line, "2, 99");
    QTest::keyClick(line, Qt::Key_Return);
    QVERIFY2(window.propertyEditor()->errorText().contains("between 1 and 64"),
             qPrintable(window.propertyEditor()->errorText()));
    line->selectAll();
    QTest::keyClicks(line, "2, two");
    QTest::keyClick(line, Qt::Key_Return);
    QVERIFY(window.propertyEditor()->errorText().contains("whole numbers"));
    QCOMPARE(text(*doc), before);
    QCOMPARE(doc->undoStack()->count(), 0);
}

void TestMainWindow::validationPanelPointsAtTheBlock()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(widgettest::bundledSpacePath("fashion_mnist.json")));
    window.scene()->selectBlock("pool2");
    window.scene()->deleteSelection();
    QTRY_VERIFY_WITH_TIMEOUT(!window.analysis()->isBusy(), 20000);
    ValidationPanel* panel = window.validationPanel();
    QVERIFY(panel->problemCount() > 0);
    QListWidgetItem* conv3 = nullptr;
    for (int row = 0; row < panel->count(); ++row)
        if (panel->item(row)->data(ValidationPanel::kBlockIdRole).toString() == "conv3")
            conv3 = panel->item(row);
    QVERIFY(conv3);
    QVERIFY(conv3->text().startsWith("conv3: "));
    QVERIFY(window.scene()->blockItem("conv3")->hasProblem());

    window.scene()->clearSelection();
    const QRect rect = panel->visualItemRect(conv3);
    QTest::mouseClick(panel->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.scene()->selectedBlockIds(), QStringList{"conv3"});
    const QPointF centre =
        window.view()->mapToScene(window.view()->viewport()->rect().center());
    // Centring is exact to a pixel of the view, whatever the zoom.
    QVERIFY(QLineF(centre, window.scene()->blockItem("conv3")->pos()).length()
            < 2 / window.view()->zoom());
    QVERIFY(window.sizeText().contains("problem"));
}

void TestMainWindow::saveThenReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("mine.json");
    SearchSpace saved;
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(widgettest::bundledSpacePath("nb201.json")));
        window.scene()->addBlockAt("zero", QPointF(400, 400));
        QVERIFY(window.isWindowModified());
        QVERIFY(window.saveTo(path));
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.windowTitle().startsWith("mine.json"));
        saved = window.document()->space();
    }
    MainWindow again;
    again.show();
    QVERIFY(again.openFile(path));
    QVERIFY(again.document()->space().sameStructure(saved));
    QVERIFY(again.document()->space().block("zero1"));
    QCOMPARE(again.scene()->blockItem("zero1")->pos(), QPointF(400, 400));
    // It went to the recent files.
    QVERIFY(QSettings().value("recentFiles").toStringList().contains(QFileInfo(path).absoluteFilePath()));
}

void TestMainWindow::examplesOpenAsUntitledCopies()
{
    MainWindow window;
    window.setExamplesFolder(qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/resources/spaces");
    QMenu* examples = nullptr;
    for (QMenu* menu : window.menuBar()->findChildren<QMenu*>())
        if (menu->title() == "&Examples")
            examples = menu;
    QVERIFY(examples);
    Q_EMIT examples->aboutToShow();
    QStringList titles;
    for (QAction* action : examples->actions())
        titles << action->text();
    QVERIFY2(titles.contains("NAS-Bench-201") && titles.contains("Fashion-MNIST small ResNet")
             && titles.size() == 4, qPrintable(titles.join(", ")));
    for (QAction* action : examples->actions())
        if (action->text() == "NAS-Bench-201")
            action->trigger();
    QCOMPARE(window.scene()->blockItems().size(), qsizetype(29));
    QVERIFY(window.document()->filePath().isEmpty()); // Save asks where: never over the example
    QVERIFY(window.windowTitle().contains("NAS-Bench-201 (example)"));
}

void TestMainWindow::layoutIsKeptBetweenSessions()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QDockWidget*>("validationDock")->hide();
        window.close();
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.findChild<QDockWidget*>("validationDock")->isVisible());
    QVERIFY(window.findChild<QDockWidget*>("paletteDock")->isVisible());
    window.findChild<QDockWidget*>("validationDock")->show();
    window.close();
}

void TestMainWindow::paletteDoubleClickAddsABlock()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.newSpace();
    QListWidgetItem* item = window.palette()->itemFor("input");
    Q_EMIT window.palette()->itemActivated(item);
    QVERIFY(window.document()->space().block("input1"));
    QCOMPARE(window.scene()->selectedBlockIds(), QStringList{"input1"});
    QCOMPARE(window.propertyEditor()->blockId(), QString("input1"));
    // Delete from the Edit menu, then Undo from it.
    QAction* remove = nullptr;
    QAction* undo = nullptr;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == "&Delete")
            remove = action;
        if (action->text().startsWith("&Undo"))
            undo = action;
    }
    QVERIFY(remove && undo);
    remove->trigger();
    QVERIFY(!window.document()->space().block("input1"));
    QCOMPARE(window.propertyEditor()->blockId(), QString());
    undo->trigger();
    QVERIFY(window.document()->space().block("input1"));
    window.document()->undoStack()->setClean(); // no "save changes?" on close
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
