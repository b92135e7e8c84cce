#include "BackgroundSearch.h"

#include "study/Study.h"
#include "study/StudySearch.h"

#include <QMetaObject>

#include <chrono>
#include <exception>
#include <stdexcept>

namespace archscape {

namespace {

double now()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

QString outcomeText(SearchRunner::Outcome outcome, const RunProgress& p)
{
    switch (outcome) {
    case SearchRunner::Outcome::BudgetReached:
        return BackgroundSearch::tr("Done: %L1 trials in %2 s.").arg(p.trials).arg(p.elapsedS, 0, 'f', 1);
    case SearchRunner::Outcome::Stopped:
        return BackgroundSearch::tr("Stopped after %L1 trials; Resume continues it.").arg(p.trials);
    case SearchRunner::Outcome::Exhausted:
        return BackgroundSearch::tr("The strategy has nothing left to propose after %L1 trials.")
            .arg(p.trials);
    }
    return {};
}

} // namespace

BackgroundSearch::BackgroundSearch(QObject* parent) : QObject(parent) {}

BackgroundSearch::~BackgroundSearch()
{
    stopAndWait();
}

void BackgroundSearch::join()
{
    if (thread_.joinable())
        thread_.join();
}

void BackgroundSearch::start(const QString& studyPath, std::optional<RunSettings> settings,
                             std::optional<int64_t> budget)
{
    if (running_)
        return;
    join(); // the last run's thread has ended: it cleared running_
    running_ = true;
    paused_ = false;
    stopRequested_ = false;
    latest_ = RunProgress();
    lastPostS_ = 0.0;
    thread_ = std::thread(&BackgroundSearch::run, this, studyPath.toStdString(),
                          std::move(settings), budget);
}

void BackgroundSearch::setPaused(bool paused)
{
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = paused;
    if (runner_)
        runner_->setPaused(paused);
}

void BackgroundSearch::stop()
{
    std::lock_guard<std::mutex> lock(mutex_);
    stopRequested_ = true;
    if (runner_)
        runner_->requestStop();
}

void BackgroundSearch::stopAndWait()
{
    stop();
    join();
}

// The search thread: everything here touches only its own study connection.
void BackgroundSearch::run(std::string path, std::optional<RunSettings> settings,
                           std::optional<int64_t> budget)
{
    auto finish = [this](bool ok, const QString& summary) {
        running_ = false;
        QMetaObject::invokeMethod(
            this, [this, ok, summary] { Q_EMIT finished(ok, summary); }, Qt::QueuedConnection);
    };
    auto log = [this](const QString& text) {
        QMetaObject::invokeMethod(
            this, [this, text] { Q_EMIT logMessage(text); }, Qt::QueuedConnection);
    };
    try {
        std::unique_ptr<Study> study = Study::open(path);
        std::unique_ptr<Evaluator> evaluator;
        if (settings) {
            if (study->settings() && study->storage().trialCount() > 0)
                throw std::invalid_argument(tr("this study has run already; Resume continues it, "
                                               "or create a new study for other settings")
                                                .toStdString());
            evaluator = StudySearch::check(*settings, study->codec());
            study->saveSettings(*settings);
        } else if (!study->settings()) {
            throw std::invalid_argument(tr("this study has not run yet: Start it first").toStdString());
        } else if (budget && *budget != study->settings()->budget) {
            RunSettings raised = *study->settings();
            raised.budget = *budget;
            study->saveSettings(raised);
        }
        StudySearch search(*study, std::move(evaluator));
        const RunSettings& s = *study->settings();
        log(tr("%1 search with the %2 evaluator, %L3 trials, seed %4, %5 worker(s) on %6.")
                .arg(QString::fromStdString(s.strategy), QString::fromStdString(s.evaluator))
                .arg(s.budget)
                .arg(s.seed)
                .arg(s.workers)
                .arg(QString::fromStdString(s.device)));
        SearchRunner& runner = search.runner();
        runner.setProgressCallback([this](const RunProgress& p) { post(p); });
        {
            std::lock_guard<std::mutex> lock(mutex_);
            runner_ = &runner;
            if (stopRequested_)
                runner.requestStop();
            runner.setPaused(paused_);
        }
        SearchRunner::Outcome outcome;
        try {
            outcome = runner.run();
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            runner_ = nullptr;
            throw;
        }
        RunProgress last;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            runner_ = nullptr;
            last = latest_;
        }
        if (runner.requeuedAtStart() > 0)
            log(tr("%1 trial(s) left running by an interrupted run were queued again.")
                    .arg(runner.requeuedAtStart()));
        QMetaObject::invokeMethod(
            this, [this, last] { Q_EMIT progressed(last); }, Qt::QueuedConnection);
        finish(true, outcomeText(outcome, last));
    } catch (const std::exception& e) {
        finish(false, tr("The search could not run: %1").arg(QString::fromUtf8(e.what())));
    }
}

// At most one progress report waits in the GUI's queue, and at most one
// every kProgressIntervalMs: a tabular search finishes thousands of trials
// a second, and the GUI only needs the latest.
void BackgroundSearch::post(const RunProgress& progress)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        latest_ = progress;
    }
    const double t = now();
    if (t - lastPostS_ < kProgressIntervalMs / 1000.0 || progressPosted_.exchange(true))
        return;
    lastPostS_ = t;
    QMetaObject::invokeMethod(this, &BackgroundSearch::deliverProgress, Qt::QueuedConnection);
}

void BackgroundSearch::deliverProgress()
{
    progressPosted_ = false;
    RunProgress p;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        p = latest_;
    }
    Q_EMIT progressed(p);
}

} // namespace archscape
