#pragma once
// The hypervolume indicator: the volume of objective space that a set of
// points dominates, bounded by a reference point. Every objective is
// MINIMISED: callers negate maximised objectives (and their reference value).

#include <cstddef>
#include <vector>

namespace archscape {

class Hypervolume
{
public:
    // Exact volume dominated by `points` and bounded by `reference`. Points not
    // strictly better than the reference in every objective (NaN included)
    // contribute nothing. Two objectives: sort and sweep, O(N log N). Three:
    // a sweep over the third objective keeping the 2-D front, O(N log N).
    // More: slicing along the last objective down to three, O(N^(M-2) log N),
    // so keep M > 3 to a few hundred points. Throws std::invalid_argument when
    // the reference is empty or holds a NaN, or a point's size differs from it.
    static double compute(const std::vector<std::vector<double>>& points,
                          const std::vector<double>& reference);

    // Exclusive hypervolume of points[index]: what the set loses without it.
    // Zero for a point duplicated elsewhere in the set or dominated by another.
    // Throws std::out_of_range on a bad index, std::invalid_argument as compute().
    static double contribution(const std::vector<std::vector<double>>& points, std::size_t index,
                               const std::vector<double>& reference);
};

} // namespace archscape
