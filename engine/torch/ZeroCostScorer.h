#pragma once
// The "zc" ArchitectureScorer: synflow, grad_norm and jacob_cov of an
// architecture, computed by a ZeroCostEvaluator on one fixed mini-batch
// (weights seeded by the run's seed and the architecture's hash), cached
// by canonical hash: the predictor strategy asks again for the same
// candidates round after round, and each costs 0.1 to 1 s on a CPU.

#include "ZeroCostEvaluator.h"

#include "predict/ArchitectureScorerRegistry.h"

#include <unordered_map>

namespace archscape {

class ZeroCostScorer : public ArchitectureScorer
{
public:
    static constexpr const char* kDefaultData = "/usr/share/datasets/fashion-mnist";

    ZeroCostScorer(const ArchitectureCodec& codec, ZeroCostBatch batch, c10::Device device,
                   uint64_t seed);

    std::vector<std::string> scoreNames() const override;
    std::map<std::string, double> scores(const Architecture& canonicalArch) override;
    size_t computed() const override { return cache_.size(); }

    // The scorer for `settings` (data: an IDX folder; empty: kDefaultData).
    // Throws std::invalid_argument for data that cannot be read or whose
    // images do not have the shape of the space's input.
    static std::unique_ptr<ZeroCostScorer> create(const ArchitectureCodec& codec,
                                                  const ScorerSettings& settings);

private:
    const ArchitectureCodec& codec_;
    ZeroCostEvaluator evaluator_;
    std::unordered_map<uint64_t, std::map<std::string, double>> cache_;
};

// Adds "zc" to the ArchitectureScorerRegistry; call once at start-up.
void registerZeroCostScorer();

} // namespace archscape
