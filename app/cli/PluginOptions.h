#pragma once
// The plugin folders of one CLI call: --plugin-dir DIR (repeatable, before or
// after the command) is taken out of the arguments, and the folders are
// loaded after the default ones (the built-in folder, ARCHSCAPE_PLUGIN_PATH).

#include <iosfwd>
#include <string>
#include <vector>

namespace archscape::cli {

class PluginOptions
{
public:
    // Removes every --plugin-dir DIR and --plugin-dir=DIR from args.
    // Throws UsageError for a --plugin-dir without a value or a folder that
    // does not exist.
    static std::vector<std::string> take(std::vector<std::string>& args);
    // Loads the default folders, then these; writes one line to `warnings`
    // for each plugin that was refused.
    static void load(const std::vector<std::string>& folders, std::ostream* warnings);
};

} // namespace archscape::cli
