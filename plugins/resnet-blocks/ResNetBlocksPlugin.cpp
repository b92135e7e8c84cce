// The residual block kinds as a plugin, built against the same interface as
// any plugin from outside: ResNet's basic and bottleneck blocks.

#include "BasicResidualBlock.h"
#include "BottleneckBlock.h"

#include "plugin/PluginInterface.h"

namespace archscape::resnet {

class ResNetBlocksPlugin : public Plugin
{
public:
    std::string name() const override { return "resnet-blocks"; }
    std::string version() const override { return ARCHSCAPE_VERSION; }
    std::string description() const override
    {
        return "ResNet block kinds: basic residual block and (grouped) bottleneck";
    }
    void registerComponents(PluginRegistrar& registrar) override
    {
        registrar.addBlockKind(std::make_shared<BasicResidualBlock>());
        registrar.addBlockKind(std::make_shared<BottleneckBlock>());
    }
};

} // namespace archscape::resnet

ARCHSCAPE_DECLARE_PLUGIN(archscape::resnet::ResNetBlocksPlugin)
