#pragma once
// Regularized (aging) evolution (Real et al., AAAI 2019): a population of
// the most recent results; each child mutates the best of a random sample
// of the population, and the oldest member dies. Options: "population"
// (default 10) and "sample" (default 5: on NAS-Bench-201, seeds 1000-1099,
// it beats sample 3 at 100, 300 and 1000 queries).

#include "StrategyBase.h"

#include <deque>

namespace archscape {

class RegularizedEvolution : public StrategyBase
{
public:
    RegularizedEvolution(const ArchitectureCodec& codec, StrategySettings settings);
    std::string name() const override { return "evolution"; }
    std::optional<Architecture> propose() override;
    void observe(const Observation& observation) override;

private:
    struct Member
    {
        Architecture arch;
        double score;
    };
    size_t populationSize_;
    size_t sampleSize_;
    size_t proposed_ = 0;
    size_t observed_ = 0;
    std::deque<Member> population_;
};

} // namespace archscape
