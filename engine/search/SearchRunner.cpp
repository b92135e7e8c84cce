#include "SearchRunner.h"

#include "storage/StorageError.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <exception>
#include <stdexcept>
#include <thread>

namespace archscape {

namespace {

double now()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::string workerName(int index)
{
    return "w" + std::to_string(index);
}

} // namespace

SearchRunner::SearchRunner(StudyStorage& storage, const ArchitectureCodec& codec,
                           Strategy& strategy, Evaluator& evaluator,
                           std::vector<Objective> objectives, RunLimits limits)
    : storage_(storage), codec_(codec), strategy_(strategy), evaluator_(evaluator),
      objectives_(std::move(objectives)), limits_(limits)
{
    limits_.workers = std::max(1, limits_.workers);
    state_.budget = limits_.trials;
}

void SearchRunner::setProgressCallback(std::function<void(const RunProgress&)> callback)
{
    progress_ = std::move(callback);
}

void SearchRunner::requestStop()
{
    stop_ = true;
    std::lock_guard<std::mutex> lock(pauseMutex_);
    pauseChanged_.notify_all();
}

void SearchRunner::setPaused(bool paused)
{
    std::lock_guard<std::mutex> lock(pauseMutex_);
    paused_ = paused;
    pauseChanged_.notify_all();
}

PhaseReporter SearchRunner::phaseReporter()
{
    return PhaseReporter([this](const PhaseProgress& phase) { reportPhase(phase); },
                         [this] { return stop_.load(); });
}

void SearchRunner::reportPhase(const PhaseProgress& phase)
{
    state_.phase = phase;
    report();
}

void SearchRunner::endPhase()
{
    if (!state_.phase)
        return;
    state_.phase.reset();
    report();
}

// Feeds the stored history to the strategy in the order it first happened:
// before proposing trial k, the strategy had seen `proposedAfter` results.
void SearchRunner::replay()
{
    requeued_ = storage_.requeueRunning();
    std::vector<TrialRecord> history = storage_.trials();
    for (const auto& t : history)
        trialIds_[t.encoding] = t.id;
    for (const auto& p : storage_.predictions())
        storedPredictions_.insert({p.predictor, p.trialId});
    std::vector<const TrialRecord*> observedOrder;
    for (const auto& t : history)
        if (t.observedSeq)
            observedOrder.push_back(&t);
    std::sort(observedOrder.begin(), observedOrder.end(),
              [](const TrialRecord* a, const TrialRecord* b) { return *a->observedSeq < *b->observedSeq; });

    auto observe = [&](const TrialRecord& t) {
        Observation o;
        o.arch = codec_.decode(t.encoding);
        o.encoding = t.encoding;
        o.state = t.state;
        o.metrics = t.metrics;
        strategyObserve(o);
        storeStrategyRecords(true);
        account(t.encoding, t.state, t.metrics, 0.0);
    };
    size_t next = 0;
    for (const auto& t : history) {
        while (next < observedOrder.size()
               && static_cast<int64_t>(next) < t.proposedAfter)
            observe(*observedOrder[next++]);
        std::optional<Architecture> proposal = strategyPropose();
        if (!proposal && stop_)
            return; // stopped while the strategy searched: the run ends here
        if (!proposal || codec_.encodeCanonical(*proposal) != t.encoding)
            throw StorageError(storage_.location(),
                               "trial " + std::to_string(t.number) + " does not replay: the '"
                                   + strategy_.name()
                                   + "' strategy now proposes something else from the same "
                                     "seed (was the study run by another version?)");
        if (t.state == TrialState::Queued)
            pending_.push_back({t, *proposal});
    }
    while (next < observedOrder.size())
        observe(*observedOrder[next++]);
    for (const auto& [name, json] : replayedSettings_)
        storage_.setStudyArtifact("predictor", name, json);
    replayedSettings_.clear();
    storedPredictions_.clear();
    trialCount_ = static_cast<int64_t>(history.size());
    observed_ = static_cast<int64_t>(observedOrder.size());
}

bool SearchRunner::budgetLeft() const
{
    if (stop_)
        return false;
    if (limits_.timeBudgetS > 0 && state_.timeUsedS >= limits_.timeBudgetS)
        return false;
    return true;
}

std::optional<SearchRunner::Job> SearchRunner::nextJob()
{
    {
        std::unique_lock<std::mutex> lock(pauseMutex_);
        pauseChanged_.wait(lock, [this] { return !paused_ || stop_; });
    }
    if (!budgetLeft())
        return std::nullopt;
    if (!pending_.empty()) {
        Job job = std::move(pending_.front());
        pending_.erase(pending_.begin());
        return job;
    }
    if (limits_.trials > 0 && trialCount_ >= limits_.trials)
        return std::nullopt;
    std::optional<Architecture> proposal = strategyPropose();
    if (!proposal)
        return std::nullopt;
    Job job;
    job.arch = *proposal;
    job.trial.encoding = codec_.encodeCanonical(*proposal);
    job.trial.archHash = ArchitectureCodec::hashToHex(ArchitectureCodec::hashText(job.trial.encoding));
    job.trial.proposedAfter = observed_;
    storage_.addTrial(job.trial);
    trialIds_[job.trial.encoding] = job.trial.id;
    ++trialCount_;
    return job;
}

void SearchRunner::storeResult(const Job& job, const EvaluationOutcome& outcome)
{
    for (const auto& a : outcome.artifacts)
        storage_.addArtifact(job.trial.id, a.kind, a.name, a.data);
    storage_.finishTrial(job.trial.id, outcome.state, outcome.metrics, outcome.curves,
                         outcome.error, observed_);
    ++observed_;
}

void SearchRunner::record(const Job& job, const EvaluationOutcome& outcome)
{
    storeResult(job, outcome);
    Observation o;
    o.arch = job.arch;
    o.encoding = job.trial.encoding;
    o.state = outcome.state;
    o.metrics = outcome.metrics;
    strategyObserve(o);
    storeStrategyRecords(false);
    account(job.trial.encoding, outcome.state, outcome.metrics, outcome.costSeconds);
    report();
}

namespace {

// The strategy may come from a plugin: whatever it throws ends the search
// with a message that says which strategy failed, and where.
[[noreturn]] void strategyFailed(const Strategy& strategy, const char* call)
{
    std::string name = "?";
    try {
        name = strategy.name();
    } catch (const std::exception&) {
        // Keep "?": the error being reported is the one from `call`.
    }
    std::string reason = "an exception that is not a std::exception";
    try {
        throw;
    } catch (const std::exception& e) {
        reason = e.what();
    } catch (...) {
        // Not a std::exception: `reason` says so already.
    }
    throw std::runtime_error("the '" + name + "' strategy failed in " + call + ": " + reason);
}

} // namespace

std::optional<Architecture> SearchRunner::strategyPropose()
{
    std::optional<Architecture> proposal;
    try {
        proposal = strategy_.propose();
    } catch (...) {
        endPhase();
        strategyFailed(strategy_, "propose()");
    }
    endPhase();
    return proposal;
}

void SearchRunner::strategyObserve(const Observation& observation)
{
    try {
        strategy_.observe(observation);
    } catch (...) {
        strategyFailed(strategy_, "observe()");
    }
}

// Written after the result they depend on: a crash in between loses them,
// and the replay on resume writes them again.
void SearchRunner::storeStrategyRecords(bool replaying)
{
    std::vector<PredictionRecord> records;
    for (const auto& p : strategy_.takePredictions()) {
        auto id = trialIds_.find(p.encoding);
        if (id == trialIds_.end())
            continue; // not a trial of this study: nothing to attach it to
        if (replaying && storedPredictions_.count({p.predictor, id->second}))
            continue;
        records.push_back({p.predictor, id->second, p.predicted, p.measured});
    }
    if (!records.empty())
        storage_.addPredictions(records);
    for (auto& [name, json] : strategy_.takePredictorSettings()) {
        if (replaying)
            replayedSettings_[name] = json;
        else
            storage_.setStudyArtifact("predictor", name, json);
    }
}

// What progress and budgets count of one finished trial: the time budget
// takes train_time_s (simulated or measured), else what the evaluator spent.
void SearchRunner::account(const std::string& encoding, TrialState state,
                           const std::map<std::string, double>& metrics, double costSeconds)
{
    state_.trials++;
    state_.failed += state == TrialState::Complete ? 0 : 1;
    auto time = metrics.find("train_time_s");
    state_.timeUsedS += time == metrics.end() ? costSeconds : time->second;
    if (state != TrialState::Complete || objectives_.empty())
        return;
    const Objective& first = objectives_.front();
    auto v = metrics.find(first.metric);
    if (v != metrics.end()
        && (!state_.best || first.minimized(v->second) < first.minimized(*state_.best))) {
        state_.best = v->second;
        state_.bestEncoding = encoding;
    }
}

void SearchRunner::report()
{
    if (!progress_)
        return;
    state_.elapsedS = now() - startedAt_;
    int64_t done = state_.trials - trialsAtStart_;
    state_.etaS = limits_.trials > 0 && done > 0
                      ? state_.elapsedS / static_cast<double>(done)
                            * static_cast<double>(std::max<int64_t>(0, limits_.trials - state_.trials))
                      : -1.0;
    progress_(state_);
}

SearchRunner::Outcome SearchRunner::run()
{
    startedAt_ = now(); // for the phases a replay may go through
    replay();
    startedAt_ = now();
    trialsAtStart_ = state_.trials;
    report(); // what the study holds already, also when nothing is left to run
    return runPool();
}

// The strategy and storage are touched only by this thread; workers only
// evaluate. With one worker, evaluation runs inline and the run is fully
// deterministic.
SearchRunner::Outcome SearchRunner::runPool()
{
    const int workers = limits_.workers;
    std::mutex mutex;
    std::condition_variable jobReady, resultReady;
    std::deque<Job> jobs;
    std::deque<std::pair<Job, EvaluationOutcome>> results;
    bool closing = false;

    auto evaluate = [this](const Job& job) {
        try {
            return evaluator_.evaluate(job.arch);
        } catch (const std::exception& e) {
            EvaluationOutcome failed;
            failed.state = TrialState::Failed;
            failed.error = std::string("the evaluator failed: ") + e.what();
            return failed;
        } catch (...) {
            // A plugin may throw anything; the search goes on.
            EvaluationOutcome failed;
            failed.state = TrialState::Failed;
            failed.error = "the evaluator failed with an exception that is not a std::exception";
            return failed;
        }
    };

    std::vector<std::thread> threads;
    if (workers > 1) {
        for (int w = 0; w < workers; ++w)
            threads.emplace_back([&] {
                while (true) {
                    Job job;
                    {
                        std::unique_lock<std::mutex> lock(mutex);
                        jobReady.wait(lock, [&] { return closing || !jobs.empty(); });
                        if (jobs.empty())
                            return;
                        job = std::move(jobs.front());
                        jobs.pop_front();
                    }
                    EvaluationOutcome outcome = evaluate(job);
                    std::lock_guard<std::mutex> lock(mutex);
                    results.emplace_back(std::move(job), std::move(outcome));
                    resultReady.notify_one();
                }
            });
    }

    auto closeWorkers = [&] {
        {
            std::lock_guard<std::mutex> lock(mutex);
            closing = true;
            jobReady.notify_all();
        }
        for (auto& t : threads)
            t.join();
        threads.clear();
    };

    auto takeResult = [&] {
        std::unique_lock<std::mutex> lock(mutex);
        resultReady.wait(lock, [&] { return !results.empty(); });
        std::pair<Job, EvaluationOutcome> done = std::move(results.front());
        results.pop_front();
        return done;
    };

    int inFlight = 0;
    int nextWorker = 0;
    bool prepared = false;
    bool drained = false;
    std::exception_ptr failure;
    try {
        while (true) {
            while (!drained && inFlight < workers) {
                std::optional<Job> job = nextJob();
                if (!job) {
                    drained = inFlight == 0 || !budgetLeft()
                              || (limits_.trials > 0 && trialCount_ >= limits_.trials);
                    break;
                }
                if (!prepared) {
                    try {
                        PhaseReporter phases = phaseReporter();
                        evaluator_.prepare(storage_, phases);
                        endPhase();
                    } catch (...) {
                        endPhase();
                        closeWorkers(); // idle: nothing was handed out yet
                        throw;
                    }
                    prepared = true;
                    if (stop_) {
                        // Stopped while preparing: the job stays queued for
                        // a resume, and nothing is evaluated half-prepared.
                        drained = true;
                        break;
                    }
                }
                std::string worker = workerName(nextWorker++ % workers);
                storage_.markRunning(job->trial.id, worker);
                if (workers == 1) {
                    record(*job, evaluate(*job));
                    continue;
                }
                std::lock_guard<std::mutex> lock(mutex);
                jobs.push_back(std::move(*job));
                ++inFlight;
                jobReady.notify_one();
            }
            if (inFlight == 0)
                break;
            std::pair<Job, EvaluationOutcome> done = takeResult();
            --inFlight;
            record(done.first, done.second);
            drained = false;
        }
    } catch (...) {
        failure = std::current_exception();
    }
    if (failure) {
        // The strategy (or storage) failed with trials in flight: their
        // results are stored, unobserved, before the error ends the run, so
        // that the study holds every trial it handed out, finished; a
        // resume replays them.
        while (inFlight > 0) {
            std::pair<Job, EvaluationOutcome> done = takeResult();
            --inFlight;
            try {
                storeResult(done.first, done.second);
            } catch (const std::exception&) {
                // The first failure is the one reported; this one must not
                // stop the drain, or the workers could not be joined.
            }
        }
    }
    closeWorkers();
    if (failure)
        std::rethrow_exception(failure);

    if (stop_)
        return Outcome::Stopped;
    if ((limits_.trials > 0 && trialCount_ >= limits_.trials)
        || (limits_.timeBudgetS > 0 && state_.timeUsedS >= limits_.timeBudgetS))
        return Outcome::BudgetReached;
    return Outcome::Exhausted;
}

} // namespace archscape
