#pragma once
// The strategies the engine knows by name, created for a codec and
// settings. The engine has none of its own: the built-in ones ("random",
// "evolution", "nsga2", "local", "predictor") come from the built-in plugin,
// which names() and create() load on first use with the other plugins of
// the default folders (PluginCatalog). Libraries outside the engine
// (LibTorch's one-shot strategies) add theirs with add() at start-up,
// before any search runs.

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
    // Whether the name is registered, without loading any plugin.
    static bool has(const std::string& name);
    // In the order they were registered.
    static std::vector<std::string> names();
    // Throws std::invalid_argument for an unknown name.
    static std::unique_ptr<Strategy> create(const std::string& name, const ArchitectureCodec& codec,
                                            const StrategySettings& settings);
};

} // namespace archscape
