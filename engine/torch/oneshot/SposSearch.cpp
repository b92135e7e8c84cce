#include "SposSearch.h"

#include "cost/NetworkCost.h"
#include "search/StrategyRegistry.h"

#include <algorithm>

namespace archscape {

namespace {

constexpr int kChildTries = 100;
// Results needed before a model of a constrained metric screens children.
constexpr size_t kModelMinimum = 10;

bool isCounted(const std::string& metric)
{
    return metric == "params" || metric == "flops";
}

} // namespace

SposSearch::SposSearch(const ArchitectureCodec& codec, StrategySettings settings)
    : StrategyBase(codec, std::move(settings)),
      population_(size_t(std::max(2.0, settings_.option("population", 50)))),
      parents_(size_t(std::max(1.0, settings_.option("parents", 10)))),
      mutation_(std::clamp(settings_.option("mutation", 0.1), 0.0, 1.0))
{
}

bool SposSearch::acceptable(const Architecture& arch) const
{
    if (seen(arch))
        return false;
    if (settings_.constraints.empty())
        return true;
    std::map<std::string, double> expected;
    bool counted = false;
    NetworkCost cost;
    for (const auto& c : settings_.constraints) {
        if (isCounted(c.metric)) {
            if (!counted)
                cost = NetworkCost::of(codec_.network(arch, false));
            counted = true;
            expected[c.metric] = double(c.metric == "params" ? cost.params : cost.macs);
        } else if (auto m = models_.find(c.metric); m != models_.end() && m->second.fitted()) {
            expected[c.metric] = m->second.predict(arch);
        } else {
            expected[c.metric] = c.limit; // not modelled yet: take the chance
        }
    }
    return totalViolation(settings_.constraints, expected) <= 0.0;
}

Architecture SposSearch::mutated(const Architecture& parent)
{
    Architecture child = parent;
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    for (int d = 0; d < codec_.decisions().size(); ++d) {
        if (coin(rng_) >= mutation_)
            continue;
        std::uniform_int_distribution<int> option(0, codec_.decisions()[d].size() - 1);
        child.choices[size_t(d)] = option(rng_);
    }
    return codec_.canonical(child);
}

void SposSearch::startGeneration()
{
    ++generation_;
    proposedInGeneration_ = 0;
    std::vector<Member> ranked = feasible_;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Member& a, const Member& b) { return a.score < b.score; });
    ranked.resize(std::min(ranked.size(), parents_));
    topK_ = std::move(ranked);
    for (auto& [metric, model] : models_)
        model.fit(results_, metric);
}

std::optional<Architecture> SposSearch::child()
{
    for (int i = 0; i < kChildTries && !topK_.empty(); ++i) {
        std::uniform_int_distribution<size_t> pick(0, topK_.size() - 1);
        const bool crossover = proposedInGeneration_ % 2 == 0 && topK_.size() > 1;
        Architecture candidate =
            crossover ? sampler_.crossover(topK_[pick(rng_)].arch, topK_[pick(rng_)].arch, rng_)
                      : mutated(topK_[pick(rng_)].arch);
        if (acceptable(candidate))
            return claim(candidate);
    }
    for (int i = 0; i < kChildTries; ++i) {
        Architecture candidate = sampler_.sample(rng_);
        if (acceptable(candidate))
            return claim(candidate);
    }
    return sampleUnseen(); // nothing looks feasible: explore anyway
}

std::optional<Architecture> SposSearch::propose()
{
    if (proposedInGeneration_ >= population_) {
        if (observed_ < proposed_)
            return std::nullopt; // the generation is still being evaluated
        startGeneration();
    }
    std::optional<Architecture> next = generation_ == 0 ? std::nullopt : child();
    if (generation_ == 0) {
        for (int i = 0; i < kChildTries && !next; ++i)
            if (Architecture a = sampler_.sample(rng_); acceptable(a))
                next = claim(a);
        if (!next)
            next = sampleUnseen();
    }
    if (next) {
        ++proposed_;
        ++proposedInGeneration_;
    }
    return next;
}

void SposSearch::observe(const Observation& observation)
{
    ++observed_;
    results_.push_back(observation);
    for (const auto& c : settings_.constraints)
        if (!isCounted(c.metric) && !models_.count(c.metric))
            models_.emplace(c.metric, AdditiveMetricModel(codec_, kModelMinimum));
    const double s = score(observation);
    if (s != std::numeric_limits<double>::infinity())
        feasible_.push_back({observation.arch, s});
}

void registerSposStrategy()
{
    StrategyRegistry::add("spos", [](const ArchitectureCodec& codec,
                                     const StrategySettings& settings) {
        return std::unique_ptr<Strategy>(std::make_unique<SposSearch>(codec, settings));
    });
}

} // namespace archscape
