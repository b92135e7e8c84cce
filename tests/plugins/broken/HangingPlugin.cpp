// A plugin that never finishes registering its components: the host must
// give up on it after the probe's timeout and refuse it.

#include "plugin/PluginInterface.h"

#include <unistd.h>

namespace {

class HangingPlugin : public archscape::Plugin
{
public:
    std::string name() const override { return "hangs"; }
    std::string version() const override { return "0.1"; }
    std::string description() const override { return "never finishes loading"; }
    void registerComponents(archscape::PluginRegistrar&) override
    {
        for (;;)
            ::pause();
    }
};

} // namespace

ARCHSCAPE_DECLARE_PLUGIN(HangingPlugin)
