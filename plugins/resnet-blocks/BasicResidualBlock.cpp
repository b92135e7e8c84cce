#include "BasicResidualBlock.h"

#include "ParamSpecs.h"
#include "ResidualLayers.h"

namespace archscape::resnet {

BlockKindInfo BasicResidualBlock::describe() const
{
    BlockKindInfo info;
    info.name = "resblock";
    info.displayName = "Residual block";
    info.help = "ResNet basic block: k×k conv, BN, ReLU, k×k conv, BN, added to the input "
                "(or to a 1×1 projection when the shape changes), then ReLU.";
    info.params = {widthSpec(64), kernelSpec(), strideSpec()};
    return info;
}

int BasicResidualBlock::expand(BlockLayers& layers, int input) const
{
    const int64_t width = layers.param("width").toInt();
    const int kernel = static_cast<int>(layers.param("kernel").toInt());
    const int stride = static_cast<int>(layers.param("stride").toInt());
    int x = convBn(layers, input, width, kernel, stride, 1, "conv1");
    x = layers.activation(x, Activation::ReLU, "conv1-relu");
    x = convBn(layers, x, width, kernel, 1, 1, "conv2");
    return joinResidual(layers, x, shortcut(layers, input, width, stride));
}

} // namespace archscape::resnet
