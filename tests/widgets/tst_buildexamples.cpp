// Each bundled example space built in the editor from an empty canvas, the
// way a user builds it: the space's name and description typed into the
// property editor; every block dropped from the palette (drag-and-drop
// events on the canvas), given its id and label, its parameters set in the
// property editor (fixed values, choice lists, shared choices created with
// Share and linked with the Shared mode); a Choice's alternatives and a
// Repeat's body added inside the block (opened by double-click, left by the
// breadcrumb); the cell definition edited in the property editor; and every
// edge wired by dragging from an output port to an input port.
//
// The result must equal the bundled file through the engine's SpaceFile
// serialisation, with positions aside and a parameter written with its
// default value counted as unset (the editor stores only what differs
// from the kind's default, the file spells some defaults out). Then the
// whole build is undone to the empty space and redone, exactly.

#include "BlockItem.h"
#include "BlockPalette.h"
#include "BreadcrumbBar.h"
#include "MainWindow.h"
#include "ParameterText.h"
#include "PropertyEditor.h"
#include "SpaceDocument.h"
#include "SpaceScene.h"
#include "SpaceView.h"
#include "WidgetTestSupport.h"
#include "space/SpaceFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace archscape;

namespace {

// Positions and labels of nested blocks aside, defaults spelt out or not.
void canonicalize(Block& b)
{
    b.x = 0;
    b.y = 0;
    for (auto it = b.params.begin(); it != b.params.end();) {
        const ParamSpec* spec = b.info().param(it->first);
        if (spec && it->second == spec->fixedDefault)
            it = b.params.erase(it);
        else
            ++it;
    }
    for (auto* list : {&b.alternatives, &b.body})
        for (Block& inner : *list)
            canonicalize(inner);
}

std::string canonicalText(const SearchSpace& space)
{
    std::vector<Block> blocks = space.blocks();
    SearchSpace copy;
    copy.name = space.name;
    copy.description = space.description;
    for (const auto& [name, values] : space.sharedChoices())
        copy.setSharedChoice(name, values);
    for (const auto& [name, cell] : space.cells())
        copy.setCell(cell);
    for (Block& b : blocks) {
        canonicalize(b);
        copy.addBlock(b);
    }
    for (const Edge& e : space.edges())
        copy.addEdge(e);
    return SpaceFile::serialize(copy);
}

// Types `value` into a line edit and presses Return.
void typeInto(QLineEdit* line, const QString& value)
{
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    line->insert(value); // what typing does, whatever the characters
    QTest::keyClick(line, Qt::Key_Return);
}

void activate(QComboBox* combo, int index)
{
    QVERIFY(combo);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
}

class GuiBuilder
{
public:
    explicit GuiBuilder(MainWindow& window)
        : window_(window), doc_(window.document()), scene_(window.scene()), view_(window.view()),
          properties_(window.propertyEditor())
    {
    }

    void build(const SearchSpace& target)
    {
        QVERIFY2(target.cells().size() <= 1, "the editor makes one cell definition per space");
        target_ = &target;
        scene_->clearSelection();
        QVERIFY(properties_->spaceNameEditor()->isVisible());
        typeInto(properties_->spaceNameEditor(), QString::fromStdString(target.name));
        typeInto(properties_->spaceDescriptionEditor(), QString::fromStdString(target.description));
        for (const Block& b : target.blocks()) {
            addBlock(b);
            if (QTest::currentTestFailed())
                return;
        }
        for (const Edge& e : target.edges()) {
            wire(e);
            if (QTest::currentTestFailed())
                return;
        }
    }

private:
    void drop(const std::string& kindName, QPointF scenePos)
    {
        view_->setZoom(1.0);
        view_->centerOn(scenePos);
        std::unique_ptr<QMimeData> mime(BlockPalette::mimeFor(kindName));
        const QPoint at = view_->mapFromScene(scenePos);
        QWidget* viewport = view_->viewport();
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &dropEvent);
        QVERIFY(dropEvent.isAccepted());
    }

    void addBlock(const Block& b)
    {
        const QPointF where(b.x, b.y);
        drop(b.info().name, where);
        const QStringList selected = scene_->selectedBlockIds();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(properties_->blockId(), selected.front());
        describe(b);
        const QString id = QString::fromStdString(b.id);
        QCOMPARE(properties_->blockId(), id);
        if (b.kind == BlockKind::Cell && !target_->cells().empty() && !cellDefined_)
            defineCell(target_->cells().begin()->second);
        setParameters(b);
        if (b.kind == BlockKind::Choice)
            fillInner(id, b.alternatives, true);
        else if (b.kind == BlockKind::Repeat)
            fillInner(id, b.body, false);
    }

