#include "PluginsCommand.h"

#include "ArgumentList.h"
#include "TableWriter.h"

#include "plugin/PluginCatalog.h"

#include <iostream>

namespace archscape::cli {

namespace {

std::string joined(const std::vector<std::string>& names, const std::string& kind)
{
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : ", ") + kind + " " + name;
    return text;
}

std::string provides(const PluginRecord& record)
{
    std::string text;
    for (const auto& part : {joined(record.strategies, "strategy"),
                             joined(record.evaluators, "evaluator"),
                             joined(record.blockKinds, "block")})
        if (!part.empty())
            text += (text.empty() ? "" : ", ") + part;
    return text.empty() ? "nothing" : text;
}

} // namespace

const char* PluginsCommand::usage()
{
    return "usage: archscape-cli plugins [--csv] [--plugin-dir DIR]...\n"
           "\n"
           "Lists the plugins: the ones loaded (name, version, file, what each provides)\n"
           "and the ones refused, with the reason. Plugins come from the built-in folder,\n"
           "the folders of ARCHSCAPE_PLUGIN_PATH (':'-separated) and each --plugin-dir.\n";
}

int PluginsCommand::run(const std::vector<std::string>& args)
{
    ArgumentList list(args, {}, {"--csv", "--help"});
    if (list.has("--help")) {
        std::cout << usage();
        return 0;
    }
    if (!list.positional().empty())
        throw UsageError("plugins takes no arguments, got '" + list.positional().front() + "'");

    TableWriter table({"name", "version", "file", "provides", "status"});
    for (const auto& record : PluginCatalog::global().records()) {
        if (record.loaded())
            table.addRow({record.name, record.version, record.file, provides(record), "loaded"});
        else
            table.addRow({"", "", record.file, "", "refused: " + record.refusal});
    }
    if (list.has("--csv"))
        table.printCsv(std::cout);
    else
        table.printText(std::cout);
    return 0;
}

} // namespace archscape::cli
