#pragma once
// `archscape-cli plugins`: the plugins loaded (name, version, file, what each
// provides) and the ones refused, with the reason.

#include <string>
#include <vector>

namespace archscape::cli {

class PluginsCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& args);
};

} // namespace archscape::cli