    // Id, label, as typed into the property editor.
    void describe(const Block& b)
    {
        typeInto(properties_->idEditor(), QString::fromStdString(b.id));
        QVERIFY2(properties_->errorText().isEmpty(), qPrintable(properties_->errorText()));
        if (!b.name.empty())
            typeInto(properties_->labelEditor(), QString::fromStdString(b.name));
    }

    void defineCell(const CellDefinition& cell)
    {
        typeInto(properties_->cellNameEditor(), QString::fromStdString(cell.name));
        properties_->cellNodesEditor()->setValue(cell.nodes);
        for (const std::string& op : allCellOpNames()) {
            QCheckBox* box = properties_->cellOpBox(QString::fromStdString(op));
            QVERIFY(box);
            const bool wanted = std::find(cell.ops.begin(), cell.ops.end(), op) != cell.ops.end();
            if (box->isChecked() != wanted)
                QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
            QCOMPARE(box->isChecked(), wanted);
        }
        cellDefined_ = true;
    }

    // Opens the block, replaces what a new one holds by `inner`, comes back.
    void fillInner(const QString& id, const std::vector<Block>& inner, bool choice)
    {
        BlockItem* item = scene_->blockItem(id);
        QVERIFY(item);
        view_->centerOn(item);
        QTest::mouseDClick(view_->viewport(), Qt::LeftButton, {}, view_->mapFromScene(item->pos()));
        QCOMPARE(scene_->scope(), id);
        if (choice) {
            view_->setFocus();
            QTest::keyClick(view_, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClick(view_, Qt::Key_Delete);
            QVERIFY(doc_->space().block(id.toStdString())->alternatives.empty());
        }
        for (const Block& b : inner) {
            drop(b.info().name, view_->mapToScene(view_->viewport()->rect().center()));
            QCOMPARE(scene_->selectedBlockIds().size(), 1);
            describe(b);
            QCOMPARE(properties_->blockId(), id + QLatin1Char('/') + QString::fromStdString(b.id));
            setParameters(b);
        }
        QTest::mouseClick(view_->breadcrumb()->topButton(), Qt::LeftButton);
        QCOMPARE(scene_->scope(), QString());
    }

    void setParameters(const Block& b)
    {
        for (const ParamSpec& spec : b.info().params) {
            auto it = b.params.find(spec.name);
            if (it != b.params.end())
                setParameter(spec, it->second);
            if (QTest::currentTestFailed())
                return;
        }
        const Block* made = doc_->blockAt(properties_->blockId().toStdString());
        QVERIFY(made);
        for (const ParamSpec& spec : b.info().params)
            QVERIFY2(made->param(spec.name) == b.param(spec.name),
                     qPrintable(properties_->blockId() + "." + QString::fromStdString(spec.name)));
    }

    void chooseMode(const QString& param, Parameter::Mode mode)
    {
        QCoreApplication::processEvents(); // the editor's queued refresh
        QComboBox* box = properties_->modeBox(param);
        QVERIFY(box);
        if (box->currentData().toInt() != static_cast<int>(mode))
            activate(box, box->findData(static_cast<int>(mode)));
    }

    void setParameter(const ParamSpec& spec, const Parameter& wanted)
    {
        const QString name = QString::fromStdString(spec.name);
        switch (wanted.mode) {
        case Parameter::Mode::Fixed:
            chooseMode(name, Parameter::Mode::Fixed);
            setFixed(name, wanted.value);
            break;
        case Parameter::Mode::Choice:
            chooseMode(name, Parameter::Mode::Choice);
            typeInto(qobject_cast<QLineEdit*>(properties_->valueEditor(name)),
                     ParameterText::listText(wanted.options));
            break;
        case Parameter::Mode::Shared: {
            const QString shared = QString::fromStdString(wanted.sharedName);
            if (!doc_->space().sharedChoices().count(wanted.sharedName)) {
                // First use: a choice list, then Share under the target's name.
                chooseMode(name, Parameter::Mode::Choice);
                typeInto(qobject_cast<QLineEdit*>(properties_->valueEditor(name)),
                         ParameterText::listText(target_->sharedChoices().at(wanted.sharedName)));
                QVERIFY(properties_->shareChoice(name, shared));
            } else {
                chooseMode(name, Parameter::Mode::Shared);
                QCoreApplication::processEvents();
                auto* link = qobject_cast<QComboBox*>(properties_->valueEditor(name));
                QVERIFY(link);
                activate(link, link->findData(shared));
            }
            break;
        }
        }
        QVERIFY2(properties_->errorText().isEmpty(), qPrintable(properties_->errorText()));
    }

    void setFixed(const QString& name, const Value& value)
    {
        QCoreApplication::processEvents();
        QWidget* editor = properties_->valueEditor(name);
        QVERIFY(editor);
        if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->setValue(static_cast<int>(value.toInt()));
        } else if (auto* real = qobject_cast<QDoubleSpinBox*>(editor)) {
            real->setValue(value.toReal());
        } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
            if (check->isChecked() != value.toBool())
                check->click();
        } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            const int index = combo->findData(ParameterText::valueText(value));
            if (index != combo->currentIndex())
                activate(combo, index);
        } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
            typeInto(line, ParameterText::valueText(value));
        } else {
            QFAIL("no editor for the parameter");
        }
    }

    // Drags from the source's output port to the target's input port.
    void wire(const Edge& e)
    {
        BlockItem* from = scene_->blockItem(QString::fromStdString(e.from));
        BlockItem* to = scene_->blockItem(QString::fromStdString(e.to));
        QVERIFY(from && to);
        const QPointF out = from->outputPortScenePos();
        const QPointF in = to->inputPortScenePos(e.toPort);
        view_->setZoom(0.75);
        view_->centerOn((out + in) / 2);
        const size_t edges = doc_->space().edges().size();
        widgettest::leftDrag(view_->viewport(), view_->mapFromScene(out), view_->mapFromScene(in));
        QVERIFY2(doc_->space().edges().size() == edges + 1,
                 qPrintable(QString::fromStdString(e.from + " -> " + e.to)));
        QVERIFY(doc_->space().edges().back() == e);
    }

    MainWindow& window_;
    SpaceDocument* doc_;
    SpaceScene* scene_;
    SpaceView* view_;
    PropertyEditor* properties_;
    const SearchSpace* target_ = nullptr;
    bool cellDefined_ = false;
};

} // namespace

class TestBuildExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildFromAnEmptyCanvas_data();
    void buildFromAnEmptyCanvas();

private:
    QTemporaryDir settingsDir_;
};

void TestBuildExamples::initTestCase()
{
    QVERIFY(settingsDir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName("ArchscapeTests");
    QCoreApplication::setApplicationName("tst_buildexamples");
}

void TestBuildExamples::buildFromAnEmptyCanvas_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("nb201") << "nb201.json";
    QTest::newRow("mbconv") << "mbconv.json";
    QTest::newRow("fashion_mnist") << "fashion_mnist.json";
    // Block kinds from the resnet-blocks plugin, at the top level, as a
    // Repeat's body and as a Choice's alternatives.
    QTest::newRow("resnet_fashion") << "resnet_fashion.json";
}

void TestBuildExamples::buildFromAnEmptyCanvas()
{
    QFETCH(QString, file);
    const SearchSpace target = SpaceFile::load(widgettest::bundledSpacePath(file).toStdString());
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.newSpace();
    SpaceDocument* doc = window.document();
    QVERIFY(doc->space().blocks().empty());
    const std::string empty = widgettest::text(*doc);

    GuiBuilder(window).build(target);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(canonicalText(doc->space()), canonicalText(target));
    QVERIFY(doc->space().sameStructure(target));
    // Labels and the space's name and description too, which sameStructure ignores.
    for (const Block& b : target.blocks())
        QCOMPARE(doc->space().block(b.id)->name, b.name);

    // The whole build, undone to the empty space and redone, step by step.
    const std::string built = widgettest::text(*doc);
    const int steps = doc->undoStack()->count();
    QVERIFY(steps > static_cast<int>(target.blocks().size() + target.edges().size()));
    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    QCOMPARE(widgettest::text(*doc), empty);
    while (doc->undoStack()->canRedo())
        doc->undoStack()->redo();
    QCOMPARE(widgettest::text(*doc), built);
}

QTEST_MAIN(TestBuildExamples)
#include "tst_buildexamples.moc"
