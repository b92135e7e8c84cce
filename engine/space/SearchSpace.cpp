#include "SearchSpace.h"

#include <algorithm>
#include <tuple>

namespace archscape {

const Block* SearchSpace::block(const std::string& id) const
{
    int i = indexOf(id);
    return i < 0 ? nullptr : &blocks_[static_cast<size_t>(i)];
}

Block* SearchSpace::block(const std::string& id)
{
    int i = indexOf(id);
    return i < 0 ? nullptr : &blocks_[static_cast<size_t>(i)];
}

int SearchSpace::indexOf(const std::string& id) const
{
    auto it = index_.find(id);
    return it == index_.end() ? -1 : static_cast<int>(it->second);
}

void SearchSpace::reindex()
{
    index_.clear();
    for (size_t i = 0; i < blocks_.size(); ++i)
        index_.emplace(blocks_[i].id, i);
}

void SearchSpace::addBlock(Block block)
{
    index_.emplace(block.id, blocks_.size());
    blocks_.push_back(std::move(block));
}

bool SearchSpace::renameBlock(const std::string& from, const std::string& to)
{
    Block* b = block(from);
    if (!b || (from != to && block(to)))
        return false;
    b->id = to;
    for (auto& e : edges_) {
        if (e.from == from)
            e.from = to;
        if (e.to == from)
            e.to = to;
    }
    reindex();
    return true;
}

void SearchSpace::removeBlock(const std::string& id)
{
    blocks_.erase(std::remove_if(blocks_.begin(), blocks_.end(),
                                 [&](const Block& b) { return b.id == id; }),
                  blocks_.end());
    reindex();
    edges_.erase(std::remove_if(edges_.begin(), edges_.end(),
                                [&](const Edge& e) { return e.from == id || e.to == id; }),
                 edges_.end());
}

void SearchSpace::addEdge(Edge edge)
{
    edges_.push_back(std::move(edge));
}

void SearchSpace::removeEdge(const Edge& edge)
{
    auto it = std::find(edges_.begin(), edges_.end(), edge);
    if (it != edges_.end())
        edges_.erase(it);
}

void SearchSpace::setSharedChoice(const std::string& choiceName, std::vector<Value> values)
{
    shared_[choiceName] = std::move(values);
}

void SearchSpace::removeSharedChoice(const std::string& choiceName)
{
    shared_.erase(choiceName);
}

void SearchSpace::setCell(CellDefinition cell)
{
    std::string key = cell.name;
    cells_[key] = std::move(cell);
}

void SearchSpace::removeCell(const std::string& cellName)
{
    cells_.erase(cellName);
}

const Edge* SearchSpace::edgeInto(const std::string& blockId, int port) const
{
    for (const auto& e : edges_)
        if (e.to == blockId && e.toPort == port)
            return &e;
    return nullptr;
}

std::string SearchSpace::uniqueId(const std::string& stem) const
{
    for (int n = 1;; ++n) {
        std::string candidate = stem + std::to_string(n);
        if (indexOf(candidate) < 0)
            return candidate;
    }
}

bool SearchSpace::isValidId(const std::string& id)
{
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || c == '_' || c == '-';
    });
}

bool SearchSpace::sameStructure(const SearchSpace& other) const
{
    if (blocks_.size() != other.blocks_.size() || shared_ != other.shared_
        || cells_ != other.cells_)
        return false;
    for (const auto& b : blocks_) {
        const Block* o = other.block(b.id);
        if (!o || !b.sameStructure(*o))
            return false;
    }
    auto sortedEdges = [](std::vector<Edge> e) {
        std::sort(e.begin(), e.end(), [](const Edge& a, const Edge& b) {
            return std::tie(a.to, a.toPort, a.from) < std::tie(b.to, b.toPort, b.from);
        });
        return e;
    };
    return sortedEdges(edges_) == sortedEdges(other.edges_);
}

} // namespace archscape
