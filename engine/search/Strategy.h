#pragma once
// The ask/tell interface every search strategy implements: propose() hands
// out the next architecture to evaluate, observe() takes a finished trial's
// result. A strategy is deterministic given its seed and the order of calls,
// which is what lets a study resume by replaying its history.

#include "Objective.h"
#include "space/Architecture.h"
#include "space/ArchitectureCodec.h"
#include "study/TrialState.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archscape {

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

    double option(const std::string& name, double fallback) const
    {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
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
