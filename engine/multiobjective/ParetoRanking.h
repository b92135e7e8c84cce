#pragma once
// Pareto dominance, non-dominated sorting and NSGA-II crowding distance for
// multi-objective search. Every objective is MINIMISED: callers negate the
// objectives they want to maximise (accuracy, throughput) before ranking.

#include <vector>

namespace archscape {

class ParetoRanking
{
public:
    // a is no worse than b in every objective and strictly better in one.
    // False whenever either holds a NaN. Throws std::invalid_argument when the
    // sizes differ.
    static bool dominates(const std::vector<double>& a, const std::vector<double>& b);

    // Fronts of point indices, front 0 (non-dominated) first, indices ascending
    // within a front (Deb's fast non-dominated sort, O(M N^2), O(N) memory).
    // Points with a NaN objective count as dominated by every other point: they
    // form one last front of their own (front 0 only when every point has one).
    // Throws std::invalid_argument when the points differ in size.
    static std::vector<std::vector<int>> nonDominatedSort(const std::vector<std::vector<double>>& points);

    // Indices of the non-dominated points, ascending, duplicates kept. Points
    // with a NaN objective are never included, so this is empty when all have one.
    static std::vector<int> nonDominated(const std::vector<std::vector<double>>& points);

    // NSGA-II crowding distance of each member of `front`, in the order of
    // `front`. Fronts of one or two members are all +infinity. Otherwise, per
    // objective, the members with the smallest and largest value get +infinity
    // (ties broken by position in `front`), the others the normalised gap
    // between their neighbours; an objective whose values are all equal adds
    // nothing. A member whose value is infinite or NaN in an objective counts
    // as an extreme there: +infinity. Throws std::out_of_range on a bad index.
    static std::vector<double> crowdingDistance(const std::vector<std::vector<double>>& points,
                                                const std::vector<int>& front);

    // Deb's constrained domination. A violation is the total amount by which a
    // point breaks its constraints: zero or less is feasible, NaN counts as
    // +infinity. Feasible beats infeasible; of two infeasible points the smaller
    // violation wins whatever the objectives; two feasible points use dominates().
    static bool constrainedDominates(const std::vector<double>& a, double violationA,
                                     const std::vector<double>& b, double violationB);

    // nonDominatedSort() under constrainedDominates(). Points with a NaN
    // objective still form the last front, whatever their violation. Throws
    // std::invalid_argument when there is not one violation per point.
    static std::vector<std::vector<int>> constrainedNonDominatedSort(
        const std::vector<std::vector<double>>& points, const std::vector<double>& violations);
};

} // namespace archscape
