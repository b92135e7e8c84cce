#include "StrategyRegistry.h"

#include "plugin/PluginCatalog.h"
#include "plugin/PluginFolders.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace archscape {

namespace {

// A vector, not a map: names() lists strategies in the order they came.
// None is built in: random, evolution, nsga2, local and predictor come from
// the built-in plugin (plugins/builtin-strategies), through the same
// interface as any other plugin.
std::vector<std::pair<std::string, StrategyRegistry::Factory>>& factories()
{
    static std::vector<std::pair<std::string, StrategyRegistry::Factory>> known;
    return known;
}

auto find(const std::string& name)
{
    auto& all = factories();
    return std::find_if(all.begin(), all.end(), [&](const auto& entry) { return entry.first == name; });
}

} // namespace

void StrategyRegistry::add(const std::string& name, Factory factory)
{
    if (auto it = find(name); it != factories().end())
        it->second = std::move(factory);
    else
        factories().emplace_back(name, std::move(factory));
}

bool StrategyRegistry::has(const std::string& name)
{
    return find(name) != factories().end();
}

std::vector<std::string> StrategyRegistry::names()
{
    PluginCatalog::global().loadDefaultFolders();
    std::vector<std::string> result;
    for (const auto& entry : factories())
        result.push_back(entry.first);
    return result;
}

std::unique_ptr<Strategy> StrategyRegistry::create(const std::string& name,
                                                   const ArchitectureCodec& codec,
                                                   const StrategySettings& settings)
{
    PluginCatalog::global().loadDefaultFolders();
    if (auto it = find(name); it != factories().end())
        return it->second(codec, settings);
    std::string known;
    for (const auto& n : names())
        known += (known.empty() ? "" : ", ") + n;
    if (known.empty())
        known = "none: no plugin provides one; the built-in strategies are a plugin in "
                + PluginFolders::builtIn();
    throw std::invalid_argument("unknown strategy '" + name + "' (known: " + known + ")");
}

} // namespace archscape
