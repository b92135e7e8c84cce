#pragma once
// Scores of an architecture that cost little next to training it, by name
// (the zero-cost proxies synflow, grad_norm, jacob_cov): predictor features
// and a pre-filter for the predictor strategy. The engine only sees this
// interface; LibTorch implements it (engine/torch/ZeroCostScorer) and
// registers it with ArchitectureScorerRegistry.

#include "space/Architecture.h"

#include <map>
#include <string>
#include <vector>

namespace archscape {

class ArchitectureScorer
{
public:
    virtual ~ArchitectureScorer() = default;
    // The names scores() returns, in a fixed order; higher is better for each.
    virtual std::vector<std::string> scoreNames() const = 0;
    // Every name of scoreNames(); a score that could not be computed is NaN.
    // Implementations cache by the architecture's canonical hash.
    virtual std::map<std::string, double> scores(const Architecture& canonicalArch) = 0;
    // How many architectures were actually scored (cache misses).
    virtual size_t computed() const = 0;
};

} // namespace archscape
