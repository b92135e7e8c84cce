#pragma once
// What a plugin's block kind builds its block from: the primitive layers of
// the engine's network (engine/space/Network.h), emitted one by one, each
// returning its index for later layers to take as input. Every consumer of
// a network (parameter and FLOP counts, the LibTorch builder, the ONNX
// exporter, the latency table, the architecture view) knows these layers,
// so a new kind works everywhere without code of its own.
//
// Shapes follow PyTorch: padding (kernel-1)/2, floor division by the stride.
// A layer whose shapes do not fit (a kernel larger than the map, adding maps
// of different shapes) stops the resolution with a message naming the block.

#include "Network.h"
#include "Value.h"

#include <cstdint>
#include <string>
#include <vector>

namespace archscape {

class BlockLayers
{
public:
    virtual ~BlockLayers() = default;

    // This block's value of one of its parameters, in the architecture being
    // resolved (a choice's chosen option). Throws for an undeclared name.
    virtual Value param(const std::string& name) = 0;
    virtual Shape shape(int layer) const = 0;

    // Labels name the layer inside its block ("conv1", "shortcut/bn"); they
    // show in the architecture view and name the exported tensors.
    virtual int conv(int input, int64_t outChannels, int kernel, int stride, int64_t groups,
                     bool bias, const std::string& label) = 0;
    virtual int batchNorm(int input, const std::string& label) = 0;
    virtual int activation(int input, Activation activation, const std::string& label) = 0;
    virtual int pool(int input, bool isMax, int kernel, int stride, const std::string& label) = 0;
    // To a vector of C features, or, with keepMap, to a C×1×1 map (a gate).
    virtual int globalPool(int input, bool isMax, bool keepMap, const std::string& label) = 0;
    virtual int linear(int input, int64_t outFeatures, const std::string& label) = 0;
    virtual int dropout(int input, double probability, const std::string& label) = 0;
    virtual int add(const std::vector<int>& inputs, const std::string& label) = 0;
    virtual int concat(const std::vector<int>& inputs, const std::string& label) = 0;
    // A map times a C×1×1 gate, channel by channel.
    virtual int multiply(int map, int gate, const std::string& label) = 0;

    // Stops the resolution: the space is invalid for this reason.
    [[noreturn]] virtual void fail(const std::string& problem) = 0;
};

} // namespace archscape
