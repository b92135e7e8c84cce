#pragma once
// The non-dominated points of two minimised objectives by one sort and a
// sweep, O(N log N): the Pareto view redraws its front for 100,000 trials,
// where ParetoRanking::nonDominated's pairwise test (O(N^2)) is too slow.
// Same answer as ParetoRanking::nonDominated: duplicates kept, points with
// a NaN left out.

#include <vector>

namespace archscape {

class TwoObjectiveFront
{
public:
    // Indices of the non-dominated points, ascending. Throws
    // std::invalid_argument when a and b differ in size.
    static std::vector<int> nonDominated(const std::vector<double>& a, const std::vector<double>& b);
};

} // namespace archscape
