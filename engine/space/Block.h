#pragma once
// One block of a search space: its kind, its parameters (each fixed or a
// choice), and for Choice and Repeat blocks the blocks nested inside. A block
// of a plugin's kind carries that kind's description, so that every copy of
// the engine code (each plugin links its own) can read it.

#include "BlockKind.h"
#include "Parameter.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace archscape {

struct Block
{
    std::string id; // unique among the top-level blocks; letters, digits, '_' and '-'
    BlockKind kind = BlockKind::Identity;
    std::shared_ptr<const BlockKindInfo> extension; // kind == Extension: the plugin's kind
    std::string name; // free label shown on the canvas
    std::map<std::string, Parameter> params; // only those set; the rest take the kind's default
    std::vector<Block> alternatives;         // Choice: one of these is taken
    std::vector<Block> body;                 // Repeat: exactly one block, stacked depth times
    double x = 0.0;                          // canvas position
    double y = 0.0;

    const BlockKindInfo& info() const { return extension ? *extension : blockKindInfo(kind); }

    // The parameter as set, or the kind's default as a fixed value.
    const Parameter& param(const std::string& paramName) const;

    // Number of input ports (Add and Concat take theirs from "inputs").
    int inputCount() const;

    // Equal as parts of a search space (positions and labels are ignored).
    bool sameStructure(const Block& other) const;
};

} // namespace archscape
