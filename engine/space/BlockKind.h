#pragma once
// The kinds of block a search space is made of, with the ports and the
// parameters each kind has. The palette, the loader and the validator all
// read this one table, which holds the built-in kinds; kinds added by
// plugins (BlockKindRegistry) are BlockKind::Extension, and each block of
// such a kind carries its description (Block::extension).

#include "Parameter.h"
#include "Value.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archscape {

class BlockKindExtension;

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
    Extension, // a kind added by a plugin: the block's extension describes it
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

    static ParamSpec integer(std::string name, int64_t value, double minimum, double maximum,
                             bool affectsShape, std::string help);
    static ParamSpec real(std::string name, double value, double minimum, double maximum,
                          std::string help);
    static ParamSpec flag(std::string name, bool value, std::string help);
    static ParamSpec word(std::string name, std::string value, std::vector<std::string> words,
                          std::string help);
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
    // Set for a plugin's kind: it expands the block into layers.
    std::shared_ptr<const BlockKindExtension> extension;

    const ParamSpec* param(const std::string& paramName) const;
};

// The built-in kinds, in palette order. Plugins' kinds: BlockKindRegistry.
const std::vector<BlockKindInfo>& allBlockKinds();
// A built-in kind's description; throws std::logic_error for Extension,
// which only a block (Block::info()) can describe.
const BlockKindInfo& blockKindInfo(BlockKind kind);
// A built-in kind by its name in space files.
std::optional<BlockKind> blockKindFromName(const std::string& name);

} // namespace archscape
