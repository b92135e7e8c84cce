#pragma once
// ResNet's bottleneck block (He et al., 2016), with ResNeXt's grouped
// convolution (Xie et al., 2017): 1×1 reduction to width/expansion
// channels, grouped k×k convolution (strided), 1×1 expansion to width, each
// with batch norm, ReLU after the first two; added to the shortcut, ReLU.

#include "space/BlockKindExtension.h"

namespace archscape::resnet {

class BottleneckBlock : public BlockKindExtension
{
public:
    BlockKindInfo describe() const override;
    int expand(BlockLayers& layers, int input) const override;
};

} // namespace archscape::resnet
