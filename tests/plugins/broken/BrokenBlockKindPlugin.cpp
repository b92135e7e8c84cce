// A plugin with a block kind the host must refuse, and a strategy that must
// then not appear either. Built once per BROKEN_KIND:
//   1 takes the name of a built-in kind ("conv")
//   2 declares a parameter whose default lies outside its range
//   3 throws from describe()
//   4 registers the same kind twice

#include "plugin/PluginInterface.h"
#include "search/RandomSearch.h"

#include <stdexcept>

namespace {

archscape::ParamSpec widthParam(int64_t value)
{
    archscape::ParamSpec spec;
    spec.name = "width";
    spec.type = archscape::Value::Type::Int;
    spec.defaultValue = archscape::Value::integer(value);
    spec.minimum = 1;
    spec.maximum = 512;
    return spec;
}

class BrokenKind : public archscape::BlockKindExtension
{
public:
    archscape::BlockKindInfo describe() const override
    {
        if (BROKEN_KIND == 3)
            throw std::runtime_error("no description today");
        archscape::BlockKindInfo info;
        info.name = BROKEN_KIND == 1 ? "conv" : "broken";
        info.params = {widthParam(BROKEN_KIND == 2 ? 1024 : 16)};
        return info;
    }
    int expand(archscape::BlockLayers& layers, int input) const override
    {
        return layers.conv(input, layers.param("width").toInt(), 3, 1, 1, false, "conv");
    }
};

class BrokenBlockKindPlugin : public archscape::Plugin
{
public:
    std::string name() const override { return "broken-block-kind-" + std::to_string(BROKEN_KIND); }
    std::string version() const override { return "1.0"; }
    std::string description() const override { return "a block kind to refuse"; }
    void registerComponents(archscape::PluginRegistrar& registrar) override
    {
        registrar.addStrategy("strategy-of-broken-" + std::to_string(BROKEN_KIND),
                              [](const auto& codec, const auto& settings) {
                                  return std::unique_ptr<archscape::Strategy>(
                                      std::make_unique<archscape::RandomSearch>(codec, settings));
                              });
        registrar.addBlockKind(std::make_shared<BrokenKind>());
        if (BROKEN_KIND == 4)
            registrar.addBlockKind(std::make_shared<BrokenKind>());
    }
};

} // namespace

ARCHSCAPE_DECLARE_PLUGIN(BrokenBlockKindPlugin)
