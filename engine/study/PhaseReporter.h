#pragma once
// The channel a long phase reports through (see PhaseProgress): the runner
// hands one to Evaluator::prepare() and, in StrategySettings, to the
// strategy. It times the phase, so each report carries the elapsed time and
// an ETA, and it tells the phase when the run is being stopped, which the
// phase checks between its steps. A default-constructed reporter reports
// nowhere and is never stopped. Copies share nothing but the sink and the
// stop query.

#include "PhaseProgress.h"

#include <chrono>
#include <functional>
#include <string>

namespace archscape {

class PhaseReporter
{
public:
    using Sink = std::function<void(const PhaseProgress&)>;
    using StopQuery = std::function<bool()>;

    PhaseReporter() = default;
    PhaseReporter(Sink sink, StopQuery stopQuery);

    // Starts a phase of `steps` steps (in `epochs` epochs, 0: none) and
    // reports step 0.
    void begin(const std::string& name, int64_t steps, int epochs = 0);
    // Reports `step` of the phase's steps done, in epoch `epoch`.
    void advance(int64_t step, int epoch = 0);
    // True once the run has been asked to stop: the phase should end at
    // its next step, leaving nothing half-done behind.
    bool stopRequested() const;

private:
    void send();

    Sink sink_;
    StopQuery stopQuery_;
    PhaseProgress current_;
    std::chrono::steady_clock::time_point started_;
};

} // namespace archscape
