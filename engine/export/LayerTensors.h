#pragma once
// The numbers one layer of a Network holds, as plain float arrays in
// LibTorch's layout (conv weight out×in/groups×k×k, linear weight out×in),
// so the ONNX exporter needs no LibTorch. Layers without parameters leave
// everything empty.

#include <vector>

namespace archscape {

struct LayerTensors
{
    std::vector<float> weight;
    std::vector<float> bias;
    std::vector<float> runningMean; // batch norm only
    std::vector<float> runningVar;
    double epsilon = 1e-5;          // batch norm only
};

} // namespace archscape
