#include "StrategyBase.h"

namespace archscape {

namespace {
constexpr int kTries = 64;
constexpr double kWorst = std::numeric_limits<double>::infinity();
} // namespace

StrategyBase::StrategyBase(const ArchitectureCodec& codec, StrategySettings settings)
    : codec_(codec), sampler_(codec), settings_(std::move(settings)), rng_(settings_.seed)
{
}

double StrategyBase::score(const Observation& o) const
{
    if (o.state != TrialState::Complete || settings_.objectives.empty())
        return kWorst;
    const Objective& first = settings_.objectives.front();
    auto it = o.metrics.find(first.metric);
    if (it == o.metrics.end() || violation(o) > 0.0)
        return kWorst;
    return first.minimized(it->second);
}

std::vector<double> StrategyBase::objectiveVector(const Observation& o) const
{
    std::vector<double> v;
    for (const auto& obj : settings_.objectives) {
        auto it = o.metrics.find(obj.metric);
        v.push_back(o.state == TrialState::Complete && it != o.metrics.end()
                        ? obj.minimized(it->second)
                        : kWorst);
    }
    return v;
}

double StrategyBase::violation(const Observation& o) const
{
    return totalViolation(settings_.constraints, o.metrics);
}

bool StrategyBase::seen(const Architecture& arch) const
{
    return proposed_.count(codec_.hashCanonical(arch)) > 0;
}

Architecture StrategyBase::claim(const Architecture& arch)
{
    proposed_.insert(codec_.hashCanonical(arch));
    return arch;
}

std::optional<Architecture> StrategyBase::sampleUnseen()
{
    for (int i = 0; i < kTries * 16; ++i) {
        Architecture a = sampler_.sample(rng_);
        if (!seen(a))
            return claim(a);
    }
    return std::nullopt; // the space looks exhausted
}

std::optional<Architecture> StrategyBase::mutateUnseen(const Architecture& parent)
{
    for (int i = 0; i < kTries; ++i) {
        Architecture child = sampler_.mutate(parent, rng_);
        if (!seen(child))
            return claim(child);
    }
    return sampleUnseen();
}

} // namespace archscape
