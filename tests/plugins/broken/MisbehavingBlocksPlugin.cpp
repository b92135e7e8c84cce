// Block kinds that load but misbehave when a network is resolved: the host
// must stop the resolution with a message naming the block, never crash.
//   badthrow     throws from expand()
//   badlayer     uses a layer index it never made
//   badport      declares a feature-map output but builds a vector
//   badparam     asks for a parameter it does not declare
//   badgroups    asks for a convolution whose groups do not divide the channels

#include "plugin/PluginInterface.h"

#include <stdexcept>

namespace {

using archscape::BlockKindInfo;
using archscape::BlockLayers;

class MisbehavingKind : public archscape::BlockKindExtension
{
public:
    explicit MisbehavingKind(std::string name) : name_(std::move(name)) {}
    BlockKindInfo describe() const override
    {
        BlockKindInfo info;
        info.name = name_;
        return info;
    }
    int expand(BlockLayers& layers, int input) const override
    {
        if (name_ == "badthrow")
            throw std::runtime_error("expand is not implemented");
        if (name_ == "badlayer")
            return layers.batchNorm(input + 1000, "bn");
        if (name_ == "badport")
            return layers.globalPool(input, false, false, "pool");
        if (name_ == "badparam")
            return layers.conv(input, layers.param("width").toInt(), 3, 1, 1, false, "conv");
        return layers.conv(input, 10, 3, 1, 3, false, "conv"); // badgroups
    }

private:
    std::string name_;
};

class MisbehavingBlocksPlugin : public archscape::Plugin
{
public:
    std::string name() const override { return "misbehaving-blocks"; }
    std::string version() const override { return "1.0"; }
    std::string description() const override { return "block kinds that build wrong layers"; }
    void registerComponents(archscape::PluginRegistrar& registrar) override
    {
        for (const char* kind : {"badthrow", "badlayer", "badport", "badparam", "badgroups"})
            registrar.addBlockKind(std::make_shared<MisbehavingKind>(kind));
    }
};

} // namespace

ARCHSCAPE_DECLARE_PLUGIN(MisbehavingBlocksPlugin)
