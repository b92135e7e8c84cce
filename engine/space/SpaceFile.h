#pragma once
// Reads and writes search spaces as JSON (format "archscape-space", with a
// schema version). Reading checks types, names and ranges and throws
// SpaceError naming the file, the block and the problem; graph-level checks
// (cycles, shapes) are SpaceValidator's.

#include "SearchSpace.h"

#include <string>

namespace archscape {

class SpaceFile
{
public:
    static constexpr int kFormatVersion = 1;
    static constexpr size_t kMaxFileBytes = 64u << 20;
    static constexpr int kMaxNesting = 64;   // JSON depth
    static constexpr size_t kMaxBlocks = 100000;
    static constexpr size_t kMaxOptions = 4096;

    // `origin` names the source in error messages (a path, or "<memory>").
    static SearchSpace parse(const std::string& json, const std::string& origin = "<memory>");
    static SearchSpace load(const std::string& path);

    static std::string serialize(const SearchSpace& space);
    // Writes to a temporary file in the same folder, then renames it over
    // `path`, so a failed save never leaves a half-written file.
    static void save(const SearchSpace& space, const std::string& path);
};

} // namespace archscape
