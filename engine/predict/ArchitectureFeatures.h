#pragma once
// The feature vector predictors see for an architecture: the codec's one-hot
// encoding of every decision, optionally followed by log10 of its parameter
// count and of its multiply-accumulates (exact, from NetworkCost).

#include "predict/Predictor.h"
#include "space/ArchitectureCodec.h"

namespace archscape {

class ArchitectureFeatures
{
public:
    ArchitectureFeatures(const ArchitectureCodec& codec, bool withCost);

    int length() const;
    std::vector<float> of(const Architecture& arch) const;
    FeatureMatrix of(const std::vector<Architecture>& archs) const;

private:
    const ArchitectureCodec& codec_;
    bool withCost_;
};

} // namespace archscape
