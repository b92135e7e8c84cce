#pragma once
// The feature vector predictors see for an architecture: the codec's one-hot
// encoding of every decision, optionally followed by log10 of its parameter
// count and of its multiply-accumulates (exact, from NetworkCost), and by
// an ArchitectureScorer's scores (zero-cost proxies), scaled by scaledScore().

#include "predict/ArchitectureScorer.h"
#include "predict/Predictor.h"
#include "space/ArchitectureCodec.h"

namespace archscape {

class ArchitectureFeatures
{
public:
    // `scorer` (may be null: no scores) must outlive this object.
    ArchitectureFeatures(const ArchitectureCodec& codec, bool withCost,
                         ArchitectureScorer* scorer = nullptr);

    int length() const;
    bool withScores() const { return scorer_ != nullptr; }
    // synflow and grad_norm span tens of orders of magnitude: log10;
    // jacob_cov is a sum of logs already, but a dead network adds 1e5 per
    // zero eigenvalue: a signed log10(1 + |x|). Other scores as they are; a
    // score that could not be computed (NaN) becomes -12, below any real one.
    static float scaledScore(const std::string& name, double value);
    std::vector<float> of(const Architecture& arch) const;
    FeatureMatrix of(const std::vector<Architecture>& archs) const;

private:
    const ArchitectureCodec& codec_;
    bool withCost_;
    ArchitectureScorer* scorer_;
};

} // namespace archscape
