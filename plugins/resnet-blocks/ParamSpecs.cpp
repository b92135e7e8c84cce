#include "ParamSpecs.h"

namespace archscape::resnet {

ParamSpec intSpec(std::string name, int64_t value, double minimum, double maximum,
                  bool affectsShape, std::string help)
{
    ParamSpec spec;
    spec.name = std::move(name);
    spec.type = Value::Type::Int;
    spec.defaultValue = Value::integer(value);
    spec.minimum = minimum;
    spec.maximum = maximum;
    spec.affectsShape = affectsShape;
    spec.help = std::move(help);
    return spec;
}

ParamSpec widthSpec(int64_t value)
{
    return intSpec("width", value, 1, 65536, true, "output channels");
}

ParamSpec kernelSpec()
{
    return intSpec("kernel", 3, 1, 31, true, "kernel size");
}

ParamSpec strideSpec()
{
    return intSpec("stride", 1, 1, 16, true, "stride of the block (its first k×k conv)");
}

} // namespace archscape::resnet
