#pragma once
// The kinds of block a search space is made of, with the ports and the
// parameters each kind has. The palette, the loader and the validator all
// read this one table.

#include "Parameter.h"
#include "Value.h"

#include <optional>
#include <string>
#include <vector>

namespace archscape {

enum class BlockKind {
    Input,
    Stem,
    Conv,
    SepConv,
    MBConv,
    Pool,
    Identity,
    Zero,
    Choice,
    Repeat,
    Cell,
    Add,
    Concat,
    GlobalPool,
    Linear,
    Head,
    Output,
};

// Feature maps (C×H×W) flow between convolutional blocks; vectors (F) after
// global pooling.
enum class PortType { None, Map, Vector, Any };

struct ParamSpec
{
    std::string name;
    Value::Type type = Value::Type::Int;
    Value defaultValue;
    Parameter fixedDefault; // defaultValue as a fixed parameter
    double minimum = 0;
    double maximum = 0;
    std::vector<std::string> words; // allowed values of a Text parameter
    bool affectsShape = false;      // a choice here changes tensor shapes
    std::string help;
};

struct BlockKindInfo
{
    BlockKind kind;
    std::string name;        // as written in space files: "conv", "mbconv", ...
    std::string displayName; // as shown in the palette
    std::string help;
    PortType input = PortType::Map;
    PortType output = PortType::Map;
    int fixedInputs = 1;       // number of input ports unless variableInputs
    bool variableInputs = false; // Add/Concat: the "inputs" parameter sets it
    std::vector<ParamSpec> params;

    const ParamSpec* param(const std::string& paramName) const;
};

const std::vector<BlockKindInfo>& allBlockKinds();
const BlockKindInfo& blockKindInfo(BlockKind kind);
std::optional<BlockKind> blockKindFromName(const std::string& name);

} // namespace archscape
