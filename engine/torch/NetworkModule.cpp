#include "NetworkModule.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace archscape {

namespace {

[[noreturn]] void malformed(size_t layer, const Layer& l, const std::string& problem)
{
    std::string where = "layer " + std::to_string(layer) + " (" + layerOpName(l.op);
    if (!l.label.empty())
        where += " '" + l.label + "'";
    throw std::invalid_argument("the network cannot be built: " + where + "): " + problem);
}

std::vector<int64_t> sizesOf(int64_t batch, const Shape& s)
{
    if (s.isVector)
        return {batch, s.channels};
    return {batch, s.channels, s.height, s.width};
}

std::string describe(const torch::Tensor& t)
{
    std::string text;
    for (int64_t d : t.sizes())
        text += (text.empty() ? "" : "×") + std::to_string(d);
    return text.empty() ? "a scalar" : text;
}

// Module names may not be empty or contain '.': keep letters, digits and
// '_', and turn every other run of characters into one '_'.
std::string moduleNameFor(const std::string& label)
{
    std::string name;
    for (unsigned char c : label) {
        if (std::isalnum(c) || c == '_')
            name += static_cast<char>(c);
        else if (!name.empty() && name.back() != '_')
            name += '_';
    }
    while (!name.empty() && name.back() == '_')
        name.pop_back();
    return name;
}

torch::Tensor activate(const torch::Tensor& x, Activation a)
{
    switch (a) {
    case Activation::None:
        return x;
    case Activation::ReLU:
        return torch::relu(x);
    case Activation::ReLU6:
        return torch::hardtanh(x, 0.0, 6.0);
    case Activation::Swish:
        return torch::silu(x);
    case Activation::HardSwish:
        return torch::hardswish(x); // x * relu6(x + 3) / 6
    case Activation::Sigmoid:
        return torch::sigmoid(x);
    }
    return x;
}

} // namespace

NetworkModuleImpl::NetworkModuleImpl(const Network& network, torch::Device device)
    : NetworkModuleImpl(network,
                        [&network](size_t layer) { return makeLayer(network.layers[layer]); })
{
    to(device);
}

std::shared_ptr<torch::nn::Module> NetworkModuleImpl::makeLayer(const Layer& l)
{
    switch (l.op) {
    case LayerOp::Conv:
        return torch::nn::Conv2d(torch::nn::Conv2dOptions(l.inChannels, l.outChannels, l.kernel)
                                     .stride(l.stride)
                                     .padding(l.padding)
                                     .groups(l.groups)
                                     .bias(l.bias))
            .ptr();
    case LayerOp::BatchNorm:
        return torch::nn::BatchNorm2d(
                   torch::nn::BatchNorm2dOptions(l.shape.channels).affine(true).track_running_stats(true))
            .ptr();
    case LayerOp::Linear:
        return torch::nn::Linear(torch::nn::LinearOptions(l.inChannels, l.outChannels).bias(l.bias))
            .ptr();
    default:
        return nullptr;
    }
}

NetworkModuleImpl::NetworkModuleImpl(const Network& network, const LayerFactory& layerModule)
    : network_(network), parts_(network.layers.size()), needed_(network.layers.size(), 0),
      lastReader_(network.layers.size(), 0)
{
    check();
    const size_t n = network_.layers.size();
    std::vector<std::string> taken;
    for (size_t i = 0; i < n; ++i) {
        const Layer& l = network_.layers[i];
        if (l.op != LayerOp::Conv && l.op != LayerOp::BatchNorm && l.op != LayerOp::Linear)
            continue;
        LayerParts& p = parts_[i];
        p.name = uniqueName(i, taken);
        const std::shared_ptr<torch::nn::Module> made = layerModule(i);
        if (l.op == LayerOp::Conv)
            p.conv = std::dynamic_pointer_cast<torch::nn::Conv2dImpl>(made);
        else if (l.op == LayerOp::BatchNorm)
            p.batchNorm = std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(made);
        else
            p.linear = std::dynamic_pointer_cast<torch::nn::LinearImpl>(made);
        if (!p.conv && !p.batchNorm && !p.linear)
            malformed(i, l, "the layer factory made no module of the layer's kind");
        register_module(p.name, made);
    }

    needed_[static_cast<size_t>(network_.output)] = 1;
    for (size_t i = n; i-- > 0;) {
        if (!needed_[i])
            continue;
        for (int in : network_.layers[i].inputs) {
            needed_[static_cast<size_t>(in)] = 1;
            lastReader_[static_cast<size_t>(in)] =
                std::max(lastReader_[static_cast<size_t>(in)], i);
        }
    }
}

