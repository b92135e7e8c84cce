#include "ResidualLayers.h"

namespace archscape::resnet {

int convBn(BlockLayers& layers, int x, int64_t out, int kernel, int stride, int64_t groups,
           const std::string& name)
{
    x = layers.conv(x, out, kernel, stride, groups, false, name);
    return layers.batchNorm(x, name + "-bn");
}

int shortcut(BlockLayers& layers, int input, int64_t out, int stride)
{
    if (stride == 1 && layers.shape(input).channels == out)
        return input;
    return convBn(layers, input, out, 1, stride, 1, "shortcut");
}

int joinResidual(BlockLayers& layers, int residual, int shortcut)
{
    int sum = layers.add({residual, shortcut}, "residual");
    return layers.activation(sum, Activation::ReLU, "relu");
}

} // namespace archscape::resnet
