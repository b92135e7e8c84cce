#pragma once
// The weights of a NetworkModule as plain arrays, one LayerTensors per layer
// of its network, for the ONNX exporter (which stays free of LibTorch).

#include "LayerTensors.h"
#include "torch/NetworkModule.h"

#include <vector>

namespace archscape {

// Copies every parameter and batch-norm buffer to the CPU as float32.
std::vector<LayerTensors> moduleTensors(NetworkModule& module);

} // namespace archscape
