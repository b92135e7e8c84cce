#include "OnnxExportDialog.h"

#include "ArchitectureChooser.h"
#include "study/Study.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <initializer_list>
#include <memory>
#include <stdexcept>

namespace archscape {

namespace {

// A trial of a study, or (with a codec) an architecture of a space.
struct ExportRequest
{
    QString studyPath;
    int64_t trialNumber = 0;
    std::shared_ptr<const ArchitectureCodec> codec;
    Architecture architecture;
    uint64_t seed = 0;
    QString path;
    OnnxExportOptions options;
    bool check = false;
};

// Runs on a worker thread: touches nothing of the dialog.
OnnxExportDialog::Outcome exportAndCheck(const ExportRequest& request)
{
    OnnxExportDialog::Outcome outcome;
    std::unique_ptr<Study> study;
    try {
        if (request.codec) {
            outcome.report =
                ModelExport::exportArchitecture(*request.codec, request.architecture, request.seed,
                                                request.path.toStdString(), request.options);
        } else {
            study = Study::open(request.studyPath.toStdString());
            outcome.report = ModelExport::exportTrial(*study, request.trialNumber,
                                                      request.path.toStdString(), request.options);
        }
        outcome.fileBytes = QFileInfo(request.path).size();
    } catch (const std::exception& e) {
        outcome.error = QString::fromUtf8(e.what());
        return outcome;
    }
    if (!request.check)
        return outcome;
    try {
        const QTemporaryDir scratch;
        if (!scratch.isValid())
            throw std::runtime_error(OnnxExportDialog::tr("cannot make a scratch folder: %1")
                                         .arg(scratch.errorString())
                                         .toStdString());
        const OnnxRuntimeCheck runtime = OnnxRuntimeCheck::fromEnvironment();
        outcome.comparison =
            request.codec
                ? runtime.compareArchitecture(*request.codec, request.architecture, request.seed,
                                              request.path.toStdString(),
                                              scratch.path().toStdString())
                : runtime.compareTrial(*study, request.trialNumber, 0, request.path.toStdString(),
                                       scratch.path().toStdString());
        outcome.checked = true;
    } catch (const std::exception& e) {
        outcome.checkError = QString::fromUtf8(e.what());
    }
    return outcome;
}

} // namespace

OnnxExportDialog::OnnxExportDialog(const QString& studyPath, int64_t trialNumber, QWidget* parent)
    : QDialog(parent), studyPath_(studyPath), trialNumber_(trialNumber)
{
    setWindowTitle(tr("Export Trial %1 to ONNX").arg(trialNumber));
    buildForm(defaultFileName(studyPath, trialNumber));
}

OnnxExportDialog::OnnxExportDialog(const SearchSpace& space, const QString& spacePath,
                                   QWidget* parent)
    : QDialog(parent)
{
    const QString name = QString::fromStdString(space.name);
    setWindowTitle(name.isEmpty() ? tr("Export an Architecture to ONNX")
                                  : tr("Export an Architecture of %1 to ONNX").arg(name));
    std::shared_ptr<const ArchitectureCodec> codec;
    QString spaceError;
    try {
        codec = std::make_shared<const ArchitectureCodec>(space);
        // A space that does not build says so now, not at the export.
        codec->network(codec->defaultArchitecture(), false);
    } catch (const std::exception& e) {
        codec.reset();
        spaceError = QString::fromUtf8(e.what());
    }
    chooser_ = new ArchitectureChooser(std::move(codec), spaceError, this);
    auto* weights = new QLabel(tr("<b>Weights: freshly initialised (untrained)</b>, drawn with the "
                                  "seed. For trained weights, run a search in a study and "
                                  "export one of its trials."),
                               this);
    weights->setObjectName(QStringLiteral("weightsNote"));
    weights->setWordWrap(true);
    QFormLayout* form = buildForm(defaultFileName(space, spacePath));
    form->insertRow(chooser_->insertRows(form, 0), weights);
    connect(chooser_, &ArchitectureChooser::architectureChanged, this,
            [this] { export_->setEnabled(canExport()); });
    export_->setEnabled(canExport());
}

QFormLayout* OnnxExportDialog::buildForm(const QString& path)
{
    checkUnavailable_ =
        QString::fromStdString(OnnxRuntimeCheck::fromEnvironment().unavailableReason());
    path_ = new QLineEdit(path, this);
    opset_ = new QSpinBox(this);
    batchNorm_ = new QComboBox(this);
    check_ = new QCheckBox(tr("Check with onnxruntime"), this);
    export_ = new QPushButton(tr("Export"), this);
    busy_ = new QProgressBar(this);
    result_ = new QLabel(this);
    setObjectName(QStringLiteral("onnxExportDialog"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    opset_->setRange(OnnxExportOptions::kMinOpset, OnnxExportOptions::kMaxOpset);
    opset_->setValue(OnnxExportOptions{}.opset);
    batchNorm_->addItem(tr("Keep (BatchNormalization nodes)"), int(BatchNormExport::Keep));
    batchNorm_->addItem(tr("Fold into the preceding convolution"), int(BatchNormExport::Fold));
    check_->setChecked(checkUnavailable_.isEmpty());
    check_->setEnabled(checkUnavailable_.isEmpty());
    check_->setToolTip(checkUnavailable_.isEmpty()
                           ? tr("Run the same input through LibTorch and onnxruntime and compare "
                                "(max abs difference at most 1e-5)")
                           : checkUnavailable_);

    auto* form = new QFormLayout;
    form->addRow(tr("Output file:"), pathRow);
    form->addRow(tr("Opset:"), opset_);
    form->addRow(tr("Batch norm:"), batchNorm_);
    form->addRow(QString(), check_);

    busy_->setRange(0, 0);
    busy_->setVisible(false);
    result_->setObjectName(QStringLiteral("exportResult"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_->setMinimumWidth(460);
    if (!checkUnavailable_.isEmpty())
        result_->setText(tr("onnxruntime check unavailable: %1").arg(checkUnavailable_));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    export_->setDefault(true);
    buttons->addButton(export_, QDialogButtonBox::ActionRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(busy_);
    layout->addWidget(result_);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &OnnxExportDialog::browse);
    connect(export_, &QPushButton::clicked, this, &OnnxExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &OnnxExportDialog::showOutcome);
    return form;
}

QString OnnxExportDialog::defaultFileName(const QString& studyPath, int64_t trialNumber)
{
    const QFileInfo study(studyPath);
    return study.dir().filePath(
        QStringLiteral("%1-trial-%2.onnx").arg(study.completeBaseName()).arg(trialNumber));
}

QString OnnxExportDialog::defaultFileName(const SearchSpace& space, const QString& spacePath)
{
    if (!spacePath.isEmpty()) {
        const QFileInfo file(spacePath);
        return file.dir().filePath(file.completeBaseName() + QStringLiteral(".onnx"));
    }
    QString name = QString::fromStdString(space.name).simplified();
    name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    return QDir::home().filePath((name.isEmpty() ? QStringLiteral("architecture") : name) +
                                 QStringLiteral(".onnx"));
}

bool OnnxExportDialog::canExport() const
{
    return !chooser_ || chooser_->architecture().has_value();
}

void OnnxExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to ONNX"), path_->text(),
                                                      tr("ONNX models (*.onnx)"));
    if (!path.isEmpty())
        path_->setText(QFileInfo(path).suffix().isEmpty() ? path + QStringLiteral(".onnx") : path);
}

void OnnxExportDialog::startExport()
{
    if (isRunning())
        return;
    const QString path = path_->text().trimmed();
    if (path.isEmpty()) {
        result_->setText(tr("Choose the file to write."));
        return;
    }
    ExportRequest request;
    request.studyPath = studyPath_;
    request.trialNumber = trialNumber_;
    if (chooser_) {
        if (!chooser_->architecture()) {
            outcome_ = Outcome{};
            outcome_.error = chooser_->error();
            result_->setText(tr("<b style='color:#b00020'>Nothing was written.</b> %1")
                                 .arg(outcome_.error.toHtmlEscaped()));
            Q_EMIT exportFinished(false);
            return;
        }
        request.codec = chooser_->codec();
        request.architecture = *chooser_->architecture();
        request.seed = chooser_->seed();
    }
    request.path = QFileInfo(path).absoluteFilePath();
    request.options.opset = opset_->value();
    request.options.batchNorm = BatchNormExport(batchNorm_->currentData().toInt());
    request.check = check_->isChecked();
    setRunning(true);
    result_->setText(request.check ? tr("Exporting, then checking with onnxruntime…")
                                   : tr("Exporting…"));
    watcher_.setFuture(QtConcurrent::run(exportAndCheck, request));
}

void OnnxExportDialog::setRunning(bool running)
{
    running_ = running;
    busy_->setVisible(running);
    for (QWidget* input : std::initializer_list<QWidget*>{path_, opset_, batchNorm_})
        input->setEnabled(!running);
    export_->setEnabled(!running && canExport());
    if (chooser_)
        chooser_->setEnabled(!running);
    check_->setEnabled(!running && checkUnavailable_.isEmpty());
}

void OnnxExportDialog::showOutcome()
{
    outcome_ = watcher_.result();
    setRunning(false);
    if (!outcome_.error.isEmpty()) {
        result_->setText(tr("<b style='color:#b00020'>Nothing was written.</b> %1")
                             .arg(outcome_.error.toHtmlEscaped()));
    } else {
        result_->setText(reportText() + checkText());
    }
    // The wrapped result takes more lines than the form left room for.
    adjustSize();
    Q_EMIT exportFinished(outcome_.error.isEmpty());
}

QString OnnxExportDialog::reportText() const
{
    const ExportReport& r = outcome_.report;
    QString weights;
    if (chooser_)
        weights = tr("freshly initialised weights (untrained, seed %1)").arg(chooser_->seed());
    else if (QString::fromStdString(r.weights).startsWith(QLatin1String("trained")))
        weights = tr("trained weights (stored with the trial)");
    else
        weights =
            tr("fresh weights, %1: the trial stored none").arg(QString::fromStdString(r.weights));
    QString text =
        tr("Wrote <b>%1</b> (%2).<br>%L3 parameters, %4; opset %5, batch norm %6.")
            .arg(QDir::toNativeSeparators(QString::fromStdString(r.path)).toHtmlEscaped(),
                 QLocale().formattedDataSize(outcome_.fileBytes))
            .arg(r.parameters)
            .arg(weights)
            .arg(r.opset)
            .arg(r.batchNorm == BatchNormExport::Fold ? tr("folded") : tr("kept"));
    if (r.parameters != r.engineParameters)
        text += tr(" (the engine counts %L1: folding merges batch norm into convolutions)")
                    .arg(r.engineParameters);
    if (chooser_)
        text += tr("<br>Architecture: %1")
                    .arg(r.encoding.empty() ? tr("(the space has no choices)")
                                            : QString::fromStdString(r.encoding).toHtmlEscaped());
    return text;
}

QString OnnxExportDialog::checkText() const
{
    if (!outcome_.checkError.isEmpty())
        return tr("<br><b style='color:#b00020'>The onnxruntime check failed:</b> %1")
            .arg(outcome_.checkError.toHtmlEscaped());
    if (!outcome_.checked)
        return {};
    const OnnxRuntimeComparison& c = outcome_.comparison;
    return tr("<br>onnxruntime against LibTorch on a batch of %1: max abs difference %2 "
              "(limit %3): %4")
        .arg(c.inputDims.empty() ? 0 : c.inputDims.front())
        .arg(c.maxAbsDifference, 0, 'g', 3)
        .arg(OnnxRuntimeComparison::kTolerance, 0, 'g', 1)
        .arg(c.passed() ? tr("<b style='color:#1b7f3b'>passed</b>")
                        : tr("<b style='color:#b00020'>FAILED</b>"));
}

} // namespace archscape
