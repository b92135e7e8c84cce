#pragma once
// Turns one architecture (an option per decision) into the concrete Network
// it describes, resolving every shape. Parts that cannot influence the output
// are pruned the way NAS-Bench-201 canonicalises cells: a "none"/Zero path is
// removed, a node with no live input is dead, and a layer whose output never
// reaches the network output is dropped. The decisions the pruned network
// still depends on are its active decisions: the basis of canonical
// encodings. Throws SpaceError (with the block id) on a shape conflict.

#include "DecisionSet.h"
#include "Network.h"
#include "SearchSpace.h"

#include <vector>

namespace archscape {

class NetworkResolver
{
public:
    NetworkResolver(const SearchSpace& space, const DecisionSet& decisions);

    // `choices` holds an option index per decision; -1 takes the default.
    Network resolve(const std::vector<int>& choices) const;

    // Top-level block ids in an order where every block comes after its
    // inputs. Throws SpaceError naming a block on a cycle.
    static std::vector<std::string> topologicalOrder(const SearchSpace& space);

private:
    const SearchSpace& space_;
    const DecisionSet& decisions_;
};

} // namespace archscape
