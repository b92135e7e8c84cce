#pragma once
// A reusable cell (NAS-Bench-201 / DARTS style): nodes 0..N-1, node 0 is the
// cell input, node N-1 its output, and every edge j→i (j < i) applies one
// operation chosen from `ops`. Node i sums its incoming edges. All Cell
// blocks naming the same definition share one set of edge decisions.

#include <optional>
#include <string>
#include <vector>

namespace archscape {

enum class CellOp { None, Skip, Conv1x1, Conv3x3, AvgPool3x3, MaxPool3x3 };

std::optional<CellOp> cellOpFromName(const std::string& name);
const char* cellOpName(CellOp op);
const std::vector<std::string>& allCellOpNames();

struct CellDefinition
{
    std::string name;
    int nodes = 4;
    std::vector<std::string> ops; // operation names each edge chooses from

    int edgeCount() const { return nodes * (nodes - 1) / 2; }
    // Edges in the order j→i for i = 1..N-1, j = 0..i-1 (NAS-Bench-201's order).
    std::vector<std::pair<int, int>> edges() const;

    bool operator==(const CellDefinition& o) const
    {
        return name == o.name && nodes == o.nodes && ops == o.ops;
    }
};

} // namespace archscape
