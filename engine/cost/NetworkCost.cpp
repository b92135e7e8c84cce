#include "NetworkCost.h"

#include <cstdint>
#include <limits>

namespace archscape {

namespace {

// Counts saturate at INT64_MAX: a legal space (65536 channels of 16384×16384)
// can exceed it, and signed overflow is undefined.
int64_t mul(int64_t a, int64_t b)
{
    int64_t r;
    return __builtin_mul_overflow(a, b, &r) ? std::numeric_limits<int64_t>::max() : r;
}

int64_t add(int64_t a, int64_t b)
{
    int64_t r;
    return __builtin_add_overflow(a, b, &r) ? std::numeric_limits<int64_t>::max() : r;
}

} // namespace

NetworkCost NetworkCost::of(const Network& net)
{
    NetworkCost cost;
    for (const auto& l : net.layers) {
        switch (l.op) {
        case LayerOp::Conv: {
            int64_t weights = mul(mul(mul(l.outChannels, l.inChannels / l.groups), l.kernel), l.kernel);
            cost.params = add(cost.params, add(weights, l.bias ? l.outChannels : 0));
            cost.macs = add(cost.macs, mul(mul(weights, l.shape.height), l.shape.width));
            break;
        }
        case LayerOp::Linear:
            cost.params = add(cost.params, add(mul(l.inChannels, l.outChannels),
                                               l.bias ? l.outChannels : 0));
            cost.macs = add(cost.macs, mul(l.inChannels, l.outChannels));
            break;
        case LayerOp::BatchNorm:
            cost.params = add(cost.params, mul(2, l.shape.channels));
            break;
        default:
            break;
        }
    }
    return cost;
}

} // namespace archscape
