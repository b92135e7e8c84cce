#pragma once
// NSGA-II (Deb et al., 2002) for several objectives with constraints:
// generations of "population" children (default 20) bred by binary
// tournaments on (constrained rank, crowding distance), uniform crossover
// and one mutation; parents and children compete for the next generation by
// constrained non-dominated sorting and crowding distance.

#include "StrategyBase.h"

namespace archscape {

class Nsga2Search : public StrategyBase
{
public:
    Nsga2Search(const ArchitectureCodec& codec, StrategySettings settings);
    std::string name() const override { return "nsga2"; }
    std::optional<Architecture> propose() override;
    void observe(const Observation& observation) override;

private:
    struct Member
    {
        Architecture arch;
        std::vector<double> objectives; // minimised
        double violation = 0.0;
        size_t rank = 0;
        double crowding = 0.0;
    };
    const Member& tournament();
    std::optional<Architecture> breed();
    void selectNextGeneration();

    size_t populationSize_;
    double crossoverRate_;
    bool firstGeneration_ = true;
    size_t proposedInGeneration_ = 0;
    std::vector<Member> parents_;
    std::vector<Member> children_;
};

} // namespace archscape
