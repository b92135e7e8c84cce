#pragma once
// The strategies the engine knows by name ("random", "evolution", "nsga2",
// "local"), created for a codec and settings.

#include "Strategy.h"

#include <memory>
#include <string>
#include <vector>

namespace archscape {

class StrategyRegistry
{
public:
    static std::vector<std::string> names();
    // Throws std::invalid_argument for an unknown name.
    static std::unique_ptr<Strategy> create(const std::string& name, const ArchitectureCodec& codec,
                                            const StrategySettings& settings);
};

} // namespace archscape
