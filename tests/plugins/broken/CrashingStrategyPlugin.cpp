// A plugin that loads fine but whose strategies are random search that
// dies in its third propose(): "crashes-propose" with a segfault,
// "aborts-propose" through abort(). The process must say which plugin
// killed it, with the finished trials stored.

#include "plugin/PluginInterface.h"
#include "search/RandomSearch.h"

#include <cstdlib>

namespace {

using namespace archscape;

class CrashingSearch : public RandomSearch
{
public:
    CrashingSearch(const ArchitectureCodec& codec, const StrategySettings& settings, bool abort)
        : RandomSearch(codec, settings), abort_(abort)
    {
    }
    std::string name() const override { return abort_ ? "aborts-propose" : "crashes-propose"; }
    std::optional<Architecture> propose() override
    {
        if (++proposals_ == 3) {
            if (abort_)
                std::abort();
            volatile int* volatile nowhere = nullptr;
            *nowhere = 42;
        }
        return RandomSearch::propose();
    }

private:
    bool abort_;
    int proposals_ = 0;
};

class CrashingStrategyPlugin : public Plugin
{
public:
    std::string name() const override { return "crashing-strategy"; }
    std::string version() const override { return "0.1"; }
    std::string description() const override { return "strategies that crash"; }
    void registerComponents(PluginRegistrar& registrar) override
    {
        for (bool abort : {false, true})
            registrar.addStrategy(abort ? "aborts-propose" : "crashes-propose",
                                  [abort](const auto& codec, const auto& settings) {
                                      return std::unique_ptr<Strategy>(
                                          std::make_unique<CrashingSearch>(codec, settings, abort));
                                  });
    }
};

} // namespace

ARCHSCAPE_DECLARE_PLUGIN(CrashingStrategyPlugin)
