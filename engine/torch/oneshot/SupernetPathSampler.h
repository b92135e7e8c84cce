#pragma once
// Draws the path a single-path supernet trains at each step: uniform
// sampling (SPOS: every decision uniformly at random) or fair sampling
// (FairNAS, Chu et al. 2021: each decision walks through a shuffled cycle
// of its options, so over any whole cycle every option of every choice is
// trained equally often). Deterministic given the seed.

#include "space/ArchitectureSampler.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace archscape {

class SupernetPathSampler
{
public:
    enum class Mode { Uniform, Fair };

    SupernetPathSampler(const ArchitectureCodec& codec, Mode mode, uint64_t seed);

    // The next path, canonical.
    Architecture next();

    // "uniform" or "fair"; the option value 0 or 1.
    static const char* modeName(Mode mode);
    // Throws std::invalid_argument for any other value.
    static Mode modeFromOption(double value);

private:
    int nextFairOption(size_t decision);

    const ArchitectureCodec& codec_;
    ArchitectureSampler sampler_;
    Mode mode_;
    std::mt19937_64 rng_;
    std::vector<std::vector<int>> cycles_; // Fair: the options still due, per decision
};

} // namespace archscape
