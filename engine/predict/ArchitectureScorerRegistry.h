#pragma once
// The architecture scorers known by name ("zc": zero-cost proxies, added by
// the LibTorch library at start-up with add()). The engine has none of its
// own: a strategy asking for one in a build without LibTorch gets a clear error.

#include "ArchitectureScorer.h"
#include "space/ArchitectureCodec.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace archscape {

struct ScorerSettings
{
    std::string data;          // an image data set folder; empty: the scorer's default
    std::string device = "cpu";
    uint64_t seed = 0;         // picks the mini-batch and the initial weights
};

class ArchitectureScorerRegistry
{
public:
    using Factory = std::function<std::unique_ptr<ArchitectureScorer>(const ArchitectureCodec&,
                                                                      const ScorerSettings&)>;

    // Registers (or replaces) a scorer by name. Not thread-safe: call it at start-up.
    static void add(const std::string& name, Factory factory);
    static std::vector<std::string> names();
    // Throws std::invalid_argument for an unknown name or settings the
    // scorer cannot use (data that cannot be read or does not fit the space).
    static std::unique_ptr<ArchitectureScorer> create(const std::string& name,
                                                      const ArchitectureCodec& codec,
                                                      const ScorerSettings& settings);
};

} // namespace archscape
