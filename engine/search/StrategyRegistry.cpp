#include "StrategyRegistry.h"

#include "LocalSearch.h"
#include "Nsga2Search.h"
#include "PredictorGuidedSearch.h"
#include "RandomSearch.h"
#include "RegularizedEvolution.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace archscape {

namespace {

template <typename S>
StrategyRegistry::Factory factoryOf()
{
    return [](const ArchitectureCodec& codec, const StrategySettings& settings) {
        return std::unique_ptr<Strategy>(std::make_unique<S>(codec, settings));
    };
}

// A vector, not a map: names() lists strategies in a fixed, useful order.
std::vector<std::pair<std::string, StrategyRegistry::Factory>>& factories()
{
    static std::vector<std::pair<std::string, StrategyRegistry::Factory>> known{
        {"random", factoryOf<RandomSearch>()},
        {"evolution", factoryOf<RegularizedEvolution>()},
        {"nsga2", factoryOf<Nsga2Search>()},
        {"local", factoryOf<LocalSearch>()},
        {"predictor", factoryOf<PredictorGuidedSearch>()},
    };
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

std::vector<std::string> StrategyRegistry::names()
{
    std::vector<std::string> result;
    for (const auto& entry : factories())
        result.push_back(entry.first);
    return result;
}

std::unique_ptr<Strategy> StrategyRegistry::create(const std::string& name,
                                                   const ArchitectureCodec& codec,
                                                   const StrategySettings& settings)
{
    if (auto it = find(name); it != factories().end())
        return it->second(codec, settings);
    std::string known;
    for (const auto& n : names())
        known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown strategy '" + name + "' (known: " + known + ")");
}

} // namespace archscape
