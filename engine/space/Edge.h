#pragma once
// A connection from a block's output to one input port of another block.

#include <string>

namespace archscape {

struct Edge
{
    std::string from;
    std::string to;
    int toPort = 0;

    bool operator==(const Edge& o) const
    {
        return from == o.from && to == o.to && toPort == o.toPort;
    }
    bool operator!=(const Edge& o) const { return !(*this == o); }
};

} // namespace archscape
