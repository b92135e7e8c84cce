#pragma once
// Turns one architecture (an option per decision) into the concrete Network
// it describes, resolving every shape. The network is built as written, as
// NAS-Bench-201 builds it: only "none"/Zero paths leave it, and an operation
// whose result cannot reach the output still counts (its parameters too).
// Which decisions the output depends on is worked out the way NAS-Bench-201
// canonicalises cells: a node with no live input is dead, an edge into a
// node that cannot reach the output does not matter. Those active decisions
// are the basis of canonical encodings. Throws SpaceError (with the block
// id) on a shape conflict.

#include "DecisionSet.h"
#include "Network.h"
#include "SearchSpace.h"
#include "SpaceError.h"

#include <atomic>
#include <map>
#include <memory>
#include <vector>

namespace archscape {

class NetworkResolver
{
public:
    NetworkResolver(const SearchSpace& space, const DecisionSet& decisions);
    ~NetworkResolver();

    // `choices` holds an option index per decision; -1 takes the default.
    // Without labels, layers carry no names: enough for counting costs.
    Network resolve(const std::vector<int>& choices, bool withLabels = true) const;
    // Only the active decisions (the layers are left empty): what
    // canonicalising needs, several times cheaper.
    std::vector<int> activeDecisions(const std::vector<int>& choices) const;

    // Top-level block ids in an order where every block comes after its
    // inputs. Throws SpaceError naming a block on a cycle.
    static std::vector<std::string> topologicalOrder(const SearchSpace& space);

    // What does not change between architectures, worked out once.
    struct BlockInputs
    {
        const Block* block = nullptr;
        std::vector<int> inputs; // positions in the order of the blocks feeding each port
        int missingPort = -1;    // first unconnected input port
    };
    struct CellPlan
    {
        const CellDefinition* cell = nullptr;
        std::vector<std::pair<int, int>> edges;
        std::vector<int> decisions; // per edge, in CellDefinition::edges() order; -1: fixed
        std::vector<CellOp> ops;
        bool used = false; // some Cell block names it
    };
    struct Plan
    {
        std::vector<BlockInputs> order;
        std::map<std::string, CellPlan> cells;
    };

private:
    enum class Detail { DecisionsOnly, Layers, Labelled };
    Network run(const std::vector<int>& choices, Detail detail) const;

    const SearchSpace& space_;
    const DecisionSet& decisions_;
    static bool hasZero(const Block& block);

    Plan plan_;
    // Only cell edges are open and nothing outside cells can be zero: the
    // active decisions follow from the cells alone, without building layers.
    bool cellsOnly_ = false;
    mutable std::atomic<size_t> layerHint_{64}; // raw layers to reserve
    std::unique_ptr<SpaceError> planError_;
};

} // namespace archscape
