#pragma once
// The strategies the engine knows by name ("random", "evolution", "nsga2",
// "local", "predictor"), created for a codec and settings. Libraries
// outside the engine (LibTorch's one-shot strategies, plugins) add theirs
// with add() at start-up, before any search runs.

#include "Strategy.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace archscape {

class StrategyRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Strategy>(const ArchitectureCodec&,
                                                            const StrategySettings&)>;
    // Registers (or replaces) a strategy by name. Not thread-safe: call it
    // at start-up.
    static void add(const std::string& name, Factory factory);
    // In the order they were registered, the built-in ones first.
    static std::vector<std::string> names();
    // Throws std::invalid_argument for an unknown name.
    static std::unique_ptr<Strategy> create(const std::string& name, const ArchitectureCodec& codec,
                                            const StrategySettings& settings);
};

} // namespace archscape
