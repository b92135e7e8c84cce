#include "ParetoRanking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace archscape {

namespace {

using Points = std::vector<std::vector<double>>;

bool hasNaN(const std::vector<double>& point)
{
    return std::any_of(point.begin(), point.end(), [](double v) { return std::isnan(v); });
}

void requireSameSize(const Points& points)
{
    for (const auto& point : points) {
        if (point.size() != points.front().size())
            throw std::invalid_argument("ParetoRanking: points have different numbers of objectives");
    }
}

// Deb's fast non-dominated sort. Dominance is recomputed in the second pass
// rather than storing every point's dominated set, which would be O(N^2)
// memory; the comparison count only doubles.
template <typename Better>
std::vector<std::vector<int>> sortIntoFronts(const Points& points, Better better)
{
    requireSameSize(points);
    const int count = static_cast<int>(points.size());
    std::vector<int> ranked;
    std::vector<int> withNaN;
    for (int i = 0; i < count; ++i)
        (hasNaN(points[i]) ? withNaN : ranked).push_back(i);

    std::vector<int> dominatorCount(count, 0);
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        for (std::size_t j = i + 1; j < ranked.size(); ++j) {
            if (better(ranked[i], ranked[j]))
                ++dominatorCount[ranked[j]];
            else if (better(ranked[j], ranked[i]))
                ++dominatorCount[ranked[i]];
        }
    }

    std::vector<std::vector<int>> fronts;
    std::vector<char> placed(count, 0);
    std::vector<int> front;
    for (int i : ranked) {
        if (dominatorCount[i] == 0) {
            front.push_back(i);
            placed[i] = 1;
        }
    }
    while (!front.empty()) {
        std::vector<int> next;
        for (int p : front) {
            for (int q : ranked) {
                if (!placed[q] && better(p, q) && --dominatorCount[q] == 0) {
                    next.push_back(q);
                    placed[q] = 1;
                }
            }
        }
        std::sort(next.begin(), next.end());
        fronts.push_back(std::move(front));
        front = std::move(next);
    }
    if (!withNaN.empty())
        fronts.push_back(std::move(withNaN));
    return fronts;
}

double effectiveViolation(double violation)
{
    if (std::isnan(violation))
        return std::numeric_limits<double>::infinity();
    return std::max(violation, 0.0);
}

} // namespace

bool ParetoRanking::dominates(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        throw std::invalid_argument("ParetoRanking::dominates: points have different numbers of objectives");
    bool strictlyBetterSomewhere = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] <= b[i]))
            return false;
        if (a[i] < b[i])
            strictlyBetterSomewhere = true;
    }
    return strictlyBetterSomewhere;
}

std::vector<std::vector<int>> ParetoRanking::nonDominatedSort(const std::vector<std::vector<double>>& points)
{
    return sortIntoFronts(points, [&points](int a, int b) { return dominates(points[a], points[b]); });
}

std::vector<int> ParetoRanking::nonDominated(const std::vector<std::vector<double>>& points)
{
    requireSameSize(points);
    std::vector<int> result;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (hasNaN(points[i]))
            continue;
        bool dominated = false;
        for (std::size_t j = 0; j < points.size() && !dominated; ++j)
            dominated = j != i && dominates(points[j], points[i]);
        if (!dominated)
            result.push_back(static_cast<int>(i));
    }
    return result;
}

std::vector<double> ParetoRanking::crowdingDistance(const std::vector<std::vector<double>>& points,
                                                    const std::vector<int>& front)
{
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    for (int index : front) {
        if (index < 0 || static_cast<std::size_t>(index) >= points.size())
            throw std::out_of_range("ParetoRanking::crowdingDistance: index outside the points");
    }
    std::vector<double> distance(front.size(), 0.0);
    if (front.size() <= 2) {
        std::fill(distance.begin(), distance.end(), kInfinity);
        return distance;
    }
    const std::size_t objectives = points[front.front()].size();
    for (int index : front) {
        if (points[index].size() != objectives)
            throw std::invalid_argument("ParetoRanking::crowdingDistance: points have different numbers of objectives");
    }

    for (std::size_t m = 0; m < objectives; ++m) {
        std::vector<std::size_t> order; // positions in `front` with a finite value
        for (std::size_t k = 0; k < front.size(); ++k) {
            if (std::isfinite(points[front[k]][m]))
                order.push_back(k);
            else
                distance[k] = kInfinity;
        }
        if (order.empty())
            continue;
        auto value = [&](std::size_t k) { return points[front[k]][m]; };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return value(a) < value(b); });
        const double range = value(order.back()) - value(order.front());
        if (!(range > 0.0))
            continue;
        distance[order.front()] = kInfinity;
        distance[order.back()] = kInfinity;
        for (std::size_t i = 1; i + 1 < order.size(); ++i)
            distance[order[i]] += (value(order[i + 1]) - value(order[i - 1])) / range;
    }
    return distance;
}

bool ParetoRanking::constrainedDominates(const std::vector<double>& a, double violationA,
                                         const std::vector<double>& b, double violationB)
{
    const double va = effectiveViolation(violationA);
    const double vb = effectiveViolation(violationB);
    const bool feasibleA = va == 0.0;
    const bool feasibleB = vb == 0.0;
    if (feasibleA && feasibleB)
        return dominates(a, b);
    if (feasibleA != feasibleB)
        return feasibleA;
    return va < vb;
}

std::vector<std::vector<int>> ParetoRanking::constrainedNonDominatedSort(
    const std::vector<std::vector<double>>& points, const std::vector<double>& violations)
{
    if (violations.size() != points.size())
        throw std::invalid_argument("ParetoRanking::constrainedNonDominatedSort: need one violation per point");
    return sortIntoFronts(points, [&](int a, int b) {
        return constrainedDominates(points[a], violations[a], points[b], violations[b]);
    });
}

} // namespace archscape
