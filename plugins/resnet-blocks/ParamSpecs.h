#pragma once
// Parameter declarations the residual block kinds share.

#include "space/BlockKind.h"

namespace archscape::resnet {

ParamSpec widthSpec(int64_t value);
ParamSpec kernelSpec();
ParamSpec strideSpec();

} // namespace archscape::resnet
