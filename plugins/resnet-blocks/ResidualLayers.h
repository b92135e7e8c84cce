#pragma once
// Layer patterns the residual block kinds share.

#include "space/BlockLayers.h"

#include <string>

namespace archscape::resnet {

// Convolution followed by batch norm.
int convBn(BlockLayers& layers, int x, int64_t out, int kernel, int stride, int64_t groups,
           const std::string& name);

// The input as it is when shapes allow (stride 1, same channels), else a
// strided 1×1 convolution with batch norm (ResNet's projection shortcut).
int shortcut(BlockLayers& layers, int input, int64_t out, int stride);

// Residual sum, then ReLU.
int joinResidual(BlockLayers& layers, int residual, int shortcut);

} // namespace archscape::resnet
