#pragma once
// Which layers of a network can affect its output: those forward()
// computes. A NAS-Bench-201 cell keeps operations that feed only "none"
// edges; they hold parameters but their results go nowhere.

#include "space/Network.h"

#include <vector>

namespace archscape {

// One flag per layer: 1 when a path leads from it to the output layer.
inline std::vector<char> liveLayers(const Network& net)
{
    std::vector<char> live(net.layers.size(), 0);
    if (net.output < 0)
        return live;
    live[static_cast<size_t>(net.output)] = 1;
    for (size_t i = net.layers.size(); i-- > 0;)
        if (live[i])
            for (int in : net.layers[i].inputs)
                live[static_cast<size_t>(in)] = 1;
    return live;
}

} // namespace archscape
