#include "PluginLoader.h"

#include "PluginError.h"

#include "space/BlockKindRegistry.h"

#include <dlfcn.h>

namespace archscape {

namespace {

class CollectingRegistrar : public PluginRegistrar
{
public:
    explicit CollectingRegistrar(LoadedPlugin& target) : target_(target) {}
    std::vector<std::shared_ptr<const BlockKindExtension>> blockKinds;

    void addStrategy(const std::string& name, StrategyRegistry::Factory factory) override
    {
        target_.strategies.emplace_back(name, std::move(factory));
    }
    void addEvaluator(const std::string& name, EvaluatorRegistry::Factory factory) override
    {
        target_.evaluators.emplace_back(name, std::move(factory));
    }
    void addBlockKind(std::shared_ptr<const BlockKindExtension> kind) override
    {
        blockKinds.push_back(std::move(kind));
    }

private:
    LoadedPlugin& target_;
};

void* openLibrary(const std::string& file)
{
    dlerror();
    // RTLD_LOCAL: a plugin's symbols (its own copy of engine code) never
    // resolve another plugin's references.
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* error = dlerror();
        throw PluginError(file, std::string("cannot be loaded as a shared library: ") +
                                    (error ? error : "unknown error"));
    }
    return handle;
}

void* symbol(void* handle, const char* name)
{
    dlerror();
    return dlsym(handle, name);
}

std::string exceptionText(const char* what)
{
    return std::string("threw an exception: ") + what;
}

int pluginApiVersion(void* handle, const std::string& file)
{
    auto version = reinterpret_cast<ArchscapePluginApiVersionFunction>(
        symbol(handle, ARCHSCAPE_PLUGIN_API_VERSION_SYMBOL));
    if (!version)
        throw PluginError(
            file,
            "not an Archscape plugin: it exports no " ARCHSCAPE_PLUGIN_API_VERSION_SYMBOL "()");
    try {
        return version();
    } catch (const std::exception& e) {
        throw PluginError(file,
                          ARCHSCAPE_PLUGIN_API_VERSION_SYMBOL "() " + exceptionText(e.what()));
    } catch (...) {
        throw PluginError(file, ARCHSCAPE_PLUGIN_API_VERSION_SYMBOL "() threw an exception");
    }
}

std::unique_ptr<Plugin> createPlugin(void* handle, const std::string& file)
{
    auto create = reinterpret_cast<ArchscapeCreatePluginFunction>(
        symbol(handle, ARCHSCAPE_CREATE_PLUGIN_SYMBOL));
    if (!create)
        throw PluginError(file, "it exports " ARCHSCAPE_PLUGIN_API_VERSION_SYMBOL
                                "() but no " ARCHSCAPE_CREATE_PLUGIN_SYMBOL "()");
    std::unique_ptr<Plugin> plugin;
    try {
        plugin.reset(create(ARCHSCAPE_PLUGIN_API_VERSION));
    } catch (const std::exception& e) {
        throw PluginError(file, ARCHSCAPE_CREATE_PLUGIN_SYMBOL "() " + exceptionText(e.what()));
    } catch (...) {
        throw PluginError(file, ARCHSCAPE_CREATE_PLUGIN_SYMBOL "() threw an exception");
    }
    if (!plugin)
        throw PluginError(file, ARCHSCAPE_CREATE_PLUGIN_SYMBOL "() returned no plugin");
    return plugin;
}

std::shared_ptr<const BlockKindInfo>
describedBlockKind(const std::shared_ptr<const BlockKindExtension>& extension,
                   const std::string& file)
{
    try {
        return BlockKindRegistry::describe(extension);
    } catch (const std::invalid_argument& e) {
        throw PluginError(file, std::string("it describes a block kind wrongly: ") + e.what());
    } catch (const std::exception& e) {
        throw PluginError(file, "describing a block kind " + exceptionText(e.what()));
    } catch (...) {
        throw PluginError(file, "describing a block kind threw an exception");
    }
}

} // namespace

LoadedPlugin PluginLoader::load(const std::string& file)
{
    void* handle = openLibrary(file);
    const int version = pluginApiVersion(handle, file);
    if (version != ARCHSCAPE_PLUGIN_API_VERSION)
        throw PluginError(file, "built for plugin interface version " + std::to_string(version) +
                                    ", but this Archscape uses version " +
                                    std::to_string(ARCHSCAPE_PLUGIN_API_VERSION) +
                                    ": rebuild it against this version's headers");
    LoadedPlugin loaded;
    loaded.file = file;
    loaded.plugin = createPlugin(handle, file);
    CollectingRegistrar registrar(loaded);
    try {
        if (loaded.plugin->name().empty())
            throw PluginError(file, "the plugin has no name");
        loaded.plugin->registerComponents(registrar);
    } catch (const PluginError&) {
        throw;
    } catch (const std::exception& e) {
        throw PluginError(file, "registering its components " + exceptionText(e.what()));
    } catch (...) {
        throw PluginError(file, "registering its components threw an exception");
    }
    for (const auto& extension : registrar.blockKinds)
        loaded.blockKinds.push_back(describedBlockKind(extension, file));
    return loaded;
}

} // namespace archscape
