#pragma once
// Parameter declarations the residual block kinds share.

#include "space/BlockKind.h"

#include <string>

namespace archscape::resnet {

ParamSpec intSpec(std::string name, int64_t value, double minimum, double maximum,
                  bool affectsShape, std::string help);
ParamSpec widthSpec(int64_t value);
ParamSpec kernelSpec();
ParamSpec strideSpec();

} // namespace archscape::resnet
