// A plugin with one search strategy, "hillclimb": a few random
// architectures, then mutations of the best one found so far. Archscape
// loads it from a plugin folder (--plugin-dir, ARCHSCAPE_PLUGIN_PATH, or
// Preferences in the app) and offers the strategy like any built-in one:
//   archscape-cli run STUDY.db --strategy hillclimb --evaluator cost --budget 20

#include <plugin/PluginInterface.h>
#include <search/StrategyBase.h>

#include <optional>

namespace {

using namespace archscape;

class HillClimbSearch : public StrategyBase
{
public:
    HillClimbSearch(const ArchitectureCodec& codec, const StrategySettings& settings)
        : StrategyBase(codec, settings),
          randomStarts_(static_cast<int>(settings.option("random_starts", 5)))
    {
    }

    std::string name() const override { return "hillclimb"; }

    std::optional<Architecture> propose() override
    {
        if (proposed_++ < randomStarts_ || !best_)
            return sampleUnseen();
        return mutateUnseen(best_->arch);
    }

    void observe(const Observation& observation) override
    {
        // score(): smaller is better, on the first objective; a failed trial
        // or one that breaks a constraint scores worst.
        if (!best_ || score(observation) < score(*best_))
            best_ = observation;
    }

private:
    int randomStarts_;
    int proposed_ = 0;
    std::optional<Observation> best_;
};

class HillClimbPlugin : public Plugin
{
public:
    std::string name() const override { return "hillclimb"; }
    std::string version() const override { return "1.0.0"; }
    std::string description() const override
    {
        return "hill climbing: random starts, then mutations of the best architecture";
    }
    void registerComponents(PluginRegistrar& registrar) override
    {
        registrar.addStrategy("hillclimb", [](const ArchitectureCodec& codec,
                                              const StrategySettings& settings) {
            return std::unique_ptr<Strategy>(std::make_unique<HillClimbSearch>(codec, settings));
        });
    }
};

} // namespace

// The two entry points: archscape_plugin_api_version() and
// archscape_create_plugin().
ARCHSCAPE_DECLARE_PLUGIN(HillClimbPlugin)
