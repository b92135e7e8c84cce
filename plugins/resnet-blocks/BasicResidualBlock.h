#pragma once
// ResNet's basic block (He et al., 2016): two k×k convolutions with batch
// norm, the first strided and followed by ReLU, added to the shortcut, then
// ReLU.

#include "space/BlockKindExtension.h"

namespace archscape::resnet {

class BasicResidualBlock : public BlockKindExtension
{
public:
    BlockKindInfo describe() const override;
    int expand(BlockLayers& layers, int input) const override;
};

} // namespace archscape::resnet
