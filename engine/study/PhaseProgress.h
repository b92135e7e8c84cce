#pragma once
// How far a long phase of a run has got: a step that comes before or
// between trials and takes minutes, such as training a supernet in an
// evaluator's prepare() or a DARTS search inside a strategy's first
// propose(). The CLI and the run panel show it, so a user can tell a long
// step from a hang and see how long it will take.

#include <cstdint>
#include <string>

namespace archscape {

struct PhaseProgress
{
    std::string name;    // what is being done, e.g. "training the supernet"
    int64_t step = 0;    // steps done, 0 to steps
    int64_t steps = 0;   // steps in the whole phase
    int epoch = 0;       // the epoch the step is in (0: the phase has no epochs)
    int epochs = 0;
    double elapsedS = 0.0; // since the phase began
    double etaS = -1.0;    // time left at the rate so far; -1: unknown

    double fraction() const { return steps > 0 ? double(step) / double(steps) : 0.0; }
};

} // namespace archscape
