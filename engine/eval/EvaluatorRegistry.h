#pragma once
// The evaluators the engine knows by name ("nb201", "cost"), created from a
// study's run settings. Libraries outside the engine (LibTorch's "train"
// and "zc") add theirs with add() at start-up, before any search runs.

#include "Evaluator.h"
#include "space/ArchitectureCodec.h"
#include "study/RunSettings.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace archscape {

class EvaluatorRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Evaluator>(const RunSettings&,
                                                             const ArchitectureCodec&)>;

    // Registers (or replaces) an evaluator by name. Not thread-safe: call it
    // at start-up.
    static void add(const std::string& name, Factory factory);
    // Whether the name is registered, without loading any plugin.
    static bool has(const std::string& name);
    // names() and create() load the default plugin folders first (once).
    static std::vector<std::string> names();
    // Throws std::invalid_argument for an unknown name or unusable settings
    // (a missing --data, a table that cannot be read).
    static std::unique_ptr<Evaluator> create(const RunSettings& settings,
                                             const ArchitectureCodec& codec);
};

} // namespace archscape
