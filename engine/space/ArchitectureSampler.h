#pragma once
// Draws architectures from a space: uniform samples, one-decision mutations,
// uniform crossover and enumeration of small spaces. Every result is
// canonical. Sampling is uniform per decision (the convention of
// NAS-Bench-201, SPOS and Once-for-All), which for NAS-Bench-201 is uniform
// over its 15,625 cells.

#include "ArchitectureCodec.h"

#include <cstdint>
#include <functional>
#include <random>

namespace archscape {

class ArchitectureSampler
{
public:
    explicit ArchitectureSampler(const ArchitectureCodec& codec) : codec_(codec) {}

    Architecture sample(std::mt19937_64& rng) const;
    // Changes one active decision to another option (a different network).
    Architecture mutate(const Architecture& parent, std::mt19937_64& rng) const;
    // Each decision from one parent or the other, with equal chance.
    Architecture crossover(const Architecture& a, const Architecture& b,
                           std::mt19937_64& rng) const;

    // Every distinct architecture in a fixed order, until `visit` returns
    // false. Walks all raw assignments: use it on spaces of up to a few
    // million assignments.
    void enumerate(const std::function<bool(const Architecture&)>& visit) const;

private:
    Architecture fillInactive(const Architecture& a, std::mt19937_64& rng) const;

    const ArchitectureCodec& codec_;
};

} // namespace archscape
