#pragma once
// Parameter count and multiply-accumulates of a concrete network, counted
// from its layers: convolutions, linear layers and batch norms hold
// parameters (batch-norm running statistics are buffers, not parameters);
// multiply-accumulates count convolutions and linear layers, as fvcore and
// thop do.

#include "space/Network.h"

#include <cstdint>

namespace archscape {

struct NetworkCost
{
    int64_t params = 0;
    int64_t macs = 0;

    static NetworkCost of(const Network& net);
};

} // namespace archscape
