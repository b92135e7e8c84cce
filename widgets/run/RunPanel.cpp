#include "RunPanel.h"

#include "BackgroundSearch.h"
#include "eval/EvaluatorRegistry.h"
#include "search/Objective.h"
#include "search/StrategyRegistry.h"
#include "study/StudySession.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace archscape {

namespace {

const char* const kDataKey = "runPanel/data";

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    if (seconds < 60)
        return RunPanel::tr("%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 3600)
        return RunPanel::tr("%1 min %2 s").arg(int(seconds) / 60).arg(int(seconds) % 60);
    return RunPanel::tr("%1 h %2 min").arg(int(seconds) / 3600).arg(int(seconds) / 60 % 60);
}

// The engine's phase names (SupernetTrainer, SupernetEvaluator,
// DartsSearch), here to be translated; a plugin's phase shows its own name.
const char* const kPhaseNames[] = {
    QT_TRANSLATE_NOOP("archscape::RunPanel", "training the supernet"),
    QT_TRANSLATE_NOOP("archscape::RunPanel", "timing the supernet's operations"),
    QT_TRANSLATE_NOOP("archscape::RunPanel", "searching with DARTS"),
};

QString phaseName(const std::string& name)
{
    for (const char* known : kPhaseNames)
        if (name == known)
            return RunPanel::tr(known);
    return QString::fromStdString(name);
}

QString joined(const std::vector<std::string>& parts)
{
    QStringList list;
    for (const auto& p : parts)
        list << QString::fromStdString(p);
    return list.join(QLatin1Char(','));
}

QComboBox* comboOf(const std::vector<std::string>& names, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    for (const auto& n : names)
        box->addItem(QString::fromStdString(n));
    return box;
}

} // namespace

RunPanel::RunPanel(QWidget* parent)
    : QWidget(parent), search_(new BackgroundSearch(this)),
      strategy_(comboOf(StrategyRegistry::names(), this)),
      evaluator_(comboOf(EvaluatorRegistry::names(), this)), objectives_(new QLineEdit(this)),
      constraints_(new QLineEdit(this)), budget_(new QSpinBox(this)), seed_(new QSpinBox(this)),
      workers_(new QSpinBox(this)), epochs_(new QSpinBox(this)), device_(new QComboBox(this)),
      data_(new QLineEdit(this)), start_(new QPushButton(tr("Start"), this)),
      pause_(new QPushButton(tr("Pause"), this)), resume_(new QPushButton(tr("Resume"), this)),
      stop_(new QPushButton(tr("Stop"), this)), progress_(new QProgressBar(this)),
      status_(new QLabel(this)), log_(new QPlainTextEdit(this))
{
    buildForm();
    connect(start_, &QPushButton::clicked, this, &RunPanel::start);
    connect(pause_, &QPushButton::clicked, this, &RunPanel::pause);
    connect(resume_, &QPushButton::clicked, this, &RunPanel::resume);
    connect(stop_, &QPushButton::clicked, this, &RunPanel::stop);
    connect(search_, &BackgroundSearch::progressed, this, &RunPanel::showProgress);
    connect(search_, &BackgroundSearch::logMessage, this, &RunPanel::appendLog);
    connect(search_, &BackgroundSearch::finished, this, &RunPanel::onFinished);
    setDevices({QStringLiteral("cpu")});
    updateButtons();
}

RunPanel::~RunPanel()
{
    search_->stopAndWait();
}

