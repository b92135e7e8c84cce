#include "ArchitectureFeatures.h"

#include "cost/NetworkCost.h"

#include <algorithm>
#include <cmath>

namespace archscape {

ArchitectureFeatures::ArchitectureFeatures(const ArchitectureCodec& codec, bool withCost)
    : codec_(codec), withCost_(withCost)
{
}

int ArchitectureFeatures::length() const
{
    return codec_.featureLength() + (withCost_ ? 2 : 0);
}

std::vector<float> ArchitectureFeatures::of(const Architecture& arch) const
{
    std::vector<float> f = codec_.features(arch);
    if (withCost_) {
        NetworkCost cost = NetworkCost::of(codec_.network(arch, false));
        f.push_back(static_cast<float>(std::log10(std::max<int64_t>(1, cost.params))));
        f.push_back(static_cast<float>(std::log10(std::max<int64_t>(1, cost.macs))));
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
