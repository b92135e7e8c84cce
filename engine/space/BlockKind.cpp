#include "BlockKind.h"

#include <stdexcept>

namespace archscape {

namespace {

const std::vector<std::string> kActivations{"relu", "relu6", "swish", "hswish", "sigmoid", "none"};

ParamSpec width(int64_t def)
{
    return ParamSpec::integer("width", def, 1, 65536, true, "output channels");
}
ParamSpec kernel(int64_t def)
{
    return ParamSpec::integer("kernel", def, 1, 31, true, "kernel size");
}
ParamSpec stride()
{
    return ParamSpec::integer("stride", 1, 1, 16, true, "stride");
}
ParamSpec activation(std::string def)
{
    return ParamSpec::word("activation", std::move(def), kActivations, "activation function");
}

std::vector<BlockKindInfo> makeKinds()
{
    std::vector<BlockKindInfo> kinds;
    auto add = [&kinds](BlockKind kind, std::string name, std::string display, std::string help,
                        PortType in, PortType out, int inputs, std::vector<ParamSpec> params) {
        BlockKindInfo info;
        info.kind = kind;
        info.name = std::move(name);
        info.displayName = std::move(display);
        info.help = std::move(help);
        info.input = in;
        info.output = out;
        info.fixedInputs = inputs;
        info.params = std::move(params);
        kinds.push_back(std::move(info));
    };
    using P = PortType;
    add(BlockKind::Input, "input", "Input", "The network input: an image of C×H×W.", P::None,
        P::Map, 0,
        {ParamSpec::integer("channels", 3, 1, 65536, true, "image channels"),
         ParamSpec::integer("height", 32, 1, 16384, true, "image height"),
         ParamSpec::integer("width", 32, 1, 16384, true, "image width")});
    add(BlockKind::Stem, "stem", "Stem", "First convolution: conv, batch norm, activation.", P::Map,
        P::Map, 1,
        {width(16), kernel(3), stride(), activation("none"),
         ParamSpec::flag("bn", true, "batch norm after the convolution"),
         ParamSpec::flag("bias", false, "the convolution has a bias")});
    add(BlockKind::Conv, "conv", "Conv", "Convolution with batch norm and activation.", P::Map,
        P::Map, 1,
        {width(32), kernel(3), stride(), activation("relu"),
         ParamSpec::flag("bn", true, "batch norm after the convolution"),
         ParamSpec::flag("bias", false, "the convolution has a bias"),
         ParamSpec::word("order", "post", {"post", "pre"},
                         "post: conv-BN-act; pre: act-conv-BN (ReLU-Conv-BN)")});
    add(BlockKind::SepConv, "sepconv", "Separable conv",
        "Depthwise k×k conv, then pointwise 1×1 conv, each with batch norm and activation.", P::Map,
        P::Map, 1, {width(32), kernel(3), stride(), activation("relu")});
    add(BlockKind::MBConv, "mbconv", "MBConv",
        "Inverted residual: 1×1 expansion, depthwise k×k, optional squeeze-excite, 1×1 "
        "projection; residual when shapes allow.",
        P::Map, P::Map, 1,
        {width(32), kernel(3), ParamSpec::integer("expansion", 6, 1, 32, false, "expansion ratio"),
         stride(), ParamSpec::real("se", 0.0, 0.0, 1.0, "squeeze-excite ratio (0: none)"),
         activation("relu6")});
    add(BlockKind::Pool, "pool", "Pool", "Max or average pooling.", P::Map, P::Map, 1,
        {ParamSpec::word("type", "max", {"max", "avg"}, "pooling type"), kernel(3), stride()});
    add(BlockKind::Identity, "identity", "Skip", "Passes its input through.", P::Any, P::Any, 1,
        {});
    add(BlockKind::Zero, "zero", "Zero", "Outputs zeros: removes the path it is on.", P::Any,
        P::Any, 1, {});
    add(BlockKind::Choice, "choice", "Choice", "One of several alternative blocks.", P::Map, P::Map,
        1, {});
    add(BlockKind::Repeat, "repeat", "Repeat",
        "Its body block stacked depth times; only the first repetition strides.", P::Map, P::Map, 1,
        {ParamSpec::integer("depth", 1, 1, 64, true, "number of repetitions")});
    add(BlockKind::Cell, "cell", "Cell",
        "A reusable cell: each edge of its inner DAG chooses an operation.", P::Map, P::Map, 1,
        {ParamSpec::word("cell", "", {}, "name of the cell definition")});
    add(BlockKind::Add, "add", "Add", "Element-wise sum of its inputs.", P::Any, P::Any, 2,
        {ParamSpec::integer("inputs", 2, 2, 64, false, "number of inputs")});
    add(BlockKind::Concat, "concat", "Concat", "Concatenates its inputs along channels.", P::Map,
        P::Map, 2, {ParamSpec::integer("inputs", 2, 2, 64, false, "number of inputs")});
    add(BlockKind::GlobalPool, "globalpool", "Global pool", "Pools each channel to one value.",
        P::Map, P::Vector, 1, {ParamSpec::word("type", "avg", {"avg", "max"}, "pooling type")});
    add(BlockKind::Linear, "linear", "Linear", "Fully connected layer.", P::Vector, P::Vector, 1,
        {ParamSpec::integer("width", 128, 1, 1 << 20, true, "output features"),
         activation("none")});
    add(BlockKind::Head, "head", "Head",
        "Classifier: optional BN+ReLU, global average pooling, dropout, linear.", P::Map, P::Vector,
        1,
        {ParamSpec::integer("classes", 10, 1, 1 << 20, true, "number of classes"),
         ParamSpec::flag("preact", false, "batch norm and ReLU before pooling"),
         ParamSpec::real("dropout", 0.0, 0.0, 0.99, "dropout before the classifier")});
    add(BlockKind::Output, "output", "Output", "The network output.", P::Any, P::None, 1, {});
    for (auto& k : kinds) {
        k.variableInputs = (k.kind == BlockKind::Add || k.kind == BlockKind::Concat);
        for (auto& p : k.params)
            p.fixedDefault = Parameter::fixed(p.defaultValue);
    }
    return kinds;
}

} // namespace

ParamSpec ParamSpec::integer(std::string name, int64_t value, double minimum, double maximum,
                             bool affectsShape, std::string help)
{
    ParamSpec p;
    p.name = std::move(name);
    p.type = Value::Type::Int;
    p.defaultValue = Value::integer(value);
    p.minimum = minimum;
    p.maximum = maximum;
    p.affectsShape = affectsShape;
    p.help = std::move(help);
    return p;
}

ParamSpec ParamSpec::real(std::string name, double value, double minimum, double maximum,
                          std::string help)
{
    ParamSpec p;
    p.name = std::move(name);
    p.type = Value::Type::Real;
    p.defaultValue = Value::real(value);
    p.minimum = minimum;
    p.maximum = maximum;
    p.help = std::move(help);
    return p;
}

ParamSpec ParamSpec::flag(std::string name, bool value, std::string help)
{
    ParamSpec p;
    p.name = std::move(name);
    p.type = Value::Type::Bool;
    p.defaultValue = Value::flag(value);
    p.help = std::move(help);
    return p;
}

ParamSpec ParamSpec::word(std::string name, std::string value, std::vector<std::string> words,
                          std::string help)
{
    ParamSpec p;
    p.name = std::move(name);
    p.type = Value::Type::Text;
    p.defaultValue = Value::text(std::move(value));
    p.words = std::move(words);
    p.help = std::move(help);
    return p;
}

const ParamSpec* BlockKindInfo::param(const std::string& paramName) const
{
    for (const auto& p : params)
        if (p.name == paramName)
            return &p;
    return nullptr;
}

const std::vector<BlockKindInfo>& allBlockKinds()
{
    static const std::vector<BlockKindInfo> kinds = makeKinds();
    return kinds;
}

const BlockKindInfo& blockKindInfo(BlockKind kind)
{
    if (kind == BlockKind::Extension)
        throw std::logic_error("a plugin's block kind is described by its block, not by BlockKind");
    return allBlockKinds()[static_cast<size_t>(kind)];
}

std::optional<BlockKind> blockKindFromName(const std::string& name)
{
    for (const auto& info : allBlockKinds())
        if (info.name == name)
            return info.kind;
    return std::nullopt;
}

} // namespace archscape
