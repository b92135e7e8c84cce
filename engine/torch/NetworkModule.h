#pragma once
// The LibTorch module of a concrete Network: one Conv2d, BatchNorm2d or
// Linear per parametric layer, and a forward pass that runs the layers in
// the network's topological order. Its parameters are exactly those
// NetworkCost counts.

#include "space/Network.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

// Declared only: their headers add seconds to every file including this one.
namespace torch::nn {
class Conv2dImpl;
class BatchNorm2dImpl;
class LinearImpl;
} // namespace torch::nn

namespace archscape {

struct NetworkModuleImpl : torch::nn::Module
{
    // Builds the layers on the CPU (with LibTorch's default initialisation,
    // so torch::manual_seed makes it reproducible), then moves them to
    // `device`. Throws std::invalid_argument for a malformed network.
    explicit NetworkModuleImpl(const Network& network, torch::Device device = torch::kCPU);

    // The module of one parametric layer (Conv: a Conv2d, BatchNorm: a
    // BatchNorm2d, Linear: a Linear), by layer index. A single-path supernet
    // hands out modules it shares between architectures; they are used
    // where they are (not moved, not reinitialised).
    using LayerFactory = std::function<std::shared_ptr<torch::nn::Module>(size_t layer)>;
    NetworkModuleImpl(const Network& network, const LayerFactory& layerModule);
    // A fresh module for a parametric layer, as the first constructor makes
    // it; nullptr for a layer without parameters.
    static std::shared_ptr<torch::nn::Module> makeLayer(const Layer& layer);

    // `input` is N×C×H×W of the network's input shape; the result has the
    // output layer's shape: N×C for a vector, N×C×H×W for a feature map.
    torch::Tensor forward(const torch::Tensor& input);

    // Sees each layer's result as forwardObserved() computes it.
    using LayerObserver = std::function<void(size_t layer, const torch::Tensor& result)>;
    // forward() for measuring the graph (ModuleFlopCounter, LatencyTable):
    // computes every layer, also those whose result goes nowhere (they hold
    // parameters and NAS-Bench-201 counts their cost), keeps every result,
    // and shows each to `observe` in order.
    torch::Tensor forwardObserved(const torch::Tensor& input, const LayerObserver& observe);

    const Network& network() const { return network_; }
    int64_t parameterCount() const;
    // The name a parametric layer's submodule is registered under (its
    // label made a valid module name), empty for other layers.
    const std::string& moduleName(size_t layer) const { return parts_.at(layer).name; }

private:
    struct LayerParts
    {
        std::string name;
        std::shared_ptr<torch::nn::Conv2dImpl> conv;
        std::shared_ptr<torch::nn::BatchNorm2dImpl> batchNorm;
        std::shared_ptr<torch::nn::LinearImpl> linear;
    };

    void check() const;
    void checkInput(const torch::Tensor& input) const;
    std::string uniqueName(size_t layer, std::vector<std::string>& taken) const;
    torch::Tensor run(size_t layer, const std::vector<torch::Tensor>& values,
                      const torch::Tensor& input);

    Network network_;
    std::vector<LayerParts> parts_;
    // Layers whose result can reach the output: the only ones forward()
    // computes. A cell keeps operations that feed only "none" edges (their
    // parameters count, as in NAS-Bench-201) but their results go nowhere.
    std::vector<char> needed_;
    // The last layer that reads each layer's result, so forward() can let
    // go of a tensor as soon as nothing reads it any more.
    std::vector<size_t> lastReader_;
};

TORCH_MODULE(NetworkModule);

} // namespace archscape
