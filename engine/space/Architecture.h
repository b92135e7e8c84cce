#pragma once
// One architecture of a search space: an option index for every decision of
// its DecisionSet. In canonical form, decisions the network does not depend
// on hold -1.

#include <vector>

namespace archscape {

struct Architecture
{
    std::vector<int> choices;

    bool operator==(const Architecture& o) const { return choices == o.choices; }
    bool operator!=(const Architecture& o) const { return !(*this == o); }
};

} // namespace archscape
