#pragma once
// The ways into ONNX export in the desktop app: File > Export to ONNX… for
// the trial selected app-wide (enabled while a study is open and a trial
// selected), and "Export to ONNX…" in the trial context menus of the trials
// table, the Pareto view and the architecture view. Each opens an
// OnnxExportDialog for that trial.

#include <QObject>

#include <cstdint>

class QAction;
class QWidget;

namespace archscape {

class OnnxExportDialog;
class StudyWorkspace;

class OnnxExportActions : public QObject
{
    Q_OBJECT

public:
    // `window` parents the dialogs.
    OnnxExportActions(StudyWorkspace* studies, QWidget* window);

    QAction* fileAction() const { return fileAction_; }
    // Opens the dialog for a trial (by id) of the open study; null when
    // no study is open or the trial is not in it.
    OnnxExportDialog* openDialog(int64_t trialId);

private:
    void updateEnabled();

    StudyWorkspace* studies_;
    QWidget* window_;
    QAction* fileAction_;
};

} // namespace archscape
