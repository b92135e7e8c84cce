#pragma once
// The export dialog for one trial of a study: where to write the ONNX file,
// the opset, batch norm kept or folded, and whether to check the file in
// onnxruntime. The export and the check run on a worker thread (the
// window stays responsive); the dialog then shows what was written, or
// why nothing was.

#include "export/ModelExport.h"
#include "export/OnnxRuntimeCheck.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QString>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace archscape {

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

    QLineEdit* pathEdit() const { return path_; }
    QSpinBox* opsetBox() const { return opset_; }
    QComboBox* batchNormBox() const { return batchNorm_; }
    QCheckBox* checkBox() const { return check_; }
    QPushButton* exportButton() const { return export_; }
    QLabel* resultLabel() const { return result_; }
    bool isRunning() const { return watcher_.isRunning(); }
    const Outcome& lastOutcome() const { return outcome_; }

    static QString defaultFileName(const QString& studyPath, int64_t trialNumber);

public Q_SLOTS:
    void startExport();

Q_SIGNALS:
    void exportFinished(bool written);

private:
    void browse();
    void setRunning(bool running);
    void showOutcome();
    QString reportText() const;
    QString checkText() const;

    QString studyPath_;
    int64_t trialNumber_;
    QString checkUnavailable_; // why onnxruntime cannot run, or empty
    QLineEdit* path_;
    QSpinBox* opset_;
    QComboBox* batchNorm_;
    QCheckBox* check_;
    QPushButton* export_;
    QProgressBar* busy_;
    QLabel* result_;
    QFutureWatcher<Outcome> watcher_;
    Outcome outcome_;
};

} // namespace archscape