void RunPanel::buildForm()
{
    strategy_->setObjectName(QStringLiteral("strategy"));
    evaluator_->setObjectName(QStringLiteral("evaluator"));
    evaluator_->setCurrentText(QStringLiteral("nb201"));
    objectives_->setObjectName(QStringLiteral("objectives"));
    objectives_->setText(QStringLiteral("valid_acc:max,params:min"));
    objectives_->setToolTip(tr("Metrics with a direction, the first one leading: %1")
                                .arg(joined(knownMetricNames())));
    constraints_->setObjectName(QStringLiteral("constraints"));
    constraints_->setPlaceholderText(tr("none (e.g. params<=1e6,latency_ms<=20)"));
    budget_->setRange(1, 100000000);
    budget_->setValue(100);
    budget_->setSuffix(tr(" trials"));
    budget_->setGroupSeparatorShown(true);
    seed_->setRange(0, 2147483647);
    workers_->setRange(1, 256);
    epochs_->setRange(1, 1000);
    epochs_->setToolTip(tr("Epochs per trial for the training evaluators"));
    data_->setObjectName(QStringLiteral("data"));
    data_->setPlaceholderText(tr("nb201_cifar10.csv or a data set folder"));
    data_->setText(QSettings().value(QLatin1String(kDataKey)).toString());
    auto* browse = new QToolButton(this);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose the data file or folder"));
    connect(browse, &QToolButton::clicked, this, &RunPanel::browseData);
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(data_);
    dataRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Strategy"), strategy_);
    form->addRow(tr("Evaluator"), evaluator_);
    form->addRow(tr("Objectives"), objectives_);
    form->addRow(tr("Constraints"), constraints_);
    form->addRow(tr("Budget"), budget_);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Workers"), workers_);
    form->addRow(tr("Epochs"), epochs_);
    form->addRow(tr("Data"), dataRow);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {start_, pause_, resume_, stop_})
        buttons->addWidget(b);
    start_->setObjectName(QStringLiteral("start"));
    progress_->setObjectName(QStringLiteral("progress"));
    progress_->setFormat(QStringLiteral("%v / %m"));
    status_->setObjectName(QStringLiteral("runStatus"));
    status_->setWordWrap(true);
    log_->setObjectName(QStringLiteral("runLog"));
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(2000);
    log_->setPlaceholderText(tr("The search's log"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(log_, 1);
}

void RunPanel::setDevices(const QStringList& devices)
{
    const QString current = device_->currentText();
    device_->clear();
    device_->addItems(devices);
    if (device_->findText(current) >= 0)
        device_->setCurrentText(current);
}

void RunPanel::setSession(StudySession* session)
{
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        connect(session_, &StudySession::changed, this, &RunPanel::updateButtons);
        connect(session_, &QObject::destroyed, this, [this] { setSession(nullptr); });
        if (session_->settings())
            showSettings(*session_->settings());
        const int64_t done = session_->trialCount();
        progress_->setRange(0, int(session_->settings() ? session_->settings()->budget : budget_->value()));
        progress_->setValue(int(std::min<int64_t>(done, progress_->maximum())));
        status_->setText(tr("%1: %L2 trials stored.").arg(session_->name()).arg(done));
    } else {
        progress_->reset();
        status_->setText(tr("Open a study (File > Open) or create one from the space (File > New "
                            "Study…) to run a search."));
    }
    updateButtons();
}

void RunPanel::showSettings(const RunSettings& s)
{
    strategy_->setCurrentText(QString::fromStdString(s.strategy));
    evaluator_->setCurrentText(QString::fromStdString(s.evaluator));
    QStringList objectives, constraints;
    for (const auto& o : s.objectives)
        objectives << QString::fromStdString(o.toString());
    for (const auto& c : s.constraints)
        constraints << QString::fromStdString(c.toString());
    objectives_->setText(objectives.join(QLatin1Char(',')));
    constraints_->setText(constraints.join(QLatin1Char(',')));
    budget_->setValue(int(std::min<int64_t>(s.budget, budget_->maximum())));
    seed_->setValue(int(s.seed % uint64_t(seed_->maximum())));
    workers_->setValue(s.workers);
    epochs_->setValue(s.epochs);
    if (device_->findText(QString::fromStdString(s.device)) < 0)
        device_->addItem(QString::fromStdString(s.device));
    device_->setCurrentText(QString::fromStdString(s.device));
    data_->setText(QString::fromStdString(s.data));
}

