#include "StrategyRegistry.h"

#include "LocalSearch.h"
#include "Nsga2Search.h"
#include "PredictorGuidedSearch.h"
#include "RandomSearch.h"
#include "RegularizedEvolution.h"

#include <stdexcept>

namespace archscape {

std::vector<std::string> StrategyRegistry::names()
{
    return {"random", "evolution", "nsga2", "local", "predictor"};
}

std::unique_ptr<Strategy> StrategyRegistry::create(const std::string& name,
                                                   const ArchitectureCodec& codec,
                                                   const StrategySettings& settings)
{
    if (name == "random")
        return std::make_unique<RandomSearch>(codec, settings);
    if (name == "evolution")
        return std::make_unique<RegularizedEvolution>(codec, settings);
    if (name == "nsga2")
        return std::make_unique<Nsga2Search>(codec, settings);
    if (name == "local")
        return std::make_unique<LocalSearch>(codec, settings);
    if (name == "predictor")
        return std::make_unique<PredictorGuidedSearch>(codec, settings);
    std::string known;
    for (const auto& n : names())
        known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown strategy '" + name + "' (known: " + known + ")");
}

} // namespace archscape
