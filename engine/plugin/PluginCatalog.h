#pragma once
// The plugins of this process: the ones loaded, with what they provide, and
// the ones refused, with the reason. Loading a plugin registers its
// strategies, evaluators and block kinds with the engine's registries, unless a name is
// taken already (by Archscape itself or by a plugin loaded before), in which
// case the whole plugin is refused. The registries load the default folders
// on first use, as Qt loads its image-format plugins, so that any program on
// the engine finds the built-in strategies; a program that takes folders
// from its user (--plugin-dir, settings) loads those after.

#include "PluginRecord.h"

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace archscape {

struct LoadedPlugin;

class PluginCatalog
{
public:
    static PluginCatalog& global();

    // The built-in folder and ARCHSCAPE_PLUGIN_PATH's, once per process.
    void loadDefaultFolders();
    // Every *.so in the folder, by file name. A missing folder is recorded
    // as refused. Loading a file twice does nothing the second time.
    void loadFolder(const std::string& folder);
    // The record of that file: loaded, or refused with the reason.
    PluginRecord loadFile(const std::string& file);

    std::vector<PluginRecord> records() const;

    PluginCatalog();
    ~PluginCatalog();
    PluginCatalog(const PluginCatalog&) = delete;
    PluginCatalog& operator=(const PluginCatalog&) = delete;

private:
    void admit(LoadedPlugin& loaded, PluginRecord& record);
    void checkBlockKinds(const LoadedPlugin& loaded) const;
    std::string providerOf(const std::string& kind, const std::string& name) const;

    mutable std::recursive_mutex mutex_;
    std::once_flag defaultsLoaded_;
    std::vector<PluginRecord> records_;
    std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
    std::set<std::string> triedFiles_; // canonical paths
};

} // namespace archscape
