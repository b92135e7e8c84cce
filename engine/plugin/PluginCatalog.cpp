#include "PluginCatalog.h"

#include "PluginCrashHandler.h"
#include "PluginError.h"
#include "PluginFolders.h"
#include "PluginLoader.h"
#include "PluginProbe.h"

#include "space/BlockKindRegistry.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace archscape {

namespace fs = std::filesystem;

namespace {

std::string canonicalPath(const std::string& file)
{
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(file, error);
    return error ? file : canonical.string();
}

std::vector<std::string> pluginFilesIn(const std::string& folder)
{
    std::vector<std::string> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.path().extension() == ".so" && !entry.is_directory())
            files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

PluginCatalog& PluginCatalog::global()
{
    static PluginCatalog catalog;
    return catalog;
}

PluginCatalog::PluginCatalog() = default;
PluginCatalog::~PluginCatalog() = default;

void PluginCatalog::loadDefaultFolders()
{
    std::call_once(defaultsLoaded_, [this] {
        const std::string builtIn = PluginFolders::builtIn();
        std::error_code error;
        if (!builtIn.empty() && fs::is_directory(builtIn, error))
            loadFolder(builtIn);
        for (const auto& folder : PluginFolders::fromEnvironment())
            loadFolder(folder);
    });
}

void PluginCatalog::loadFolder(const std::string& folder)
{
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        if (triedFiles_.insert(canonicalPath(folder)).second) {
            PluginRecord record;
            record.file = folder;
            record.refusal = "no such plugin folder";
            records_.push_back(record);
        }
        return;
    }
    for (const auto& file : pluginFilesIn(folder))
        loadFile(file);
}

PluginRecord PluginCatalog::loadFile(const std::string& file)
{
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    const std::string canonical = canonicalPath(file);
    if (!triedFiles_.insert(canonical).second) {
        for (const auto& record : records_)
            if (canonicalPath(record.file) == canonical)
                return record;
    }
    PluginRecord record;
    record.file = file;
    try {
        // A plugin that crashes or hangs while loading is refused, not loaded.
        if (std::string refusal = PluginProbe::forThisProgram().refusalOf(file); !refusal.empty())
            throw PluginError(file, refusal);
        PluginCrashHandler::watch(file);
        auto loaded = std::make_unique<LoadedPlugin>(PluginLoader::load(file));
        admit(*loaded, record);
        plugins_.push_back(std::move(loaded));
    } catch (const PluginError& e) {
        record.refusal = e.reason();
    }
    records_.push_back(record);
    return record;
}

// All or nothing: a plugin with one taken name adds none of its names.
void PluginCatalog::admit(LoadedPlugin& loaded, PluginRecord& record)
{
    Plugin& plugin = *loaded.plugin;
    record.name = plugin.name();
    record.version = plugin.version();
    record.description = plugin.description();
    for (const auto& other : records_)
        if (other.loaded() && other.name == record.name)
            throw PluginError(loaded.file, "a plugin named '" + record.name +
                                               "' is loaded already, from " + other.file);
    std::set<std::string> strategies, evaluators;
    for (const auto& [name, factory] : loaded.strategies) {
        if (!strategies.insert(name).second)
            throw PluginError(loaded.file, "it registers the strategy '" + name + "' twice");
        if (std::string provider = providerOf("strategy", name); !provider.empty())
            throw PluginError(loaded.file, "it provides the strategy '" + name + "', which " +
                                               provider + " already provides");
    }
    for (const auto& [name, factory] : loaded.evaluators) {
        if (!evaluators.insert(name).second)
            throw PluginError(loaded.file, "it registers the evaluator '" + name + "' twice");
        if (std::string provider = providerOf("evaluator", name); !provider.empty())
            throw PluginError(loaded.file, "it provides the evaluator '" + name + "', which " +
                                               provider + " already provides");
    }
    checkBlockKinds(loaded);
    for (auto& [name, factory] : loaded.strategies) {
        StrategyRegistry::add(name, factory);
        record.strategies.push_back(name);
    }
    for (auto& [name, factory] : loaded.evaluators) {
        EvaluatorRegistry::add(name, factory);
        record.evaluators.push_back(name);
    }
    for (const auto& kind : loaded.blockKinds) {
        BlockKindRegistry::add(kind);
        record.blockKinds.push_back(kind->name);
    }
}

// The plugin's block kinds, each name once and free.
void PluginCatalog::checkBlockKinds(const LoadedPlugin& loaded) const
{
    std::set<std::string> names;
    for (const auto& kind : loaded.blockKinds) {
        if (!names.insert(kind->name).second)
            throw PluginError(loaded.file, "it registers the block kind '" + kind->name + "' twice");
        if (std::string provider = providerOf("block kind", kind->name); !provider.empty())
            throw PluginError(loaded.file, "it provides the block kind '" + kind->name +
                                               "', which " + provider + " already provides");
    }
}

// Who provides a name already: a loaded plugin's file, "Archscape" for the
// engine's own (and its LibTorch library's), or "" when it is free.
std::string PluginCatalog::providerOf(const std::string& kind, const std::string& name) const
{
    for (const auto& record : records_) {
        const auto& names = kind == "strategy"    ? record.strategies
                            : kind == "evaluator" ? record.evaluators
                                                  : record.blockKinds;
        if (std::find(names.begin(), names.end(), name) != names.end())
            return record.file;
    }
    const bool known = kind == "strategy"    ? StrategyRegistry::has(name)
                       : kind == "evaluator" ? EvaluatorRegistry::has(name)
                                             : BlockKindRegistry::has(name)
                                                   || blockKindFromName(name).has_value();
    return known ? "Archscape" : "";
}

std::vector<PluginRecord> PluginCatalog::records() const
{
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    return records_;
}

} // namespace archscape
