#pragma once
// Opens one plugin file and runs its entry points in the order that keeps a
// wrong plugin harmless: the interface version is read and compared before
// the factory is called, and whatever the factory, the registration or a
// block kind's description throws is turned into a PluginError naming the
// file.

#include "PluginInterface.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace archscape {

struct LoadedPlugin
{
    std::string file;
    std::unique_ptr<Plugin> plugin;
    std::vector<std::pair<std::string, StrategyRegistry::Factory>> strategies;
    std::vector<std::pair<std::string, EvaluatorRegistry::Factory>> evaluators;
    // Described and checked (BlockKindRegistry::describe), not yet added.
    std::vector<std::shared_ptr<const BlockKindInfo>> blockKinds;
};

class PluginLoader
{
public:
    // Throws PluginError for anything that is not a working plugin of this
    // interface version. The library stays loaded for the process's life,
    // also when refused: its code may already have run and left state.
    static LoadedPlugin load(const std::string& file);
};

} // namespace archscape
