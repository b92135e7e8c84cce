#pragma once
// Runs a search: asks the strategy for architectures, evaluates them on a
// pool of workers, and records every state change in storage before acting
// on it (queued before a worker sees the trial, running before evaluation,
// the result before the strategy hears of it). On start it replays the
// stored history into the strategy, so a stopped or killed study resumes
// where it was: trials left running are queued again and evaluated once
// more; finished trials are never repeated.

#include "Strategy.h"
#include "eval/Evaluator.h"
#include "storage/StudyStorage.h"
#include "study/PhaseReporter.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

namespace archscape {

struct RunLimits
{
    int64_t trials = 0;          // total trials in the study (0: no limit)
    double timeBudgetS = 0.0;    // summed train_time_s, simulated or real (0: no limit)
    int workers = 1;
};

struct RunProgress
{
    int64_t trials = 0;   // finished trials, of any state
    int64_t failed = 0;
    int64_t budget = 0;
    double elapsedS = 0.0; // wall time of this run
    double timeUsedS = 0.0; // what the time budget counts
    std::optional<double> best; // best value of the first objective
    std::string bestEncoding;
    double etaS = -1.0; // -1: unknown
    // Set while a long phase runs (the evaluator's prepare(), a strategy's
    // search before its first proposal); reset, and reported once more,
    // when it ends and the run goes back to trials.
    std::optional<PhaseProgress> phase;
};

class SearchRunner
{
public:
    enum class Outcome { BudgetReached, Stopped, Exhausted };

    SearchRunner(StudyStorage& storage, const ArchitectureCodec& codec, Strategy& strategy,
                 Evaluator& evaluator, std::vector<Objective> objectives, RunLimits limits);

    void setProgressCallback(std::function<void(const RunProgress&)> callback);
    // Thread-safe; the run ends after the trials in flight.
    void requestStop();
    // Thread-safe; a paused run proposes nothing until unpaused.
    void setPaused(bool paused);
    // A reporter for the long phases of this run: its reports reach the
    // progress callback (RunProgress::phase), and requestStop() stops it.
    // The phases must run on the runner's thread (in prepare() or propose()).
    PhaseReporter phaseReporter();
    // What such a reporter does: report a phase (runner's thread only), and
    // tell whether the run is being stopped (any thread).
    void reportPhase(const PhaseProgress& phase);
    bool stopRequested() const { return stop_; }

    Outcome run();
    // Trials re-queued because the last run was killed while they ran.
    int requeuedAtStart() const { return requeued_; }

private:
    struct Job
    {
        TrialRecord trial;
        Architecture arch;
    };
    void replay();
    bool budgetLeft() const;
    std::optional<Job> nextJob();
    void record(const Job& job, const EvaluationOutcome& outcome);
    void storeResult(const Job& job, const EvaluationOutcome& outcome);
    // The strategy's calls; what it throws becomes a std::runtime_error
    // naming the strategy and the call.
    std::optional<Architecture> strategyPropose();
    void strategyObserve(const Observation& observation);
    void account(const std::string& encoding, TrialState state,
                 const std::map<std::string, double>& metrics, double costSeconds);
    void storeStrategyRecords(bool replaying);
    void evaluateInline(Job job);
    Outcome runPool();
    void report();
    void endPhase();

    StudyStorage& storage_;
    const ArchitectureCodec& codec_;
    Strategy& strategy_;
    Evaluator& evaluator_;
    std::vector<Objective> objectives_;
    RunLimits limits_;
    std::function<void(const RunProgress&)> progress_;

    std::atomic<bool> stop_{false};
    std::mutex pauseMutex_;
    std::condition_variable pauseChanged_;
    bool paused_ = false;

    std::vector<Job> pending_; // queued trials from an earlier run
    std::unordered_map<std::string, int64_t> trialIds_; // by canonical encoding
    // Predictions stored before this run (predictor, trial): a replay hands
    // them over again, and only the ones a crash lost are written.
    std::set<std::pair<std::string, int64_t>> storedPredictions_;
    std::map<std::string, std::string> replayedSettings_;
    int64_t trialCount_ = 0;   // trials in the study (proposed)
    int64_t observed_ = 0;
    int requeued_ = 0;
    bool exhausted_ = false;
    RunProgress state_;
    double startedAt_ = 0.0;
    int64_t trialsAtStart_ = 0;
};

} // namespace archscape
