// A plugin that provides a strategy name the built-in plugin has already.

#include "plugin/PluginInterface.h"
#include "search/RandomSearch.h"

namespace {

class DuplicatePlugin : public archscape::Plugin
{
public:
    std::string name() const override { return "duplicate"; }
    std::string version() const override { return "1.0"; }
    std::string description() const override { return "a second 'random'"; }
    void registerComponents(archscape::PluginRegistrar& registrar) override
    {
        registrar.addStrategy("random-again", [](const auto& codec, const auto& settings) {
            return std::unique_ptr<archscape::Strategy>(
                std::make_unique<archscape::RandomSearch>(codec, settings));
        });
        registrar.addStrategy("random", [](const auto& codec, const auto& settings) {
            return std::unique_ptr<archscape::Strategy>(
                std::make_unique<archscape::RandomSearch>(codec, settings));
        });
    }
};

} // namespace

ARCHSCAPE_DECLARE_PLUGIN(DuplicatePlugin)
