#pragma once
// The ask/tell interface every search strategy implements: propose() hands
// out the next architecture to evaluate, observe() takes a finished trial's
// result. A strategy is deterministic given its seed and the order of calls,
// which is what lets a study resume by replaying its history.

#include "Objective.h"
#include "predict/ArchitectureScorerRegistry.h"
#include "predict/PredictorRegistry.h"
#include "space/Architecture.h"
#include "space/ArchitectureCodec.h"
#include "study/PhaseReporter.h"
#include "study/TrialState.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archscape {

class StudyStorage;

struct Observation
{
    Architecture arch;
    std::string encoding;
    TrialState state = TrialState::Complete;
    std::map<std::string, double> metrics;
};

struct StrategySettings
{
    std::vector<Objective> objectives;
    std::vector<Constraint> constraints;
    uint64_t seed = 0;
    int64_t budget = 0;                 // trials the search may run (0: unknown)
    std::map<std::string, double> options; // strategy-specific, e.g. "population"
    std::map<std::string, std::string> textOptions; // non-numeric ones, e.g. "model" = "mlp"
    // The run's data set and device, for strategies that compute on data
    // themselves (the predictor strategy's zero-cost proxies).
    std::string data;
    std::string device = "cpu";
    // The study's storage, for strategies that keep state of their own
    // between runs (a one-shot supernet); null outside a study.
    StudyStorage* storage = nullptr;
    // The host's predictor models and architecture scorers, handed over by
    // StudySearch: a strategy built in a plugin has its own copy of the
    // engine, whose registries do not see what the host added ("mlp", "zc").
    // Empty: the strategy's own PredictorRegistry / ArchitectureScorerRegistry.
    std::function<std::unique_ptr<Predictor>(const std::string&, const PredictorRequest&)>
        createPredictor;
    std::function<std::unique_ptr<ArchitectureScorer>(const std::string&, const ArchitectureCodec&,
                                                      const ScorerSettings&)>
        createScorer;
    // Where a strategy that computes for long before its first proposal (a
    // DARTS search) reports its progress and learns that the run is being
    // stopped; the runner's, handed over by StudySearch.
    PhaseReporter phases;

    double option(const std::string& name, double fallback) const
    {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
    std::string textOption(const std::string& name, const std::string& fallback) const
    {
        auto it = textOptions.find(name);
        return it == textOptions.end() ? fallback : it->second;
    }
};

// A prediction a strategy made for an architecture before it was measured,
// with the measured value once known; the runner stores it for the trial.
struct StrategyPrediction
{
    std::string predictor;
    std::string encoding; // canonical: names the trial
    double predicted = 0.0;
    std::optional<double> measured;
};

class Strategy
{
public:
    virtual ~Strategy() = default;
    virtual std::string name() const = 0;
    // The next architecture, in canonical form, or nullopt: wait for pending
    // results (or, with nothing pending, the strategy has nothing left).
    virtual std::optional<Architecture> propose() = 0;
    virtual void observe(const Observation& observation) = 0;

    // What a predictor-guided strategy has to record, handed over once: the
    // runner drains both after every observe() and writes them to the study
    // (predictions for their trials; settings as "predictor" study artifacts,
    // by predictor name). Strategies without a predictor keep the defaults.
    virtual std::vector<StrategyPrediction> takePredictions() { return {}; }
    virtual std::map<std::string, std::string> takePredictorSettings() { return {}; }
};

} // namespace archscape
