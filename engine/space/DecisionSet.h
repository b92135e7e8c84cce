#pragma once
// Every decision a search space leaves open, in a fixed order: a parameter
// marked as a choice, a shared choice, the alternative a Choice block takes,
// the depth of a Repeat block, the operation on each edge of a cell. An
// architecture is one option index per decision.

#include "SearchSpace.h"

#include <map>
#include <string>
#include <vector>

namespace archscape {

struct Decision
{
    enum class Kind { Param, Shared, Alternative, Depth, CellEdge };

    Kind kind = Kind::Param;
    std::string key;                 // e.g. "c1.kernel", "$width", "ch", "r.depth", "nb201:2<-1"
    std::vector<std::string> labels; // option names as written in encodings
    std::vector<Value> values;       // option values (Alternative and CellEdge: the labels)
    std::string blockId;             // the top-level block it belongs to ("" for shared)
    bool affectsShape = false;
    int defaultOption = 0;           // taken when an encoding leaves it out

    int size() const { return static_cast<int>(labels.size()); }
};

class DecisionSet
{
public:
    explicit DecisionSet(const SearchSpace& space);

    const std::vector<Decision>& decisions() const { return decisions_; }
    int size() const { return static_cast<int>(decisions_.size()); }
    const Decision& operator[](int i) const { return decisions_[static_cast<size_t>(i)]; }
    int find(const std::string& key) const; // -1 when absent

    // Key prefixes: nested blocks append "/altId" (Choice) or "#r" (Repeat).
    static std::string paramKey(const std::string& prefix, const std::string& param);
    static std::string sharedKey(const std::string& sharedName) { return "$" + sharedName; }
    static std::string cellEdgeKey(const std::string& cell, int from, int to);

private:
    void compileBlock(const SearchSpace& space, const Block& block, const std::string& prefix,
                      const std::string& topId);
    void add(Decision d);

    std::vector<Decision> decisions_;
    std::map<std::string, int> index_;
};

} // namespace archscape
