#include "TrialState.h"

namespace archscape {

const char* trialStateName(TrialState state)
{
    switch (state) {
    case TrialState::Queued:
        return "queued";
    case TrialState::Running:
        return "running";
    case TrialState::Complete:
        return "complete";
    case TrialState::Failed:
        return "failed";
    case TrialState::Pruned:
        return "pruned";
    }
    return "?";
}

std::optional<TrialState> trialStateFromName(const std::string& name)
{
    for (auto s : {TrialState::Queued, TrialState::Running, TrialState::Complete,
                   TrialState::Failed, TrialState::Pruned})
        if (name == trialStateName(s))
            return s;
    return std::nullopt;
}

} // namespace archscape
