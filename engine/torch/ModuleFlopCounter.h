#pragma once
// Multiply-accumulates of a built NetworkModule, counted from the graph it
// runs: one forward pass of a 1×C×H×W input, reading each convolution's
// and linear layer's weight tensor and the real shape of its result. It is
// the check on NetworkCost, which counts the same from the resolved shapes.

#include <cstdint>

namespace archscape {

struct NetworkModuleImpl;

struct ModuleFlopCount
{
    // Every convolution and linear layer, also those whose result cannot
    // reach the output (NAS-Bench-201 counts them): what NetworkCost counts.
    int64_t macs = 0;
    // Only the layers forward() computes: the work inference really does.
    int64_t liveMacs = 0;
};

class ModuleFlopCounter
{
public:
    // For one input image (batch 1) on the module's device; the module's
    // training mode is kept and nothing is learned (no gradients).
    static ModuleFlopCount count(NetworkModuleImpl& module);
};

} // namespace archscape
