#include "PhaseReporter.h"

#include <algorithm>

namespace archscape {

PhaseReporter::PhaseReporter(Sink sink, StopQuery stopQuery)
    : sink_(std::move(sink)), stopQuery_(std::move(stopQuery))
{
}

void PhaseReporter::begin(const std::string& name, int64_t steps, int epochs)
{
    started_ = std::chrono::steady_clock::now();
    current_ = PhaseProgress();
    current_.name = name;
    current_.steps = std::max<int64_t>(0, steps);
    current_.epochs = epochs;
    current_.epoch = epochs > 0 ? 1 : 0;
    send();
}

void PhaseReporter::advance(int64_t step, int epoch)
{
    current_.step = std::clamp<int64_t>(step, 0, current_.steps);
    current_.epoch = epoch;
    current_.elapsedS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    current_.etaS = current_.step > 0 ? current_.elapsedS / double(current_.step)
                                            * double(current_.steps - current_.step)
                                      : -1.0;
    send();
}

bool PhaseReporter::stopRequested() const
{
    return stopQuery_ && stopQuery_();
}

void PhaseReporter::send()
{
    if (sink_)
        sink_(current_);
}

} // namespace archscape
