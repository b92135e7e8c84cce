#include "RegularizedEvolution.h"

#include <algorithm>

namespace archscape {

RegularizedEvolution::RegularizedEvolution(const ArchitectureCodec& codec,
                                           StrategySettings settings)
    : StrategyBase(codec, std::move(settings)),
      populationSize_(static_cast<size_t>(std::max(2.0, settings_.option("population", 10)))),
      sampleSize_(static_cast<size_t>(std::max(1.0, settings_.option("sample", 5))))
{
}

std::optional<Architecture> RegularizedEvolution::propose()
{
    if (proposed_ < populationSize_) {
        ++proposed_;
        return sampleUnseen();
    }
    if (observed_ < populationSize_)
        return std::nullopt; // the first generation is still being evaluated
    ++proposed_;
    if (population_.empty())
        return sampleUnseen();
    std::uniform_int_distribution<size_t> pick(0, population_.size() - 1);
    const Member* parent = nullptr;
    for (size_t i = 0; i < sampleSize_; ++i) {
        const Member& m = population_[pick(rng_)];
        if (!parent || m.score < parent->score)
            parent = &m;
    }
    return mutateUnseen(parent->arch);
}

void RegularizedEvolution::observe(const Observation& observation)
{
    ++observed_;
    if (observation.state != TrialState::Complete)
        return;
    population_.push_back({observation.arch, score(observation)});
    if (population_.size() > populationSize_)
        population_.pop_front();
}

} // namespace archscape
