#include "DecisionSet.h"

#include <algorithm>

namespace archscape {

namespace {

Decision valueDecision(Decision::Kind kind, std::string key, const std::vector<Value>& values,
                       std::string blockId, bool affectsShape)
{
    Decision d;
    d.kind = kind;
    d.key = std::move(key);
    d.values = values;
    for (const auto& v : values)
        d.labels.push_back(v.toString());
    d.blockId = std::move(blockId);
    d.affectsShape = affectsShape;
    return d;
}

int maxDepth(const Block& repeat, const SearchSpace& space)
{
    Parameter depth = repeat.param("depth");
    std::vector<Value> options = depth.mode == Parameter::Mode::Fixed ? std::vector<Value>{depth.value}
                                 : depth.mode == Parameter::Mode::Choice
                                     ? depth.options
                                     : space.sharedChoices().at(depth.sharedName);
    int64_t best = 1;
    for (const auto& v : options)
        best = std::max(best, v.toInt());
    return static_cast<int>(best);
}

} // namespace

DecisionSet::DecisionSet(const SearchSpace& space)
{
    for (const auto& block : space.blocks())
        compileBlock(space, block, block.id, block.id);
}

std::string DecisionSet::paramKey(const std::string& prefix, const std::string& param)
{
    return prefix + "." + param;
}

std::string DecisionSet::cellEdgeKey(const std::string& cell, int from, int to)
{
    return cell + ":" + std::to_string(to) + "<-" + std::to_string(from);
}

int DecisionSet::find(const std::string& key) const
{
    auto it = index_.find(key);
    return it == index_.end() ? -1 : it->second;
}

void DecisionSet::add(Decision d)
{
    auto it = index_.find(d.key);
    if (it != index_.end()) {
        decisions_[static_cast<size_t>(it->second)].affectsShape |= d.affectsShape;
        return;
    }
    index_[d.key] = static_cast<int>(decisions_.size());
    decisions_.push_back(std::move(d));
}

void DecisionSet::compileBlock(const SearchSpace& space, const Block& block,
                               const std::string& prefix, const std::string& topId)
{
    for (const auto& spec : block.info().params) {
        Parameter p = block.param(spec.name);
        if (p.mode == Parameter::Mode::Choice) {
            add(valueDecision(Decision::Kind::Param, paramKey(prefix, spec.name), p.options, topId,
                              spec.affectsShape));
        } else if (p.mode == Parameter::Mode::Shared) {
            auto it = space.sharedChoices().find(p.sharedName);
            if (it != space.sharedChoices().end())
                add(valueDecision(Decision::Kind::Shared, sharedKey(p.sharedName), it->second, "",
                                  spec.affectsShape));
        }
    }
    if (block.kind == BlockKind::Choice) {
        Decision d;
        d.kind = Decision::Kind::Alternative;
        d.key = prefix;
        for (const auto& alt : block.alternatives) {
            d.labels.push_back(alt.id);
            d.values.push_back(Value::text(alt.id));
        }
        d.blockId = topId;
        d.affectsShape = true;
        if (d.labels.size() > 1)
            add(std::move(d));
        for (const auto& alt : block.alternatives)
            compileBlock(space, alt, prefix + "/" + alt.id, topId);
    } else if (block.kind == BlockKind::Repeat && !block.body.empty()) {
        int depth = maxDepth(block, space);
        for (int r = 0; r < depth; ++r)
            compileBlock(space, block.body.front(), prefix + "#" + std::to_string(r), topId);
    } else if (block.kind == BlockKind::Cell) {
        auto it = space.cells().find(block.param("cell").value.toText());
        if (it == space.cells().end())
            return;
        const CellDefinition& cell = it->second;
        for (auto [from, to] : cell.edges()) {
            Decision d;
            d.kind = Decision::Kind::CellEdge;
            d.key = cellEdgeKey(cell.name, from, to);
            d.labels = cell.ops;
            for (const auto& op : cell.ops)
                d.values.push_back(Value::text(op));
            d.blockId = topId;
            auto none = std::find(cell.ops.begin(), cell.ops.end(), "none");
            d.defaultOption = none == cell.ops.end() ? 0 : static_cast<int>(none - cell.ops.begin());
            if (d.labels.size() > 1)
                add(std::move(d));
        }
    }
}

} // namespace archscape
