#pragma once
// The desktop app's main window: the canvas in the middle, docks for the
// block palette, the property editor and the validation messages, the File,
// Edit and View menus, and the live space size in the status bar. The layout
// and recent files persist in QSettings.

#include <QMainWindow>
#include <QString>
#include <QStringList>

class QLabel;
class QMenu;
class QDockWidget;

namespace archscape {

class BlockPalette;
class PropertyEditor;
class SpaceAnalysis;
class SpaceDocument;
class SpaceScene;
class SpaceView;
class StudyWorkspace;
class ValidationPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 8;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Where the bundled example spaces are (the Examples menu lists them).
    void setExamplesFolder(const QString& folder);
    QString examplesFolder() const { return examplesFolder_; }

    // Opens a space file; on failure shows the loader's message and keeps
    // the current document. An example opens as an untitled copy.
    bool openFile(const QString& path, bool asExample = false);
    // Opens a study file (.db): its space on the canvas, its trials in the
    // study docks. On failure shows why and keeps what was open.
    bool openStudy(const QString& path);
    // Creates a study file from the space on the canvas and opens it.
    bool createStudy(const QString& path);
    StudyWorkspace* studyWorkspace() const { return studies_; }
    bool saveTo(const QString& path);

    SpaceDocument* document() const { return document_; }
    SpaceScene* scene() const { return scene_; }
    SpaceView* view() const { return view_; }
    SpaceAnalysis* analysis() const { return analysis_; }
    BlockPalette* palette() const { return palette_; }
    PropertyEditor* propertyEditor() const { return properties_; }
    ValidationPanel* validationPanel() const { return validation_; }
    QString sizeText() const;

public Q_SLOTS:
    void newSpace();
    void open();
    void newStudy();
    // The canvas keeps the study's space; the study docks show their placeholders.
    void closeStudy();
    bool save();
    bool saveAs();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createDocks();
    void updateTitle();
    void updateSelection();
    void addRecentFile(const QString& path);
    void fillRecentMenu();
    void fillExamplesMenu();
    bool maybeSave();
    void showError(const QString& title, const QString& text);

    SpaceDocument* document_;
    SpaceAnalysis* analysis_;
    SpaceScene* scene_;
    SpaceView* view_;
    BlockPalette* palette_ = nullptr;
    PropertyEditor* properties_ = nullptr;
    ValidationPanel* validation_ = nullptr;
    QDockWidget* paletteDock_ = nullptr;
    QDockWidget* propertiesDock_ = nullptr;
    QDockWidget* validationDock_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* examplesMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QLabel* sizeLabel_ = nullptr;
    QString examplesFolder_;
    QString exampleName_; // set while the document is an unsaved copy of an example
    StudyWorkspace* studies_ = nullptr;
    QString studyPath_; // the open study, whose space the canvas shows a copy of
};

} // namespace archscape