// What forward() relies on, checked once so that a bad network fails here
// with the layer named rather than deep inside LibTorch.
void NetworkModuleImpl::check() const
{
    const auto& layers = network_.layers;
    if (layers.empty() || layers.front().op != LayerOp::Input)
        throw std::invalid_argument("the network cannot be built: its first layer is not an input");
    if (network_.output < 0 || static_cast<size_t>(network_.output) >= layers.size())
        throw std::invalid_argument("the network cannot be built: it has no output layer");
    for (size_t i = 0; i < layers.size(); ++i) {
        const Layer& l = layers[i];
        for (int in : l.inputs)
            if (in < 0 || static_cast<size_t>(in) >= i)
                malformed(i, l, "input " + std::to_string(in) + " is not an earlier layer");
        const size_t arity = l.inputs.size();
        switch (l.op) {
        case LayerOp::Input:
            if (i != 0)
                malformed(i, l, "only the first layer can be the input");
            break;
        case LayerOp::Zero:
            if (arity != 0)
                malformed(i, l, "a zero layer takes no inputs");
            break;
        case LayerOp::Add:
        case LayerOp::Concat:
            if (arity == 0)
                malformed(i, l, "it has no inputs");
            break;
        case LayerOp::Mul:
            if (arity != 2)
                malformed(i, l, "it multiplies exactly two inputs");
            break;
        case LayerOp::Conv:
            if (l.groups < 1 || l.inChannels % l.groups != 0 || l.outChannels % l.groups != 0)
                malformed(i, l,
                          "its channels (" + std::to_string(l.inChannels) + " -> " +
                              std::to_string(l.outChannels) + ") do not divide into " +
                              std::to_string(l.groups) + " groups");
            [[fallthrough]];
        default:
            if (arity != 1)
                malformed(i, l, "it takes one input, not " + std::to_string(arity));
            break;
        }
    }
}

std::string NetworkModuleImpl::uniqueName(size_t layer, std::vector<std::string>& taken) const
{
    std::string name = moduleNameFor(network_.layers[layer].label);
    if (name.empty())
        name = "layer" + std::to_string(layer);
    if (std::find(taken.begin(), taken.end(), name) != taken.end())
        name += "_" + std::to_string(layer);
    taken.push_back(name);
    return name;
}

int64_t NetworkModuleImpl::parameterCount() const
{
    int64_t count = 0;
    for (const auto& p : parameters())
        count += p.numel();
    return count;
}

void NetworkModuleImpl::checkInput(const torch::Tensor& input) const
{
    const Shape in = network_.inputShape();
    if (input.dim() != 4 || input.size(1) != in.channels || input.size(2) != in.height ||
        input.size(3) != in.width)
        throw std::invalid_argument("the network takes a batch of " + in.toString() +
                                    " inputs (N×C×H×W), not " + describe(input));
}

torch::Tensor NetworkModuleImpl::forward(const torch::Tensor& input)
{
    checkInput(input);
    const size_t n = network_.layers.size();
    std::vector<torch::Tensor> values(n);
    for (size_t i = 0; i < n; ++i) {
        if (!needed_[i])
            continue;
        values[i] = run(i, values, input);
        for (int from : network_.layers[i].inputs)
            if (lastReader_[static_cast<size_t>(from)] == i)
                values[static_cast<size_t>(from)].reset();
    }
    return values[static_cast<size_t>(network_.output)];
}

torch::Tensor NetworkModuleImpl::forwardObserved(const torch::Tensor& input,
                                                 const LayerObserver& observe)
{
    checkInput(input);
    const size_t n = network_.layers.size();
    std::vector<torch::Tensor> values(n);
    for (size_t i = 0; i < n; ++i) {
        values[i] = run(i, values, input);
        observe(i, values[i]);
    }
    return values[static_cast<size_t>(network_.output)];
}

torch::Tensor NetworkModuleImpl::run(size_t i, const std::vector<torch::Tensor>& values,
                                     const torch::Tensor& input)
{
    const Layer& l = network_.layers[i];
    auto arg = [&](size_t k) -> const torch::Tensor& {
        return values[static_cast<size_t>(l.inputs[k])];
    };
    switch (l.op) {
    case LayerOp::Input:
        return input;
    case LayerOp::Conv:
        return parts_[i].conv->forward(arg(0));
    case LayerOp::BatchNorm: {
        const torch::Tensor& x = arg(0);
        if (x.dim() == 2) // a vector: N×C as N×C×1×1
            return parts_[i].batchNorm->forward(x.unsqueeze(-1).unsqueeze(-1)).flatten(1);
        return parts_[i].batchNorm->forward(x);
    }
    case LayerOp::Activation:
        return activate(arg(0), l.activation);
    case LayerOp::Pool:
        if (l.maxPool)
            return torch::max_pool2d(arg(0), l.kernel, l.stride, l.padding);
        return torch::avg_pool2d(arg(0), l.kernel, l.stride, l.padding, /*ceil_mode=*/false,
                                 /*count_include_pad=*/false);
    case LayerOp::GlobalPool: {
        const torch::Tensor& x = arg(0);
        if (x.dim() == 2)
            return x;
        const bool keep = !l.shape.isVector; // C×1×1 feeds 1×1 convs (squeeze-excite)
        return l.maxPool ? torch::amax(x, {2, 3}, keep) : torch::mean(x, {2, 3}, keep);
    }
    case LayerOp::Linear:
        return parts_[i].linear->forward(arg(0));
    case LayerOp::Dropout:
        return torch::dropout(arg(0), l.dropout, is_training());
    case LayerOp::Add: {
        torch::Tensor sum = arg(0);
        for (size_t k = 1; k < l.inputs.size(); ++k)
            sum = sum + arg(k);
        return sum;
    }
    case LayerOp::Concat: {
        std::vector<torch::Tensor> parts;
        for (size_t k = 0; k < l.inputs.size(); ++k)
            parts.push_back(arg(k));
        return torch::cat(parts, 1);
    }
    case LayerOp::Mul:
        return arg(0) * arg(1); // N×C×H×W times an N×C×1×1 gate
    case LayerOp::Identity:
    case LayerOp::Output:
        return arg(0);
    case LayerOp::Zero:
        return torch::zeros(sizesOf(input.size(0), l.shape), input.options());
    }
    malformed(i, l, "unknown operation");
}

} // namespace archscape
