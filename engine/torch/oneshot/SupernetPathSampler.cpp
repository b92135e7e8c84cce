#include "SupernetPathSampler.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace archscape {

SupernetPathSampler::SupernetPathSampler(const ArchitectureCodec& codec, Mode mode, uint64_t seed)
    : codec_(codec), sampler_(codec), mode_(mode), rng_(seed),
      cycles_(size_t(codec.decisions().size()))
{
}

const char* SupernetPathSampler::modeName(Mode mode)
{
    return mode == Mode::Fair ? "fair" : "uniform";
}

SupernetPathSampler::Mode SupernetPathSampler::modeFromOption(double value)
{
    if (value == 0.0)
        return Mode::Uniform;
    if (value == 1.0)
        return Mode::Fair;
    throw std::invalid_argument("the option sampling must be 0 (uniform) or 1 (fair), not "
                                + std::to_string(value));
}

int SupernetPathSampler::nextFairOption(size_t decision)
{
    std::vector<int>& due = cycles_[decision];
    if (due.empty()) {
        due.resize(size_t(codec_.decisions()[int(decision)].size()));
        std::iota(due.begin(), due.end(), 0);
        std::shuffle(due.begin(), due.end(), rng_);
    }
    const int option = due.back();
    due.pop_back();
    return option;
}

Architecture SupernetPathSampler::next()
{
    if (mode_ == Mode::Uniform)
        return sampler_.sample(rng_);
    Architecture arch;
    for (size_t d = 0; d < cycles_.size(); ++d)
        arch.choices.push_back(nextFairOption(d));
    return codec_.canonical(arch);
}

} // namespace archscape
