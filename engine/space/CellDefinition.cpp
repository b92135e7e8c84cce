#include "CellDefinition.h"

namespace archscape {

namespace {
struct OpName
{
    CellOp op;
    const char* name;
};
const OpName kOpNames[] = {
    {CellOp::None, "none"},
    {CellOp::Skip, "skip_connect"},
    {CellOp::Conv1x1, "nor_conv_1x1"},
    {CellOp::Conv3x3, "nor_conv_3x3"},
    {CellOp::AvgPool3x3, "avg_pool_3x3"},
    {CellOp::MaxPool3x3, "max_pool_3x3"},
};
} // namespace

std::optional<CellOp> cellOpFromName(const std::string& name)
{
    for (const auto& entry : kOpNames)
        if (name == entry.name)
            return entry.op;
    return std::nullopt;
}

const char* cellOpName(CellOp op)
{
    for (const auto& entry : kOpNames)
        if (entry.op == op)
            return entry.name;
    return "?";
}

const std::vector<std::string>& allCellOpNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& entry : kOpNames)
            n.push_back(entry.name);
        return n;
    }();
    return names;
}

std::vector<std::pair<int, int>> CellDefinition::edges() const
{
    std::vector<std::pair<int, int>> result;
    for (int i = 1; i < nodes; ++i)
        for (int j = 0; j < i; ++j)
            result.emplace_back(j, i);
    return result;
}

} // namespace archscape
