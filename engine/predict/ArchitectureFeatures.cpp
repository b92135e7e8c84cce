#include "ArchitectureFeatures.h"

#include "cost/NetworkCost.h"

#include <algorithm>
#include <cmath>

namespace archscape {

ArchitectureFeatures::ArchitectureFeatures(const ArchitectureCodec& codec, bool withCost,
                                           ArchitectureScorer* scorer)
    : codec_(codec), withCost_(withCost), scorer_(scorer)
{
}

int ArchitectureFeatures::length() const
{
    return codec_.featureLength() + (withCost_ ? 2 : 0)
           + (scorer_ ? static_cast<int>(scorer_->scoreNames().size()) : 0);
}

float ArchitectureFeatures::scaledScore(const std::string& name, double value)
{
    constexpr float kMissing = -12.0f;
    if (!std::isfinite(value))
        return kMissing;
    double scaled = value;
    if (name == "synflow" || name == "grad_norm")
        scaled = std::log10(std::max(value, 1e-12));
    else if (name == "jacob_cov")
        scaled = std::copysign(std::log10(1.0 + std::abs(value)), value);
    return static_cast<float>(scaled);
}

std::vector<float> ArchitectureFeatures::of(const Architecture& arch) const
{
    std::vector<float> f = codec_.features(arch);
    if (withCost_) {
        NetworkCost cost = NetworkCost::of(codec_.network(arch, false));
        f.push_back(static_cast<float>(std::log10(std::max<int64_t>(1, cost.params))));
        f.push_back(static_cast<float>(std::log10(std::max<int64_t>(1, cost.macs))));
    }
    if (scorer_) {
        const std::map<std::string, double> scores = scorer_->scores(codec_.canonical(arch));
        for (const std::string& name : scorer_->scoreNames()) {
            auto it = scores.find(name);
            f.push_back(scaledScore(name, it == scores.end() ? NAN : it->second));
        }
    }
    return f;
}

FeatureMatrix ArchitectureFeatures::of(const std::vector<Architecture>& archs) const
{
    FeatureMatrix rows;
    rows.reserve(archs.size());
    for (const auto& a : archs)
        rows.push_back(of(a));
    return rows;
}

} // namespace archscape
