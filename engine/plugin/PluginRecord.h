#pragma once
// One plugin file the host tried: what it is and provides when loaded, or
// why it was refused.

#include <string>
#include <vector>

namespace archscape {

struct PluginRecord
{
    std::string file;
    std::string name;
    std::string version;
    std::string description;
    std::vector<std::string> strategies;
    std::vector<std::string> evaluators;
    std::vector<std::string> blockKinds;
    std::string refusal; // empty: loaded

    bool loaded() const { return refusal.empty(); }
};

} // namespace archscape
