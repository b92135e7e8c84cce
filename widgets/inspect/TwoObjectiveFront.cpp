#include "TwoObjectiveFront.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace archscape {

std::vector<int> TwoObjectiveFront::nonDominated(const std::vector<double>& a,
                                                 const std::vector<double>& b)
{
    if (a.size() != b.size())
        throw std::invalid_argument("TwoObjectiveFront: the two objectives differ in length");
    std::vector<int> order;
    order.reserve(a.size());
    for (size_t i = 0; i < a.size(); ++i)
        if (!std::isnan(a[i]) && !std::isnan(b[i]))
            order.push_back(static_cast<int>(i));
    std::sort(order.begin(), order.end(), [&](int i, int j) {
        return a[i] != a[j] ? a[i] < a[j] : b[i] < b[j];
    });

    // Within a run of equal a, only the smallest b can survive (ties all do),
    // and only if it beats every b seen at a smaller a.
    std::vector<int> result;
    double bestB = std::numeric_limits<double>::infinity();
    bool seenAny = false;
    for (size_t start = 0; start < order.size();) {
        size_t end = start;
        while (end < order.size() && a[order[end]] == a[order[start]])
            ++end;
        const double groupMin = b[order[start]];
        if (!seenAny || groupMin < bestB) {
            for (size_t k = start; k < end && b[order[k]] == groupMin; ++k)
                result.push_back(order[k]);
        }
        if (!seenAny || groupMin < bestB)
            bestB = groupMin;
        seenAny = true;
        start = end;
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace archscape
