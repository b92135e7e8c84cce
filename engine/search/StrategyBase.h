#pragma once
// What the built-in strategies share: the codec, a seeded random engine, the
// set of architectures already proposed (no architecture is evaluated twice)
// and the scalar score of a result on the first objective.

#include "Strategy.h"
#include "space/ArchitectureSampler.h"

#include <limits>
#include <random>
#include <unordered_set>

namespace archscape {

class StrategyBase : public Strategy
{
public:
    StrategyBase(const ArchitectureCodec& codec, StrategySettings settings);

protected:
    // Smaller is better; failed or constraint-violating results score worst.
    double score(const Observation& o) const;
    // The minimised objective vector (NSGA-II) and the total constraint violation.
    std::vector<double> objectiveVector(const Observation& o) const;
    double violation(const Observation& o) const;

    // Both take canonical architectures (what the sampler returns).
    bool seen(const Architecture& arch) const;
    // Records the architecture as proposed and returns it.
    Architecture claim(const Architecture& arch);
    std::optional<Architecture> sampleUnseen();
    // A mutation of `parent` not proposed before; a fresh sample if none is
    // found after a few tries.
    std::optional<Architecture> mutateUnseen(const Architecture& parent);

    const ArchitectureCodec& codec_;
    ArchitectureSampler sampler_;
    StrategySettings settings_;
    std::mt19937_64 rng_;

private:
    std::unordered_set<uint64_t> proposed_;
};

} // namespace archscape
