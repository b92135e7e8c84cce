#pragma once
// The export dialog for one trial of a study, or for an architecture of a
// search space (no study needed: the space's default, a random one or a
// typed encoding, with freshly initialised weights): where to write the
// ONNX file, the opset, batch norm kept or folded, and whether to check the
// file in onnxruntime. The export and the check run on a worker thread (the
// window stays responsive); the dialog then shows what was written, or why
// nothing was.

#include "export/ModelExport.h"
#include "export/OnnxRuntimeCheck.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QString>

#include <cstdint>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace archscape {

class ArchitectureChooser;

class OnnxExportDialog : public QDialog
{
    Q_OBJECT

public:
    struct Outcome
    {
        QString error; // empty: the file was written
        ExportReport report;
        qint64 fileBytes = 0;
        bool checked = false; // the onnxruntime check ran to a result
        OnnxRuntimeComparison comparison;
        QString checkError;
    };

    // `studyPath` is opened again on the worker thread, with its own connection.
    OnnxExportDialog(const QString& studyPath, int64_t trialNumber, QWidget* parent = nullptr);
    // An architecture of `space`, untrained. `spacePath` (empty for an
    // unsaved space) places the suggested file beside it.
    OnnxExportDialog(const SearchSpace& space, const QString& spacePath, QWidget* parent = nullptr);

    QLineEdit* pathEdit() const { return path_; }
    QSpinBox* opsetBox() const { return opset_; }
    QComboBox* batchNormBox() const { return batchNorm_; }
    QCheckBox* checkBox() const { return check_; }
    QPushButton* exportButton() const { return export_; }
    QLabel* resultLabel() const { return result_; }
    // Space mode only (null for a trial).
    ArchitectureChooser* architectureChooser() const { return chooser_; }
    // From the click until the outcome is shown: the worker may finish
    // before the GUI thread hears of it.
    bool isRunning() const { return running_; }
    const Outcome& lastOutcome() const { return outcome_; }

    static QString defaultFileName(const QString& studyPath, int64_t trialNumber);
    static QString defaultFileName(const SearchSpace& space, const QString& spacePath);

public Q_SLOTS:
    void startExport();

Q_SIGNALS:
    void exportFinished(bool written);

private:
    QFormLayout* buildForm(const QString& path);
    bool canExport() const;
    void browse();
    void setRunning(bool running);
    void showOutcome();
    QString reportText() const;
    QString checkText() const;

    QString studyPath_;
    int64_t trialNumber_ = 0;
    ArchitectureChooser* chooser_ = nullptr;
    QString checkUnavailable_; // why onnxruntime cannot run, or empty
    QLineEdit* path_ = nullptr;
    QSpinBox* opset_ = nullptr;
    QComboBox* batchNorm_ = nullptr;
    QCheckBox* check_ = nullptr;
    QPushButton* export_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QLabel* result_ = nullptr;
    QFutureWatcher<Outcome> watcher_;
    bool running_ = false;
    Outcome outcome_;
};

} // namespace archscape
