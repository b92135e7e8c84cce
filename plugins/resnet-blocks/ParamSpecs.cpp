#include "ParamSpecs.h"

namespace archscape::resnet {

ParamSpec widthSpec(int64_t value)
{
    return ParamSpec::integer("width", value, 1, 65536, true, "output channels");
}

ParamSpec kernelSpec()
{
    return ParamSpec::integer("kernel", 3, 1, 31, true, "kernel size");
}

ParamSpec strideSpec()
{
    return ParamSpec::integer("stride", 1, 1, 16, true, "stride of the block (its first k×k conv)");
}

} // namespace archscape::resnet