std::optional<RunSettings> RunPanel::settingsFromForm(QString* error) const
{
    RunSettings s;
    s.strategy = strategy_->currentText().toStdString();
    s.evaluator = evaluator_->currentText().toStdString();
    try {
        s.objectives = Objective::parseList(objectives_->text().trimmed().toStdString());
    } catch (const std::invalid_argument& e) {
        if (error)
            *error = tr("Objectives: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    if (s.objectives.empty()) {
        if (error)
            *error = tr("Objectives: name at least one, e.g. valid_acc:max");
        return std::nullopt;
    }
    try {
        s.constraints = Constraint::parseList(constraints_->text().trimmed().toStdString());
    } catch (const std::invalid_argument& e) {
        if (error)
            *error = tr("Constraints: %1").arg(QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    s.budget = budget_->value();
    s.seed = uint64_t(seed_->value());
    s.workers = workers_->value();
    s.epochs = epochs_->value();
    s.device = device_->currentText().toStdString();
    s.data = data_->text().trimmed().toStdString();
    return s;
}

bool RunPanel::isRunning() const
{
    return search_->isRunning();
}

void RunPanel::start()
{
    if (!session_ || search_->isRunning())
        return;
    QString error;
    std::optional<RunSettings> settings = settingsFromForm(&error);
    if (!settings) {
        status_->setText(error);
        appendLog(error);
        return;
    }
    QSettings().setValue(QLatin1String(kDataKey), data_->text().trimmed());
    objectiveMetric_ = settings->objectives.front().metric;
    best_.reset();
    progress_->setRange(0, int(settings->budget));
    progress_->setValue(0);
    stopping_ = false;
    search_->start(session_->path(), settings);
    updateButtons();
}

void RunPanel::pause()
{
    if (!search_->isRunning())
        return;
    search_->setPaused(true);
    appendLog(tr("Paused: the trials in flight finish, nothing new is proposed."));
    updateButtons();
}

void RunPanel::resume()
{
    if (search_->isRunning()) {
        search_->setPaused(false);
        appendLog(tr("Resumed."));
    } else if (session_ && session_->settings()) {
        objectiveMetric_ = session_->settings()->objectives.front().metric;
        progress_->setRange(0, budget_->value());
        stopping_ = false;
        search_->start(session_->path(), std::nullopt, int64_t(budget_->value()));
    }
    updateButtons();
}

void RunPanel::stop()
{
    if (!search_->isRunning())
        return;
    search_->stop();
    stopping_ = true;
    appendLog(tr("Stopping after the trials in flight…"));
    updateButtons();
}

void RunPanel::updateButtons()
{
    const bool running = search_->isRunning();
    const bool paused = running && search_->isPaused();
    // Settings are stored when a search starts: from then on the study
    // resumes with them; only a study without trials takes new ones.
    const bool configured = session_ && session_->settings();
    const bool hasRun = configured && session_->trialCount() > 0;
    start_->setEnabled(session_ && !running && !hasRun);
    pause_->setEnabled(running && !paused);
    resume_->setEnabled(paused || (!running && configured));
    stop_->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*>{strategy_, evaluator_, objectives_,
                                                      constraints_, seed_, workers_, epochs_,
                                                      device_, data_})
        w->setEnabled(!running && !hasRun);
    budget_->setEnabled(!running);
}

void RunPanel::showPhase(const PhaseProgress& phase)
{
    if (!phase_ || phase_->name != phase.name) {
        if (phase_)
            endPhase();
        appendLog(tr("Started %1.").arg(phaseName(phase.name)));
        progress_->setFormat(QStringLiteral("%p %"));
    }
    phase_ = phase;
    progress_->setRange(0, int(std::clamp<int64_t>(phase.steps, 1, 2147483647)));
    progress_->setValue(int(std::min<int64_t>(phase.step, progress_->maximum())));
    const QString times = tr(" · elapsed %1 · ETA %2").arg(duration(phase.elapsedS), duration(phase.etaS));
    if (phase.epochs > 0)
        status_->setText(tr("%1: epoch %2 of %3, step %L4 of %L5")
                             .arg(phaseName(phase.name))
                             .arg(phase.epoch)
                             .arg(phase.epochs)
                             .arg(phase.step)
                             .arg(phase.steps)
                         + times);
    else
        status_->setText(tr("%1: step %L2 of %L3").arg(phaseName(phase.name)).arg(phase.step).arg(phase.steps)
                         + times);
}

void RunPanel::endPhase()
{
    // Not from the last step shown: the bar only sees every 50 ms.
    if (!stopping_)
        appendLog(tr("Finished %1 in %2.").arg(phaseName(phase_->name), duration(phase_->elapsedS)));
    else
        appendLog(tr("Stopped %1 at step %L2 of %L3.")
                      .arg(phaseName(phase_->name))
                      .arg(phase_->step)
                      .arg(phase_->steps));
    phase_.reset();
    progress_->setFormat(QStringLiteral("%v / %m"));
    const int64_t budget = session_ && session_->settings() ? session_->settings()->budget : budget_->value();
    progress_->setRange(0, int(std::min<int64_t>(budget, 2147483647)));
}

void RunPanel::showProgress(const RunProgress& p)
{
    if (p.phase) {
        showPhase(*p.phase);
        return;
    }
    if (phase_)
        endPhase();
    if (p.budget > 0 && p.budget != progress_->maximum())
        progress_->setRange(0, int(std::min<int64_t>(p.budget, 2147483647)));
    progress_->setValue(int(std::min<int64_t>(p.trials, progress_->maximum())));
    const QLocale locale;
    QString text = tr("%L1 trials done").arg(p.trials);
    if (p.failed > 0)
        text += tr(" (%L1 failed)").arg(p.failed);
    text += tr(" · elapsed %1 · ETA %2").arg(duration(p.elapsedS), duration(p.etaS));
    if (p.best) {
        text += tr(" · best %1 %2")
                    .arg(QString::fromStdString(objectiveMetric_), locale.toString(*p.best, 'g', 6));
        if (!best_ || *best_ != *p.best)
            appendLog(tr("Trial %L1: new best %2 %3")
                          .arg(p.trials)
                          .arg(QString::fromStdString(objectiveMetric_), locale.toString(*p.best, 'g', 6)));
        best_ = p.best;
    }
    status_->setText(text);
}

void RunPanel::onFinished(bool ok, const QString& summary)
{
    if (phase_)
        endPhase();
    appendLog(summary);
    if (!ok)
        status_->setText(summary);
    if (session_)
        session_->refresh();
    updateButtons();
    Q_EMIT searchFinished(ok);
}

void RunPanel::appendLog(const QString& text)
{
    log_->appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text));
}

void RunPanel::browseData()
{
    const QString start = data_->text().isEmpty() ? QString() : QFileInfo(data_->text()).absolutePath();
    const QString path = evaluator_->currentText() == QLatin1String("nb201")
                             ? QFileDialog::getOpenFileName(this, tr("NAS-Bench-201 Table"), start,
                                                            tr("CSV tables (*.csv);;All files (*)"))
                             : QFileDialog::getExistingDirectory(this, tr("Data Set Folder"), start);
    if (!path.isEmpty())
        data_->setText(path);
}

} // namespace archscape
