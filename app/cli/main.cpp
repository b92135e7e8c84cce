// archscape-cli: the engine without a GUI, for scripts, servers and clusters.
// Exit codes: 0 success, 2 bad usage or bad input, 1 any other failure.

#include "ArgumentList.h"
#include "ReportCommand.h"
#include "SpaceCommand.h"
#include "StudyCommand.h"

#include "space/SpaceError.h"
#include "storage/StorageError.h"

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
    "\n"
    "archscape-cli COMMAND --help shows a command's options.\n"
    "archscape-cli --version prints the version.\n";

} // namespace

int main(int argc, char** argv)
{
    using namespace archscape;
    std::vector<std::string> args(argv + 1, argv + argc);
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
    } catch (const std::exception& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 1;
    }
}
