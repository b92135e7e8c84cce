#include "Nsga2Search.h"

#include "multiobjective/ParetoRanking.h"

#include <algorithm>

namespace archscape {

namespace {
// A failed trial loses to every finished one, feasible or not.
constexpr double kFailedViolation = 1e12;
} // namespace

Nsga2Search::Nsga2Search(const ArchitectureCodec& codec, StrategySettings settings)
    : StrategyBase(codec, std::move(settings)),
      populationSize_(static_cast<size_t>(std::max(4.0, settings_.option("population", 20)))),
      crossoverRate_(settings_.option("crossover", 0.9))
{
}

std::optional<Architecture> Nsga2Search::propose()
{
    if (proposedInGeneration_ >= populationSize_)
        return std::nullopt; // waiting for the generation's results
    auto next = firstGeneration_ || parents_.empty() ? sampleUnseen() : breed();
    if (next)
        ++proposedInGeneration_;
    return next;
}

void Nsga2Search::observe(const Observation& observation)
{
    Member m;
    m.arch = observation.arch;
    m.objectives = objectiveVector(observation);
    m.violation = observation.state == TrialState::Complete ? violation(observation)
                                                            : kFailedViolation;
    children_.push_back(std::move(m));
    if (children_.size() == populationSize_)
        selectNextGeneration();
}

const Nsga2Search::Member& Nsga2Search::tournament()
{
    std::uniform_int_distribution<size_t> pick(0, parents_.size() - 1);
    const Member& a = parents_[pick(rng_)];
    const Member& b = parents_[pick(rng_)];
    if (a.rank != b.rank)
        return a.rank < b.rank ? a : b;
    return a.crowding >= b.crowding ? a : b;
}

std::optional<Architecture> Nsga2Search::breed()
{
    Architecture child = tournament().arch;
    if (std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < crossoverRate_)
        child = sampler_.crossover(child, tournament().arch, rng_);
    return mutateUnseen(child);
}

void Nsga2Search::selectNextGeneration()
{
    std::vector<Member> pool = std::move(parents_);
    pool.insert(pool.end(), children_.begin(), children_.end());
    children_.clear();
    proposedInGeneration_ = 0;
    firstGeneration_ = false;

    std::vector<std::vector<double>> points;
    std::vector<double> violations;
    for (const auto& m : pool) {
        points.push_back(m.objectives);
        violations.push_back(m.violation);
    }
    std::vector<std::vector<int>> fronts = ParetoRanking::constrainedNonDominatedSort(points, violations);
    parents_.clear();
    for (size_t rank = 0; rank < fronts.size() && parents_.size() < populationSize_; ++rank) {
        const std::vector<int>& front = fronts[rank];
        std::vector<double> crowding = ParetoRanking::crowdingDistance(points, front);
        std::vector<size_t> order(front.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        // Stable, so ties keep their age order and runs stay reproducible.
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return crowding[a] > crowding[b]; });
        for (size_t i : order) {
            if (parents_.size() == populationSize_)
                break;
            Member m = pool[static_cast<size_t>(front[i])];
            m.rank = rank;
            m.crowding = crowding[i];
            parents_.push_back(std::move(m));
        }
    }
}

} // namespace archscape
