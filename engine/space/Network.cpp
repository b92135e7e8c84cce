#include "Network.h"

namespace archscape {

std::string Shape::toString() const
{
    if (isVector)
        return std::to_string(channels);
    return std::to_string(channels) + "×" + std::to_string(height) + "×" + std::to_string(width);
}

Activation activationFromName(const std::string& name)
{
    if (name == "relu")
        return Activation::ReLU;
    if (name == "relu6")
        return Activation::ReLU6;
    if (name == "swish")
        return Activation::Swish;
    if (name == "hswish")
        return Activation::HardSwish;
    if (name == "sigmoid")
        return Activation::Sigmoid;
    return Activation::None;
}

const char* activationName(Activation a)
{
    switch (a) {
    case Activation::None:
        return "none";
    case Activation::ReLU:
        return "relu";
    case Activation::ReLU6:
        return "relu6";
    case Activation::Swish:
        return "swish";
    case Activation::HardSwish:
        return "hswish";
    case Activation::Sigmoid:
        return "sigmoid";
    }
    return "?";
}

const char* layerOpName(LayerOp op)
{
    switch (op) {
    case LayerOp::Input:
        return "input";
    case LayerOp::Conv:
        return "conv";
    case LayerOp::BatchNorm:
        return "batchnorm";
    case LayerOp::Activation:
        return "activation";
    case LayerOp::Pool:
        return "pool";
    case LayerOp::GlobalPool:
        return "globalpool";
    case LayerOp::Linear:
        return "linear";
    case LayerOp::Dropout:
        return "dropout";
    case LayerOp::Add:
        return "add";
    case LayerOp::Concat:
        return "concat";
    case LayerOp::Mul:
        return "mul";
    case LayerOp::Identity:
        return "identity";
    case LayerOp::Zero:
        return "zero";
    case LayerOp::Output:
        return "output";
    }
    return "?";
}

} // namespace archscape
