#pragma once
// A block kind added by a plugin: how it shows in the palette and in space
// files (its description), and the layers one block of it stands for. Such
// a block has one input and one output port; its parameters can be choices
// like any built-in kind's.

#include "BlockKind.h"
#include "BlockLayers.h"

namespace archscape {

class BlockKindExtension
{
public:
    virtual ~BlockKindExtension() = default;

    // name (as written in space files: lower case, digits, '_' and '-'),
    // displayName, help, input and output port types (Map, Vector or Any)
    // and params. kind, fixedInputs, variableInputs and extension are set by
    // the host. Called once, when the plugin is loaded.
    virtual BlockKindInfo describe() const = 0;

    // The block's layers from its input layer; returns its output layer.
    // Called for every architecture resolved, from any thread: keep it a
    // pure function of layers.param() and the shapes.
    virtual int expand(BlockLayers& layers, int input) const = 0;
};

} // namespace archscape
