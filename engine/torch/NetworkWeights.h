#pragma once
// A NetworkModule's parameters and batch-norm buffers as bytes (LibTorch's
// own archive format), so trained weights can be stored as a trial's
// "weights" artifact and loaded into a module built from the same
// architecture, for export or further training.

#include "NetworkModule.h"

#include <string>

namespace archscape {

std::string saveNetworkWeights(NetworkModule& module);
// Throws std::runtime_error when the bytes are not a weights archive or do
// not fit the module (another architecture).
void loadNetworkWeights(NetworkModule& module, const std::string& bytes);

} // namespace archscape
