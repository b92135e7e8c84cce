#include "MainWindow.h"

#include "BlockPalette.h"
#include "BlockPalettePanel.h"
#include "PreferencesDialog.h"
#include "PluginsDialog.h"
#include "PropertyEditor.h"
#include "SpaceAnalysis.h"
#include "SpaceDocument.h"
#include "SpaceScene.h"
#include "SpaceView.h"
#include "ValidationPanel.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/Study.h"
#include "space/SpaceError.h"
#include "space/SpaceFile.h"

#ifdef ARCHSCAPE_WITH_ONNX_EXPORT
#include "export/OnnxExportActions.h"
#endif

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <exception>

namespace archscape {

namespace {

const char* const kGeometryKey = "mainWindow/geometry";
const char* const kStateKey = "mainWindow/state";
const char* const kRecentKey = "recentFiles";

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), document_(new SpaceDocument(this)),
      analysis_(new SpaceAnalysis(document_, this)), scene_(new SpaceScene(document_, this)),
      view_(new SpaceView(scene_, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setCentralWidget(view_);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createDocks();
    studies_ = new StudyWorkspace(this);
    createActions();
    viewMenu_->addSeparator();
    studies_->addViewActions(viewMenu_);

    sizeLabel_ = new QLabel(this);
    sizeLabel_->setObjectName(QStringLiteral("sizeLabel"));
    statusBar()->addPermanentWidget(sizeLabel_);

    connect(document_, &SpaceDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document_, &SpaceDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(document_, &SpaceDocument::spaceReset, this, &MainWindow::updateTitle);
    connect(scene_, &SpaceScene::selectionChanged, this, &MainWindow::updateSelection);
    connect(scene_, &SpaceScene::scopeChanged, this, &MainWindow::updateSelection);
    connect(scene_, &SpaceScene::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(analysis_, &SpaceAnalysis::problemsChanged, this,
            [this] { scene_->setProblems(analysis_->problems()); });
    connect(analysis_, &SpaceAnalysis::sizeChanged, this,
            [this] { sizeLabel_->setText(analysis_->sizeSummary()); });
    connect(validation_, &ValidationPanel::blockRequested, view_, &SpaceView::centreOnBlock);
    connect(palette_, &BlockPalette::kindActivated, this, [this](const QString& kindName) {
        scene_->addBlockAt(kindName.toStdString(),
                           view_->mapToScene(view_->viewport()->rect().center()));
        view_->setFocus();
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    updateTitle();
    sizeLabel_->setText(analysis_->sizeSummary());
}

MainWindow::~MainWindow()
{
    // The canvas before the document it shows.
    delete view_;
    delete scene_;
}

void MainWindow::createDocks()
{
    auto* palettePanel = new BlockPalettePanel(this);
    palette_ = palettePanel->palette();
    paletteDock_ = new QDockWidget(tr("Blocks"), this);
    paletteDock_->setObjectName(QStringLiteral("paletteDock"));
    paletteDock_->setWidget(palettePanel);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock_);

    properties_ = new PropertyEditor(document_, this);
    propertiesDock_ = new QDockWidget(tr("Properties"), this);
    propertiesDock_->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock_->setWidget(properties_);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock_);

    validation_ = new ValidationPanel(analysis_, this);
    validationDock_ = new QDockWidget(tr("Validation"), this);
    validationDock_->setObjectName(QStringLiteral("validationDock"));
    validationDock_->setWidget(validation_);
    addDockWidget(Qt::RightDockWidgetArea, validationDock_);
    resizeDocks({paletteDock_, propertiesDock_}, {190, 330}, Qt::Horizontal);
    resizeDocks({propertiesDock_, validationDock_}, {560, 220}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New"), this, &MainWindow::newSpace);
    newAction->setShortcut(QKeySequence::New);
    QAction* openAction = file->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    file->addAction(tr("New &Study…"), this, &MainWindow::newStudy);
    QAction* closeStudyAction = file->addAction(tr("&Close Study"), this, &MainWindow::closeStudy);
    closeStudyAction->setObjectName(QStringLiteral("closeStudyAction"));
    closeStudyAction->setEnabled(false);
    connect(studies_, &StudyWorkspace::sessionChanged, closeStudyAction,
            [closeStudyAction](StudySession* session) { closeStudyAction->setEnabled(session); });
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    examplesMenu_ = file->addMenu(tr("&Examples"));
    connect(examplesMenu_, &QMenu::aboutToShow, this, &MainWindow::fillExamplesMenu);
    file->addSeparator();
    QAction* saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction* saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
#ifdef ARCHSCAPE_WITH_ONNX_EXPORT
    auto* onnxExport = new OnnxExportActions(studies_, document_, this);
    file->addAction(onnxExport->fileAction());
    onnxExport->addCanvasMenu(view_);
#endif
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    // Canvas shortcuts only: Delete and Ctrl+A in a text field are the field's.
    QAction* remove = edit->addAction(tr("&Delete"), scene_, &SpaceScene::deleteSelection);
    remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view_->addAction(remove);
    struct CanvasAction { QString text; void (SpaceScene::*slot)(); QKeySequence keys; };
    for (const CanvasAction& a : {CanvasAction{tr("Cu&t"), &SpaceScene::cutSelection, QKeySequence::Cut},
                                  CanvasAction{tr("&Copy"), &SpaceScene::copySelection, QKeySequence::Copy},
                                  CanvasAction{tr("&Paste"), &SpaceScene::paste, QKeySequence::Paste},
                                  CanvasAction{tr("D&uplicate"), &SpaceScene::duplicateSelection,
                                               QKeySequence(Qt::CTRL | Qt::Key_D)}}) {
        QAction* action = edit->addAction(a.text, scene_, a.slot);
        action->setShortcut(a.keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view_->addAction(action);
    }
    QAction* selectAll = edit->addAction(tr("Select &All"), scene_, &SpaceScene::selectEverything);
    selectAll->setShortcut(QKeySequence::SelectAll);
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view_->addAction(selectAll);
    edit->addSeparator();
    QAction* preferences = edit->addAction(tr("Pr&eferences…"), this, [this] {
        auto* dialog = new PreferencesDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    QAction* fit = viewMenu_->addAction(tr("&Fit to View"), view_, &SpaceView::fitToView);
    fit->setShortcut(QKeySequence(Qt::Key_F));
    fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view_->addAction(fit);
    QAction* zoomIn = viewMenu_->addAction(tr("Zoom &In"), view_, &SpaceView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOut = viewMenu_->addAction(tr("Zoom &Out"), view_, &SpaceView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* snap = viewMenu_->addAction(tr("&Snap to Grid"));
    snap->setCheckable(true);
    snap->setChecked(scene_->snapToGrid());
    connect(snap, &QAction::toggled, scene_, &SpaceScene::setSnapToGrid);
    QAction* minimap = viewMenu_->addAction(tr("&Minimap"));
    minimap->setCheckable(true);
    minimap->setChecked(view_->isMinimapShown());
    connect(minimap, &QAction::toggled, view_, &SpaceView::setMinimapShown);
    viewMenu_->addSeparator();
    viewMenu_->addAction(paletteDock_->toggleViewAction());
    viewMenu_->addAction(propertiesDock_->toggleViewAction());
    viewMenu_->addAction(validationDock_->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Plugins…"), this, [this] {
        auto* dialog = new PluginsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::setExamplesFolder(const QString& folder)
{
    examplesFolder_ = folder;
}

QString MainWindow::sizeText() const
{
    return sizeLabel_->text();
}

void MainWindow::updateTitle()
{
    QString name;
    if (!document_->filePath().isEmpty())
        name = QFileInfo(document_->filePath()).fileName();
    else if (!exampleName_.isEmpty())
        name = tr("%1 (example)").arg(exampleName_);
    else if (!studyPath_.isEmpty())
        name = tr("%1 (study)").arg(QFileInfo(studyPath_).fileName());
    else
        name = tr("Untitled");
    setWindowTitle(tr("%1[*] — Archscape").arg(name));
    setWindowModified(document_->isModified());
}

void MainWindow::updateSelection()
{
    const QStringList ids = scene_->selectedBlockIds();
    if (ids.size() == 1)
        properties_->setBlock(ids.front());
    else if (ids.isEmpty() && !scene_->scope().isEmpty())
        properties_->setBlock(scene_->scope()); // inside a block: that block
    else
        properties_->setSelectionCount(static_cast<int>(ids.size()));
}

void MainWindow::showError(const QString& title, const QString& text)
{
    // Window-modal but not blocking: scripts and tests keep running.
    auto* box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MainWindow::openFile(const QString& path, bool asExample)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("db"), Qt::CaseInsensitive) == 0)
        return openStudy(path);
    SearchSpace space;
    try {
        space = SpaceFile::load(path.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Cannot open the search space"),
                  tr("The file %1 could not be opened.\n\n%2")
                      .arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what())));
        return false;
    }
    exampleName_ = asExample ? QString::fromStdString(space.name) : QString();
    if (exampleName_.isEmpty() && asExample)
        exampleName_ = QFileInfo(path).completeBaseName();
    document_->reset(std::move(space), asExample ? QString() : path);
    if (!asExample)
        addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Opened %1.").arg(QDir::toNativeSeparators(path)), 4000);
    // Once the window has its final size.
    QTimer::singleShot(0, view_, &SpaceView::fitToView);
    return true;
}

bool MainWindow::openStudy(const QString& path)
{
    try {
        studies_->open(path);
    } catch (const std::exception& e) {
        showError(tr("Cannot open the study"),
                  tr("The study %1 could not be opened.\n\n%2")
                      .arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what())));
        return false;
    }
    studyPath_ = path;
    exampleName_.clear();
    document_->reset(SearchSpace(studies_->session()->space()));
    studies_->raiseViews();
    addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Opened the study %1: %L2 trials.")
                                 .arg(QDir::toNativeSeparators(path))
                                 .arg(studies_->session()->trialCount()),
                             4000);
    QTimer::singleShot(0, view_, &SpaceView::fitToView);
    return true;
}

bool MainWindow::createStudy(const QString& path)
{
    try {
        const SearchSpace& space = document_->space();
        const std::string name = space.name.empty() ? QFileInfo(path).completeBaseName().toStdString()
                                                    : space.name;
        Study::create(path.toStdString(), space, name);
    } catch (const std::exception& e) {
        showError(tr("Cannot create the study"), QString::fromUtf8(e.what()));
        return false;
    }
    return openStudy(path);
}

void MainWindow::closeStudy()
{
    studies_->close();
    studyPath_.clear();
    updateTitle();
}

void MainWindow::newStudy()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("New Study from This Space"),
        QDir::home().filePath(QFileInfo(document_->filePath()).completeBaseName().isEmpty()
                                  ? tr("study.db")
                                  : QFileInfo(document_->filePath()).completeBaseName()
                                        + QStringLiteral(".db")),
        tr("Studies (*.db)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".db");
    createStudy(path);
}

bool MainWindow::saveTo(const QString& path)
{
    try {
        document_->saveAs(path);
    } catch (const std::exception& e) {
        showError(tr("Cannot save the search space"), QString::fromUtf8(e.what()));
        return false;
    }
    exampleName_.clear();
    addRecentFile(path);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void MainWindow::newSpace()
{
    if (!maybeSave())
        return;
    SearchSpace space;
    space.name = tr("Untitled").toStdString();
    exampleName_.clear();
    document_->reset(std::move(space));
    view_->fitToView();
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Search Space"), QFileInfo(document_->filePath()).absolutePath(),
        tr("Search spaces and studies (*.json *.db);;Search spaces (*.json);;Studies (*.db);;"
           "All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (document_->filePath().isEmpty())
        return saveAs();
    return saveTo(document_->filePath());
}

bool MainWindow::saveAs()
{
    QString suggestion = document_->filePath();
    if (suggestion.isEmpty())
        suggestion = QDir::home().filePath(
            (exampleName_.isEmpty() ? tr("space") : QFileInfo(exampleName_).baseName())
            + QStringLiteral(".json"));
    QString path = QFileDialog::getSaveFileName(this, tr("Save Search Space"), suggestion,
                                                tr("Search spaces (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveTo(path);
}

bool MainWindow::maybeSave()
{
    if (!document_->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("The search space has unsaved changes. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
}

void MainWindow::fillRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString& path : recent) {
        QAction* action = recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) {
        recentMenu_->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear List"), this,
                           [] { QSettings().remove(QLatin1String(kRecentKey)); });
}

void MainWindow::fillExamplesMenu()
{
    examplesMenu_->clear();
    const QDir dir(examplesFolder_);
    const QStringList files =
        examplesFolder_.isEmpty() ? QStringList()
                                  : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString path = dir.filePath(file);
        QString title = QFileInfo(file).completeBaseName();
        try {
            const SearchSpace space = SpaceFile::load(path.toStdString());
            if (!space.name.empty())
                title = QString::fromStdString(space.name);
        } catch (const std::exception&) {
            // Listed by file name; opening it shows the error.
        }
        examplesMenu_->addAction(title, this, [this, path] {
            if (maybeSave())
                openFile(path, true);
        });
    }
    if (files.isEmpty())
        examplesMenu_->addAction(tr("No examples found"))->setEnabled(false);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    event->accept();
}

} // namespace archscape
