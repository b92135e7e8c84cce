#pragma once
// Which trials a view wants, in which order: filtered by state and by a
// metric's range, sorted by number or by a final metric. The storage runs it
// in SQL, a page at a time, so a table over a million trials reads only the
// rows on screen.

#include "study/TrialState.h"

#include <optional>
#include <string>

namespace archscape {

struct TrialQuery
{
    std::optional<TrialState> state;
    // Trials whose final `rangeMetric` lies in [rangeMin, rangeMax]; an
    // empty name filters nothing, a missing bound is open.
    std::string rangeMetric;
    std::optional<double> rangeMin;
    std::optional<double> rangeMax;
    // Empty: by trial number. A metric name: by its final value, ties by
    // trial id; trials without that metric come last, by number.
    std::string sortMetric;
    bool descending = false;
};

} // namespace archscape
