// The built-in strategies as a plugin: the engine's own search strategies
// reach the registry through the same interface as anyone else's.

#include "plugin/PluginInterface.h"
#include "search/LocalSearch.h"
#include "search/Nsga2Search.h"
#include "search/PredictorGuidedSearch.h"
#include "search/RandomSearch.h"
#include "search/RegularizedEvolution.h"

namespace archscape {

namespace {

template <typename S> StrategyRegistry::Factory factoryOf()
{
    return [](const ArchitectureCodec& codec, const StrategySettings& settings) {
        return std::unique_ptr<Strategy>(std::make_unique<S>(codec, settings));
    };
}

} // namespace

class BuiltinStrategiesPlugin : public Plugin
{
public:
    std::string name() const override { return "builtin-strategies"; }
    std::string version() const override { return ARCHSCAPE_VERSION; }
    std::string description() const override
    {
        return "random search, regularized evolution, NSGA-II, local search and "
               "predictor-guided evolution";
    }
    void registerComponents(PluginRegistrar& registrar) override
    {
        registrar.addStrategy("random", factoryOf<RandomSearch>());
        registrar.addStrategy("evolution", factoryOf<RegularizedEvolution>());
        registrar.addStrategy("nsga2", factoryOf<Nsga2Search>());
        registrar.addStrategy("local", factoryOf<LocalSearch>());
        registrar.addStrategy("predictor", factoryOf<PredictorGuidedSearch>());
    }
};

} // namespace archscape

ARCHSCAPE_DECLARE_PLUGIN(archscape::BuiltinStrategiesPlugin)
