#include "BottleneckBlock.h"

#include "ParamSpecs.h"
#include "ResidualLayers.h"

namespace archscape::resnet {

BlockKindInfo BottleneckBlock::describe() const
{
    BlockKindInfo info;
    info.name = "bottleneck";
    info.displayName = "Bottleneck block";
    info.help = "ResNet bottleneck: 1×1 reduce to width/expansion channels, grouped k×k conv "
                "(ResNeXt: groups > 1), 1×1 expand to width, each with BN; added to the input "
                "(or a 1×1 projection), then ReLU.";
    info.params = {widthSpec(256),
                   ParamSpec::integer("expansion", 4, 1, 64, true, "width / inner channels"),
                   ParamSpec::integer("groups", 1, 1, 1024, false, "groups of the k×k convolution"),
                   kernelSpec(), strideSpec()};
    return info;
}

int BottleneckBlock::expand(BlockLayers& layers, int input) const
{
    const int64_t width = layers.param("width").toInt();
    const int64_t expansion = layers.param("expansion").toInt();
    const int64_t groups = layers.param("groups").toInt();
    const int kernel = static_cast<int>(layers.param("kernel").toInt());
    const int stride = static_cast<int>(layers.param("stride").toInt());
    if (width % expansion != 0)
        layers.fail("width " + std::to_string(width) + " is not a multiple of expansion " +
                    std::to_string(expansion));
    const int64_t inner = width / expansion;
    if (inner % groups != 0)
        layers.fail(std::to_string(inner) + " inner channels do not split into " +
                    std::to_string(groups) + " groups");
    int x = convBn(layers, input, inner, 1, 1, 1, "reduce");
    x = layers.activation(x, Activation::ReLU, "reduce-relu");
    x = convBn(layers, x, inner, kernel, stride, groups, "conv");
    x = layers.activation(x, Activation::ReLU, "conv-relu");
    x = convBn(layers, x, width, 1, 1, 1, "expand");
    return joinResidual(layers, x, shortcut(layers, input, width, stride));
}

} // namespace archscape::resnet
