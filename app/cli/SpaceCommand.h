#pragma once
// `archscape-cli space FILE.json [--arch ENC|random [--seed S]]`: validates a
// space, prints its size and problems, and describes one architecture.

#include <string>
#include <vector>

namespace archscape::cli {

class SpaceCommand
{
public:
    static const char* usage();
    // Returns the exit code: 0 fine, 2 bad input.
    static int run(const std::vector<std::string>& args);
};

} // namespace archscape::cli
