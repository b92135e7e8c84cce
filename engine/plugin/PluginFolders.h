#pragma once
// Where plugins are looked for by default: the folder of the plugins built
// with Archscape (lib/archscape/plugins beside the installed bin/, or, when
// there is none there and the executable lives in the build tree, the build
// tree's one), then the folders of ARCHSCAPE_PLUGIN_PATH (':'-separated);
// and where the probe that tries a plugin first is (app/probe), found the
// same way.

#include <string>
#include <vector>

namespace archscape {

class PluginFolders
{
public:
    static std::string builtIn();
    static std::vector<std::string> fromEnvironment();
    static std::vector<std::string> split(const std::string& pathList);
    // "" when there is none: plugins are then loaded without a probe.
    static std::string probeExecutable();
};

} // namespace archscape
