#include "NetworkCost.h"

namespace archscape {

NetworkCost NetworkCost::of(const Network& net)
{
    NetworkCost cost;
    for (const auto& l : net.layers) {
        switch (l.op) {
        case LayerOp::Conv: {
            int64_t weights = l.outChannels * (l.inChannels / l.groups) * l.kernel * l.kernel;
            cost.params += weights + (l.bias ? l.outChannels : 0);
            cost.macs += weights * l.shape.height * l.shape.width;
            break;
        }
        case LayerOp::Linear:
            cost.params += l.inChannels * l.outChannels + (l.bias ? l.outChannels : 0);
            cost.macs += l.inChannels * l.outChannels;
            break;
        case LayerOp::BatchNorm:
            cost.params += 2 * l.shape.channels;
            break;
        default:
            break;
        }
    }
    return cost;
}

} // namespace archscape
