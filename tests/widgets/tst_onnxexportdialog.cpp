// ONNX export from the desktop app: a study with one trained trial (the
// "train" evaluator on the first 600 Fashion-MNIST images, weights stored)
// and one without weights, opened in the main window. File > Export to
// ONNX… and the "Export to ONNX…" context menus of the trials table, the
// Pareto view and the architecture view open the export dialog; the export
// runs off the GUI thread and writes a file whose metadata names the trial,
// and onnxruntime (onnxruntime-node) gives LibTorch's outputs within 1e-5.
// An unwritable path gives an error and no file. With a space open and no
// trial selected, the dialog exports an architecture of the space (its
// default, a random one, a typed encoding) with fresh weights; a bad
// encoding is refused with the engine's message and writes nothing.
// Without Node.js or onnxruntime-node the test fails, naming the fix.

#include "MainWindow.h"
#include "SpaceView.h"
#include "TrialSelection.h"
#include "cost/NetworkCost.h"
#include "export/ArchitectureChooser.h"
#include "export/OnnxExportDialog.h"
#include "export/OnnxModelSummary.h"
#include "export/OnnxRuntimeCheck.h"
#include "inspect/ArchitectureView.h"
#include "inspect/ParetoView.h"
#include "inspect/QCustomPlotSupport.h"
#include "space/ArchitectureSampler.h"
#include "space/SpaceFile.h"
#include "storage/StudyStorage.h"
#include "study/Study.h"
#include "study/StudySearch.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/TrialTableModel.h"
#include "study/TrialsPanel.h"
#include "torch/TrainEvaluator.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <random>
#include <utility>

#include <zlib.h>

using namespace archscape;

namespace {

// The first `count` records of one of Fashion-MNIST's gzip'd IDX files,
// written plain into `folder`: a trial trains and is tested on a few hundred
// real images in a second or two, not on 70,000.
bool writeIdxPrefix(const QString& folder, const QString& name, uint32_t count)
{
    const QString source = QStringLiteral("/usr/share/datasets/fashion-mnist/%1.gz").arg(name);
    gzFile in = gzopen(source.toLocal8Bit().constData(), "rb");
    if (!in)
        return false;
    unsigned char header[4 + 3 * 4] = {};
    bool ok = gzread(in, header, 4) == 4;
    const int dims = header[3];
    ok = ok && dims >= 1 && dims <= 3 && gzread(in, header + 4, unsigned(4 * dims)) == 4 * dims;
    uint64_t recordBytes = 1;
    for (int d = 1; d < dims; ++d)
        recordBytes *= (uint32_t(header[4 + 4 * d]) << 24) | (uint32_t(header[5 + 4 * d]) << 16) |
                       (uint32_t(header[6 + 4 * d]) << 8) | header[7 + 4 * d];
    for (int shift = 24, i = 4; shift >= 0; shift -= 8, ++i)
        header[i] = (unsigned char)(count >> shift);
    QByteArray records(qsizetype(recordBytes * count), Qt::Uninitialized);
    ok = ok && gzread(in, records.data(), unsigned(records.size())) == records.size();
    gzclose(in);
    QFile out(QDir(folder).filePath(name));
    return ok && out.open(QIODevice::WriteOnly) &&
           out.write(reinterpret_cast<const char*>(header), 4 + 4 * dims) == 4 + 4 * dims &&
           out.write(records) == records.size();
}

} // namespace

class TestOnnxExportDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString studyPath_;
    int64_t trainedId_ = 0; // trial 0, with stored weights
    int64_t freshId_ = 0;   // trial 1, none

    // The open export dialog for a trial (closed ones wait for deletion).
    static OnnxExportDialog* openDialogFor(QWidget* window, int64_t trialNumber)
    {
        for (OnnxExportDialog* d : window->findChildren<OnnxExportDialog*>())
            if (d->isVisible() &&
                d->windowTitle() == QStringLiteral("Export Trial %1 to ONNX").arg(trialNumber))
                return d;
        return nullptr;
    }

    // Right-clicks `widget` at `pos` and picks "Export to ONNX…".
    static bool chooseExportFromContextMenu(QWidget* widget, QPoint pos)
    {
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, widget->mapToGlobal(pos));
        QApplication::sendEvent(widget, &event);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return false;
        auto* action = menu->findChild<QAction*>(QStringLiteral("exportOnnxAction"));
        if (!action)
            return false;
        action->trigger();
        menu->close();
        return true;
    }

    // The open export dialog for an architecture of the space on the canvas.
    static OnnxExportDialog* openSpaceDialog(QWidget* window)
    {
        for (OnnxExportDialog* d : window->findChildren<OnnxExportDialog*>())
            if (d->isVisible() && d->architectureChooser())
                return d;
        return nullptr;
    }

    static QString fashionSpacePath()
    {
        return qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") +
               "/resources/spaces/fashion_mnist.json";
    }

    // Exports what the dialog shows and checks the file against the engine:
    // onnxruntime agrees with LibTorch, the parameter count is NetworkCost's,
    // the metadata names the architecture and fresh weights under `seed`.
    void verifyArchitectureExport(OnnxExportDialog* dialog, const ArchitectureCodec& codec,
                                  const Architecture& arch, int seed, const QString& model)
    {
        dialog->architectureChooser()->seedBox()->setValue(seed);
        dialog->pathEdit()->setText(model);
        QVERIFY(dialog->checkBox()->isChecked());
        QVERIFY(runExport(dialog));
        const OnnxExportDialog::Outcome& outcome = dialog->lastOutcome();
        QVERIFY(outcome.checked);
        QVERIFY2(outcome.comparison.passed(),
                 qPrintable(QString::number(outcome.comparison.maxAbsDifference)));
        QCOMPARE(outcome.comparison.outputDims, (std::vector<int64_t>{2, 10}));
        const int64_t engineParams = NetworkCost::of(codec.network(arch)).params;
        QVERIFY(engineParams > 1000);
        QCOMPARE(outcome.report.parameters, engineParams);
        const OnnxModelSummary summary = OnnxModelSummary::ofFile(model.toStdString());
        QCOMPARE(summary.parameters, engineParams);
        QCOMPARE(summary.metadata.at("architecture"), codec.encode(arch));
        QCOMPARE(summary.metadata.at("weights"), "initialised (seed " + std::to_string(seed) + ")");
        QVERIFY(summary.metadata.find("trial") == summary.metadata.end());
        const QString shown = dialog->resultLabel()->text();
        QVERIFY2(shown.contains("passed") && shown.contains("untrained") &&
                     shown.contains(QFileInfo(model).fileName()),
                 qPrintable(shown));
    }

    static bool runExport(OnnxExportDialog* dialog)
    {
        QSignalSpy finished(dialog, &OnnxExportDialog::exportFinished);
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
        if (!dialog->isRunning())
            return false;
        if (finished.isEmpty() && !finished.wait(60000))
            return false;
        return finished.first().first().toBool();
    }

    void openStudy(MainWindow& window)
    {
        QVERIFY(window.openStudy(studyPath_));
        StudySession* session = window.studyWorkspace()->session();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isLoading(), 10000);
        QTRY_COMPARE(window.studyWorkspace()->paretoView()->plottedCount(), 2);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const OnnxRuntimeCheck runtime = OnnxRuntimeCheck::fromEnvironment();
        QVERIFY2(runtime.available(), runtime.unavailableReason().c_str());

        studyPath_ = dir_.filePath(QStringLiteral("fashion.db"));
        const SearchSpace space = SpaceFile::load(
            (qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/resources/spaces/fashion_mnist.json")
                .toStdString());
        std::unique_ptr<Study> study =
            Study::create(studyPath_.toStdString(), space, "dialog test");
        RunSettings settings;
        settings.strategy = "random";
        settings.evaluator = "train";
        settings.objectives = {{"valid_acc", true}, {"params", false}};
        settings.budget = 1;
        settings.seed = 5;
        const QString data = dir_.filePath(QStringLiteral("fashion-mnist"));
        QVERIFY(QDir().mkpath(data));
        for (const auto& [part, count] : {std::pair{"train", 600u}, std::pair{"t10k", 200u}})
            for (const char* kind : {"images-idx3-ubyte", "labels-idx1-ubyte"})
                QVERIFY2(writeIdxPrefix(data, QStringLiteral("%1-%2").arg(part, kind), count),
                         "cannot read Fashion-MNIST: install the dataset-fashion-mnist package");
        settings.data = data.toStdString();
        settings.options = {{"validation_fraction", 0.2}};
        study->saveSettings(settings);
        registerTrainEvaluator();
        StudySearch search(*study);
        search.runner().run();

        std::vector<TrialRecord> trials = study->storage().trials();
        QCOMPARE(trials.size(), size_t(1));
        QCOMPARE(trials[0].state, TrialState::Complete);
        QVERIFY(study->storage().artifact(trials[0].id, "weights"));
        trainedId_ = trials[0].id;

        TrialRecord fresh;
        fresh.number = 1;
        fresh.encoding = trials[0].encoding;
        fresh.archHash = trials[0].archHash;
        fresh.state = TrialState::Queued;
        study->storage().addTrial(fresh);
        study->storage().finishTrial(fresh.id, TrialState::Complete,
                                     {{"valid_acc", 10.0}, {"params", 1.0}}, {}, "", 1);
        freshId_ = fresh.id;
    }

    void fileMenuExportsTheSelectedTrainedTrial()
    {
        MainWindow window;
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("exportOnnxAction"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled()); // no study
        openStudy(window);
        // No trial selected: the action exports an architecture of the study's space.
        QVERIFY(action->isEnabled());
        window.studyWorkspace()->selection()->select(trainedId_);
        QVERIFY(action->isEnabled());
        action->trigger();

        OnnxExportDialog* dialog = openDialogFor(&window, 0);
        QVERIFY(dialog);
        QCOMPARE(dialog->pathEdit()->text(), QDir(dir_.path()).filePath("fashion-trial-0.onnx"));
        QVERIFY(dialog->checkBox()->isChecked());
        const QString model = dir_.filePath(QStringLiteral("trained.onnx"));
        dialog->pathEdit()->setText(model);
        dialog->opsetBox()->setValue(14);
        QVERIFY(runExport(dialog));

        QVERIFY(QFile::exists(model));
        const OnnxModelSummary summary = OnnxModelSummary::ofFile(model.toStdString());
        QCOMPARE(summary.opset, int64_t(14));
        QCOMPARE(summary.metadata.at("trial"), std::string("0"));
        QCOMPARE(summary.metadata.at("study"), std::string("dialog test"));
        QCOMPARE(summary.metadata.at("weights"), std::string("trained (trial 0)"));
        const OnnxExportDialog::Outcome& outcome = dialog->lastOutcome();
        QVERIFY(outcome.checked);
        QVERIFY2(outcome.comparison.passed(),
                 qPrintable(QString::number(outcome.comparison.maxAbsDifference)));
        QCOMPARE(outcome.comparison.outputDims, (std::vector<int64_t>{2, 10}));
        QCOMPARE(outcome.fileBytes, QFileInfo(model).size());
        QCOMPARE(outcome.report.parameters, outcome.report.engineParameters);
        const QString shown = dialog->resultLabel()->text();
        QVERIFY2(shown.contains("passed") && shown.contains("trained weights") &&
                     shown.contains("trained.onnx"),
                 qPrintable(shown));
        // scripts/screenshots.sh saves the dialog for docs/export.md.
        const QString shots = qEnvironmentVariable("ARCHSCAPE_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(dialog->grab().save(QDir(shots).filePath("export-dialog.png")));
    }

    void contextMenusOpenTheDialogForTheirTrial()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        openStudy(window);
        StudyWorkspace* studies = window.studyWorkspace();

        // Trials table: trial 1 (no stored weights), folded, checked.
        TrialsPanel* trials = studies->trialsPanel();
        const int row = trials->model()->rowOfTrial(freshId_);
        QVERIFY(row >= 0);
        QTableView* table = trials->table();
        const QRect cell = table->visualRect(trials->model()->index(row, 0));
        QVERIFY(chooseExportFromContextMenu(table->viewport(), cell.center()));
        QCOMPARE(studies->selection()->current(), freshId_);
        OnnxExportDialog* dialog = openDialogFor(&window, 1);
        QVERIFY(dialog);
        const QString model = dir_.filePath(QStringLiteral("fresh.onnx"));
        dialog->pathEdit()->setText(model);
        dialog->batchNormBox()->setCurrentIndex(1); // fold
        QVERIFY(runExport(dialog));
        const OnnxModelSummary summary = OnnxModelSummary::ofFile(model.toStdString());
        QCOMPARE(summary.metadata.at("trial"), std::string("1"));
        QCOMPARE(summary.metadata.at("batch_norm"), std::string("fold"));
        QVERIFY(QString::fromStdString(summary.metadata.at("weights")).startsWith("initialised"));
        QVERIFY(dialog->lastOutcome().comparison.passed());
        QVERIFY(dialog->resultLabel()->text().contains("fresh weights"));
        dialog->close();

        // Pareto view: the trained trial's point.
        ParetoView* pareto = studies->paretoView();
        pareto->plot()->replot();
        const QPoint point = pareto->pixelOfTrial(trainedId_);
        QVERIFY(!point.isNull());
        QVERIFY(chooseExportFromContextMenu(pareto->plot(), point));
        QCOMPARE(studies->selection()->current(), trainedId_);
        QVERIFY(openDialogFor(&window, 0));
        openDialogFor(&window, 0)->close();

        // Architecture view: the trial it shows (the selected one).
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("architectureDock"));
        dock->show();
        dock->raise();
        QGraphicsView* pane = nullptr; // the one shown; the compare pane is hidden
        for (QGraphicsView* view : studies->architectureView()->findChildren<QGraphicsView*>())
            if (view->isVisible())
                pane = view;
        QVERIFY(pane);
        QCOMPARE(studies->architectureView()->shownTrial(), trainedId_);
        QVERIFY(chooseExportFromContextMenu(pane->viewport(), pane->viewport()->rect().center()));
        QVERIFY(openDialogFor(&window, 0));
    }

    void aSpaceWithoutAStudyExportsItsDefaultAndATypedEncoding()
    {
        MainWindow window;
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("exportOnnxAction"));
        QVERIFY(!action->isEnabled()); // an empty space
        QVERIFY(window.openFile(fashionSpacePath(), true));
        QVERIFY(!window.studyWorkspace()->session());
        QVERIFY(action->isEnabled());
        action->trigger();
        OnnxExportDialog* dialog = openSpaceDialog(&window);
        QVERIFY(dialog);
        ArchitectureChooser* chooser = dialog->architectureChooser();
        const ArchitectureCodec codec(SpaceFile::load(fashionSpacePath().toStdString()));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("weightsNote"))
                    ->text()
                    .contains("freshly initialised (untrained)"));

        // The default, as the dialog opens.
        QCOMPARE(chooser->source(), ArchitectureChooser::Source::Default);
        const Architecture defaults = codec.defaultArchitecture();
        QCOMPARE(chooser->encodingEdit()->text().toStdString(), codec.encode(defaults));
        QVERIFY(chooser->encodingEdit()->isReadOnly());
        verifyArchitectureExport(dialog, codec, defaults, 0, dir_.filePath("default.onnx"));
        // scripts/screenshots.sh saves the dialog for docs/export.md.
        const QString shots = qEnvironmentVariable("ARCHSCAPE_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(dialog->grab().save(QDir(shots).filePath("export-dialog-space.png")));

        // Random: drawn with the seed as `archscape-cli export --arch random` draws it.
        chooser->setSource(ArchitectureChooser::Source::Random);
        chooser->seedBox()->setValue(11);
        std::mt19937_64 rng(11);
        QCOMPARE(chooser->encodingEdit()->text().toStdString(),
                 codec.encode(ArchitectureSampler(codec).sample(rng)));

        // A typed encoding, other than the default.
        Architecture other = defaults;
        for (uint64_t seed = 1; codec.encode(other) == codec.encode(defaults); ++seed) {
            std::mt19937_64 draw(seed);
            other = ArchitectureSampler(codec).sample(draw);
        }
        chooser->setSource(ArchitectureChooser::Source::Typed);
        QVERIFY(!chooser->encodingEdit()->isReadOnly());
        chooser->encodingEdit()->clear();
        QTest::keyClicks(chooser->encodingEdit(), QString::fromStdString(codec.encode(other)));
        QVERIFY2(chooser->architecture(), qPrintable(chooser->error()));
        QVERIFY(dialog->exportButton()->isEnabled());
        verifyArchitectureExport(dialog, codec, other, 7, dir_.filePath("typed.onnx"));
    }

    void aBadEncodingIsRefusedWithTheEnginesMessage()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(fashionSpacePath(), true));
        // From the canvas's right-click menu this time.
        QWidget* canvas = window.view()->viewport();
        QContextMenuEvent event(QContextMenuEvent::Mouse, canvas->rect().center(),
                                canvas->mapToGlobal(canvas->rect().center()));
        QApplication::sendEvent(canvas, &event);
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 1);
        QAction* fromCanvas = menu->actions().front();
        QCOMPARE(fromCanvas->objectName(), QStringLiteral("exportSpaceOnnxAction"));
        QVERIFY(fromCanvas->isEnabled());
        fromCanvas->trigger();
        menu->close();
        OnnxExportDialog* dialog = openSpaceDialog(&window);
        QVERIFY(dialog);
        ArchitectureChooser* chooser = dialog->architectureChooser();
        chooser->setSource(ArchitectureChooser::Source::Typed);
        chooser->encodingEdit()->clear();
        const QString bad = QStringLiteral("no_such_decision=3");
        QTest::keyClicks(chooser->encodingEdit(), bad);

        const ArchitectureCodec codec(SpaceFile::load(fashionSpacePath().toStdString()));
        QString engineMessage;
        try {
            codec.decode(bad.toStdString());
        } catch (const std::exception& e) {
            engineMessage = QString::fromUtf8(e.what());
        }
        QVERIFY(!engineMessage.isEmpty());
        QVERIFY(!chooser->architecture());
        QCOMPARE(chooser->error(), engineMessage);
        QVERIFY2(chooser->messageLabel()->text().contains(engineMessage.toHtmlEscaped()),
                 qPrintable(chooser->messageLabel()->text()));
        QVERIFY(!dialog->exportButton()->isEnabled());

        // Even when asked (Enter in a field), nothing is written.
        const QString model = dir_.filePath(QStringLiteral("bad.onnx"));
        dialog->pathEdit()->setText(model);
        QSignalSpy finished(dialog, &OnnxExportDialog::exportFinished);
        dialog->startExport();
        QVERIFY(!dialog->isRunning());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(dialog->lastOutcome().error, engineMessage);
        QVERIFY(dialog->resultLabel()->text().contains("Nothing was written"));
        QVERIFY(!QFile::exists(model));
    }

    void unwritablePathShowsTheErrorAndLeavesNoFile()
    {
        MainWindow window;
        openStudy(window);
        window.studyWorkspace()->selection()->select(trainedId_);
        window.findChild<QAction*>(QStringLiteral("exportOnnxAction"))->trigger();
        OnnxExportDialog* dialog = openDialogFor(&window, 0);
        QVERIFY(dialog);
        // A folder that is a file: unwritable for anyone, root included.
        const QString blocker = dir_.filePath(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString model = blocker + QStringLiteral("/model.onnx");
        dialog->pathEdit()->setText(model);
        QVERIFY(!runExport(dialog));
        QVERIFY(!QFile::exists(model));
        QVERIFY(!dialog->lastOutcome().error.isEmpty());
        const QString shown = dialog->resultLabel()->text();
        QVERIFY2(shown.contains("Nothing was written") && shown.contains("not-a-folder"),
                 qPrintable(shown));
        QVERIFY(dialog->exportButton()->isEnabled()); // the user can fix the path and retry
        const QStringList leftovers =
            QDir(dir_.path()).entryList({QStringLiteral("*.part*")}, QDir::Files);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(", ")));
    }
};

QTEST_MAIN(TestOnnxExportDialog)
#include "tst_onnxexportdialog.moc"
