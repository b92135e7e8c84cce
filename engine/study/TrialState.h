#pragma once
// The states a trial goes through. Their names are part of the CLI and
// storage contract: queued, running, complete, failed, pruned.

#include <optional>
#include <string>

namespace archscape {

enum class TrialState { Queued, Running, Complete, Failed, Pruned };

const char* trialStateName(TrialState state);
std::optional<TrialState> trialStateFromName(const std::string& name);

} // namespace archscape
