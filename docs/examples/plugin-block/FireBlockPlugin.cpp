// SqueezeNet's fire module (Iandola et al., 2016) as an Archscape block
// kind: a 1×1 "squeeze" convolution to few channels, then two "expand"
// convolutions side by side, 1×1 and 3×3, concatenated; ReLU after each.

#include <plugin/PluginInterface.h>

namespace {

using namespace archscape;

// A choice of either changes the tensors' shapes (affectsShape).
ParamSpec channels(const char* name, int64_t value, const char* help)
{
    return ParamSpec::integer(name, value, 1, 4096, true, help);
}

class FireBlock : public BlockKindExtension
{
public:
    BlockKindInfo describe() const override
    {
        BlockKindInfo info;
        info.name = "fire";
        info.displayName = "Fire module";
        info.help = "SqueezeNet: 1×1 squeeze, then 1×1 and 3×3 expand, concatenated.";
        info.params = {channels("squeeze", 16, "channels after the squeeze"),
                       channels("expand", 64, "channels of each expand branch")};
        return info;
    }

    int expand(BlockLayers& layers, int input) const override
    {
        const int64_t squeeze = layers.param("squeeze").toInt();
        const int64_t expand = layers.param("expand").toInt();
        int s = layers.conv(input, squeeze, 1, 1, 1, true, "squeeze");
        s = layers.activation(s, Activation::ReLU, "squeeze-relu");
        int e1 = layers.conv(s, expand, 1, 1, 1, true, "expand1x1");
        e1 = layers.activation(e1, Activation::ReLU, "expand1x1-relu");
        int e3 = layers.conv(s, expand, 3, 1, 1, true, "expand3x3");
        e3 = layers.activation(e3, Activation::ReLU, "expand3x3-relu");
        return layers.concat({e1, e3}, "concat");
    }
};

class FireBlockPlugin : public Plugin
{
public:
    std::string name() const override { return "fireblock"; }
    std::string version() const override { return "1.0.0"; }
    std::string description() const override { return "SqueezeNet's fire module as a block kind"; }
    void registerComponents(PluginRegistrar& registrar) override
    {
        registrar.addBlockKind(std::make_shared<FireBlock>());
    }
};

} // namespace

ARCHSCAPE_DECLARE_PLUGIN(FireBlockPlugin)
