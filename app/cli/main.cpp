// archscape-cli: the engine without a GUI, for scripts, servers and clusters.
// Exit codes: 0 success, 2 bad usage or bad input, 1 any other failure.

#include "ArgumentList.h"
#include "PluginOptions.h"
#include "PluginsCommand.h"
#include "ReportCommand.h"
#include "SpaceCommand.h"
#include "StudyCommand.h"
#ifdef ARCHSCAPE_HAVE_EXPORT
#include "ExportCommand.h"
#include "export/ExportError.h"
#endif

#include "plugin/PluginCrashHandler.h"
#include "space/SpaceError.h"
#include "storage/StorageError.h"
#ifdef ARCHSCAPE_HAVE_TORCH
#include "TrainCommand.h"
#include "torch/TorchComponents.h"
#endif

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

const char* kUsage =
    "usage: archscape-cli COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  space FILE.json [--arch ENC|random [--seed S]]   validate a space, print its size\n"
    "  new STUDY.db --space FILE.json                   create a study\n"
    "  run STUDY.db --strategy NAME --evaluator NAME    run a search (see run --help)\n"
    "  resume STUDY.db                                  continue a stopped or killed study\n"
    "  trials STUDY.db [--csv]                          list trials and metrics\n"
    "  pareto STUDY.db [--objectives acc,params] [--csv]  the non-dominated trials\n"
    "  best STUDY.db [--objective acc]                  the best trial\n"
    "  info STUDY.db                                    summarise a study\n"
    "  export (STUDY.db --trial N | --space FILE.json --arch ENC|random) -o model.onnx\n"
    "                                                   write a network as ONNX\n"
    "  train STUDY.db --trial N [--epochs E]            fully train a trial's architecture\n"
    "  plugins                                          list the plugins, loaded and refused\n"
    "\n"
    "options of every command:\n"
    "  --plugin-dir DIR   load the plugins in DIR too (repeatable; also\n"
    "                     ARCHSCAPE_PLUGIN_PATH=DIR:DIR...)\n"
    "\n"
    "archscape-cli COMMAND --help shows a command's options.\n"
    "archscape-cli --version prints the version.\n";

} // namespace

int main(int argc, char** argv)
{
    using namespace archscape;
    PluginCrashHandler::install("archscape-cli");
#ifdef ARCHSCAPE_HAVE_TORCH
    registerTorchComponents();
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    std::vector<std::string> pluginFolders;
    try {
        pluginFolders = cli::PluginOptions::take(args);
    } catch (const cli::UsageError& e) {
        std::cerr << "archscape-cli: " << e.what() << "\n";
        return 2;
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "archscape-cli " << ARCHSCAPE_VERSION << "\n";
        return 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    // After the LibTorch registrations, so that a plugin cannot take their names.
    cli::PluginOptions::load(pluginFolders, command == "plugins" ? nullptr : &std::cerr);
    try {
        if (command == "space")
            return cli::SpaceCommand::run(args);
        if (command == "new")
            return cli::StudyCommand::runNew(args);
        if (command == "run")
            return cli::StudyCommand::runRun(args);
        if (command == "resume")
            return cli::StudyCommand::runResume(args);
        if (command == "trials")
            return cli::ReportCommand::runTrials(args);
        if (command == "pareto")
            return cli::ReportCommand::runPareto(args);
        if (command == "best")
            return cli::ReportCommand::runBest(args);
        if (command == "info")
            return cli::ReportCommand::runInfo(args);
        if (command == "plugins")
            return cli::PluginsCommand::run(args);
#ifdef ARCHSCAPE_HAVE_EXPORT
        if (command == "export")
            return cli::ExportCommand::run(args);
#else
        if (command == "export") {
            std::cerr << "archscape-cli export: this build has no ONNX export (it needs LibTorch "
                         "and ONNX: libtorch-dev, libonnx-dev)\n";
            return 1;
        }
#endif
#ifdef ARCHSCAPE_HAVE_TORCH
        if (command == "train")
            return cli::TrainCommand::run(args);
#else
        if (command == "train") {
            std::cerr << "archscape-cli train: this build has no LibTorch (libtorch-dev), so it "
                         "cannot train\n";
            return 1;
        }
#endif
        std::cerr << "archscape-cli: unknown command '" << command << "'\n\n" << kUsage;
        return 2;
    } catch (const cli::UsageError& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const SpaceError& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const StorageError& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 2;
#ifdef ARCHSCAPE_HAVE_EXPORT
    } catch (const ExportError& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 2;
#endif
    } catch (const std::exception& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 1;
    }
}
