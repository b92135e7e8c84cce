#pragma once
// A search space: a directed graph of blocks joined by edges, plus the named
// choices shared between blocks and the reusable cell definitions. This is
// the document the editor edits and the engine searches.

#include "Block.h"
#include "CellDefinition.h"
#include "Edge.h"
#include "Value.h"

#include <map>
#include <unordered_map>
#include <string>
#include <vector>

namespace archscape {

class SearchSpace
{
public:
    std::string name;
    std::string description;

    const std::vector<Block>& blocks() const { return blocks_; }
    const std::vector<Edge>& edges() const { return edges_; }
    const std::map<std::string, std::vector<Value>>& sharedChoices() const { return shared_; }
    const std::map<std::string, CellDefinition>& cells() const { return cells_; }

    const Block* block(const std::string& id) const;
    // For editing a block in place; change its id only through renameBlock.
    Block* block(const std::string& id);
    int indexOf(const std::string& id) const; // -1 when absent

    void addBlock(Block block);
    // Removes the block and every edge touching it.
    void removeBlock(const std::string& id);
    // Renames a block and the edges that name it; false if `to` is taken.
    bool renameBlock(const std::string& from, const std::string& to);
    void addEdge(Edge edge);
    void removeEdge(const Edge& edge);
    void setSharedChoice(const std::string& choiceName, std::vector<Value> values);
    void removeSharedChoice(const std::string& choiceName);
    void setCell(CellDefinition cell);
    void removeCell(const std::string& cellName);

    // The edge feeding an input port, or nullptr.
    const Edge* edgeInto(const std::string& blockId, int port) const;

    // An id not used yet, built from `stem` ("conv" -> "conv3").
    std::string uniqueId(const std::string& stem) const;

    static bool isValidId(const std::string& id);

    // Same blocks, edges, choices and cells (layout and labels ignored).
    bool sameStructure(const SearchSpace& other) const;

private:
    void reindex();

    std::vector<Block> blocks_;
    std::unordered_map<std::string, size_t> index_; // id -> position in blocks_
    std::vector<Edge> edges_;
    std::map<std::string, std::vector<Value>> shared_;
    std::map<std::string, CellDefinition> cells_;
};

} // namespace archscape
