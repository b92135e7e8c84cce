#pragma once
// The ways into ONNX export in the desktop app: File > Export to ONNX… for
// the trial selected app-wide, or, with no trial selected, for an
// architecture of the space on the canvas (enabled while either is there);
// and "Export to ONNX…" in the trial context menus of the trials table, the
// Pareto view and the architecture view; "Export this space's architecture
// to ONNX…" in the canvas's right-click menu. Each opens an OnnxExportDialog.

#include <QObject>

#include <cstdint>

class QAbstractScrollArea;
class QAction;
class QWidget;

namespace archscape {

class OnnxExportDialog;
class SpaceDocument;
class StudyWorkspace;

class OnnxExportActions : public QObject
{
    Q_OBJECT

public:
    // `window` parents the dialogs.
    OnnxExportActions(StudyWorkspace* studies, SpaceDocument* space, QWidget* window);

    QAction* fileAction() const { return fileAction_; }
    QAction* spaceAction() const { return spaceAction_; }
    // Gives `canvas` a right-click menu holding spaceAction().
    void addCanvasMenu(QAbstractScrollArea* canvas);
    // Opens the dialog for a trial (by id) of the open study; null when
    // no study is open or the trial is not in it.
    OnnxExportDialog* openDialog(int64_t trialId);
    // Opens the dialog for an architecture of the space on the canvas.
    OnnxExportDialog* openSpaceDialog();

private:
    bool hasSelectedTrial() const;
    void updateEnabled();

    StudyWorkspace* studies_;
    SpaceDocument* space_;
    QWidget* window_;
    QAction* fileAction_;
    QAction* spaceAction_;
};

} // namespace archscape
