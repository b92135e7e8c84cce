#pragma once
// The "spos" strategy: the evolutionary search of Single Path One-Shot NAS
// (Guo et al., ECCV 2020, section 3.3), meant for the "supernet" evaluator,
// whose scores cost a fraction of a second each. A first generation of
// `population` random architectures; then generation after generation of
// `population` children, half by crossover of two parents and half by
// mutation of one (each decision redrawn with probability `mutation`), the
// parents drawn from the `parents` best results so far (top-k). Results
// that violate a constraint never become parents. Children are checked
// before they are proposed, as SPOS checks FLOPs: params and flops
// constraints exactly (counted from the network), any other constrained
// metric (latency_ms) with an additive model fitted to the results so far
// (latency is a sum over operations). Never proposes an architecture twice.

#include "AdditiveMetricModel.h"
#include "search/StrategyBase.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace archscape {

class SposSearch : public StrategyBase
{
public:
    SposSearch(const ArchitectureCodec& codec, StrategySettings settings);
    std::string name() const override { return "spos"; }
    std::optional<Architecture> propose() override;
    void observe(const Observation& observation) override;

private:
    struct Member
    {
        Architecture arch;
        double score;
    };
    void startGeneration();
    std::optional<Architecture> child();
    Architecture mutated(const Architecture& parent);
    // Not proposed before, and expected to meet every constraint.
    bool acceptable(const Architecture& arch) const;

    size_t population_;
    size_t parents_;
    double mutation_;
    size_t generation_ = 0;
    size_t proposedInGeneration_ = 0;
    size_t proposed_ = 0;
    size_t observed_ = 0;
    std::vector<Member> feasible_;
    std::vector<Member> topK_;
    std::vector<Observation> results_;
    // By constrained metric that is not counted exactly.
    std::map<std::string, AdditiveMetricModel> models_;
};

// Adds "spos" to the StrategyRegistry; call once at start-up.
void registerSposStrategy();

} // namespace archscape
