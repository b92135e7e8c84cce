#pragma once
// A study's search running on its own thread for the GUI: the engine's
// runner with its own connection to the study file, started, paused,
// resumed and stopped from the GUI thread, reporting progress through
// queued calls (at most one in flight), so the event loop never waits.

#include "search/SearchRunner.h"
#include "study/RunSettings.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace archscape {

class BackgroundSearch : public QObject
{
    Q_OBJECT

public:
    static constexpr int kProgressIntervalMs = 50;

    explicit BackgroundSearch(QObject* parent = nullptr);
    // Stops the search and waits for the trials in flight.
    ~BackgroundSearch() override;

    // Starts a new search of a study that has not run yet, with `settings`
    // stored in it; or, without settings, resumes the stored search (with
    // `budget`, when given, as its new total). Errors (an unknown evaluator,
    // a missing data file) arrive through finished(false, reason).
    void start(const QString& studyPath, std::optional<RunSettings> settings,
               std::optional<int64_t> budget = std::nullopt);
    bool isRunning() const { return running_; }
    bool isPaused() const { return paused_; }
    void setPaused(bool paused);
    void stop();
    // Stops and waits: before the study is closed or the app quits.
    void stopAndWait();

Q_SIGNALS:
    void progressed(const archscape::RunProgress& progress);
    void logMessage(const QString& text);
    void finished(bool ok, const QString& summary);

private:
    void run(std::string path, std::optional<RunSettings> settings, std::optional<int64_t> budget);
    void post(const RunProgress& progress);
    void deliverProgress();
    void join();

    std::thread thread_;
    std::atomic<bool> running_{false};
    std::atomic<bool> paused_{false};
    std::atomic<bool> stopRequested_{false};
    std::mutex mutex_; // guards runner_ and latest_
    SearchRunner* runner_ = nullptr;
    RunProgress latest_;
    std::atomic<bool> progressPosted_{false};
    double lastPostS_ = 0.0; // search thread only
};

} // namespace archscape
