#include "PluginOptions.h"

#include "ArgumentList.h"

#include "plugin/PluginCatalog.h"

#include <filesystem>
#include <ostream>
#include <system_error>

namespace archscape::cli {

namespace {

const std::string kOption = "--plugin-dir";

std::string checkedFolder(const std::string& folder)
{
    if (folder.empty())
        throw UsageError(kOption + " needs a folder");
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        throw UsageError(kOption + ": no such folder: " + folder);
    return folder;
}

} // namespace

std::vector<std::string> PluginOptions::take(std::vector<std::string>& args)
{
    std::vector<std::string> folders;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == kOption) {
            if (i + 1 >= args.size())
                throw UsageError(kOption + " needs a folder");
            folders.push_back(checkedFolder(args[++i]));
        } else if (args[i].rfind(kOption + "=", 0) == 0) {
            folders.push_back(checkedFolder(args[i].substr(kOption.size() + 1)));
        } else {
            rest.push_back(args[i]);
        }
    }
    args = std::move(rest);
    return folders;
}

void PluginOptions::load(const std::vector<std::string>& folders, std::ostream* warnings)
{
    PluginCatalog& catalog = PluginCatalog::global();
    catalog.loadDefaultFolders();
    for (const auto& folder : folders)
        catalog.loadFolder(folder);
    if (!warnings)
        return;
    for (const auto& record : catalog.records())
        if (!record.loaded())
            *warnings << "archscape-cli: plugin refused: " << record.file << ": " << record.refusal
                      << "\n";
}

} // namespace archscape::cli
