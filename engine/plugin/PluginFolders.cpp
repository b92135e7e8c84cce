#include "PluginFolders.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace archscape {

namespace fs = std::filesystem;

namespace {

fs::path runningExecutable()
{
    std::error_code error;
    fs::path exe = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : exe;
}

bool isInside(const fs::path& file, const fs::path& folder)
{
    std::error_code error;
    const fs::path base = fs::weakly_canonical(folder, error);
    if (error || base.empty())
        return false;
    const std::string prefix = base.string() + "/";
    return file.string().compare(0, prefix.size(), prefix) == 0;
}

bool isExecutable(const fs::path& file)
{
    return ::access(file.c_str(), X_OK) == 0;
}

} // namespace

std::string PluginFolders::builtIn()
{
    const fs::path exe = runningExecutable();
    if (exe.empty())
        return {};
    // The installed layout first: an installed copy unpacked inside a build
    // tree (the package check) must find its own plugins.
    const fs::path installed =
        (exe.parent_path() / ARCHSCAPE_PLUGIN_DIR_FROM_BIN).lexically_normal();
    std::error_code error;
    if (!fs::is_directory(installed, error) && isInside(exe, ARCHSCAPE_BUILD_DIR))
        return ARCHSCAPE_BUILD_PLUGIN_DIR;
    return installed.string();
}

std::string PluginFolders::probeExecutable()
{
    const fs::path exe = runningExecutable();
    if (exe.empty())
        return {};
    const fs::path installed = (exe.parent_path() / ARCHSCAPE_PROBE_FROM_BIN).lexically_normal();
    if (isExecutable(installed))
        return installed.string();
    if (isInside(exe, ARCHSCAPE_BUILD_DIR) && isExecutable(ARCHSCAPE_BUILD_PROBE))
        return ARCHSCAPE_BUILD_PROBE;
    return {};
}

std::vector<std::string> PluginFolders::fromEnvironment()
{
    const char* value = std::getenv("ARCHSCAPE_PLUGIN_PATH");
    return value ? split(value) : std::vector<std::string>{};
}

std::vector<std::string> PluginFolders::split(const std::string& pathList)
{
    std::vector<std::string> folders;
    size_t start = 0;
    while (start <= pathList.size()) {
        size_t end = pathList.find(':', start);
        if (end == std::string::npos)
            end = pathList.size();
        if (end > start)
            folders.push_back(pathList.substr(start, end - start));
        start = end + 1;
    }
    return folders;
}

} // namespace archscape
