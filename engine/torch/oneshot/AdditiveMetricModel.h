#pragma once
// A metric modelled as a sum of one term per decision option plus a
// constant (least squares with a small ridge on the one-hot features of
// the codec): exact for a latency estimated from a per-operation table
// when each option brings its own operations. SposSearch screens children
// with it before proposing them. Deterministic: the same results give the
// same model.

#include "search/Strategy.h"

#include <string>
#include <vector>

namespace archscape {

class AdditiveMetricModel
{
public:
    // Fits only once `minimumResults` complete results carry the metric.
    AdditiveMetricModel(const ArchitectureCodec& codec, size_t minimumResults);

    void fit(const std::vector<Observation>& results, const std::string& metric);
    bool fitted() const { return !weights_.empty(); }
    double predict(const Architecture& arch) const;

private:
    std::vector<double> featuresOf(const Architecture& arch) const;

    const ArchitectureCodec* codec_;
    size_t minimumResults_;
    std::vector<double> weights_; // per feature, then the constant
};

} // namespace archscape
