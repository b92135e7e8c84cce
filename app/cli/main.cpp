// archscape-cli: the engine without a GUI, for scripts, servers and clusters.
// Exit codes: 0 success, 2 bad usage or bad input, 1 any other failure.

#include "ArgumentList.h"
#include "SpaceCommand.h"

#include "space/SpaceError.h"

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
        std::cerr << "archscape-cli: unknown command '" << command << "'\n\n" << kUsage;
        return 2;
    } catch (const cli::UsageError& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const SpaceError& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "archscape-cli " << command << ": " << e.what() << "\n";
        return 1;
    }
}
