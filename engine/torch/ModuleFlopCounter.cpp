#include "ModuleFlopCounter.h"

#include "LiveLayers.h"
#include "NetworkModule.h"

#include <torch/torch.h>

namespace archscape {

namespace {

// A convolution does one multiply-accumulate per weight per output pixel
// (weight: out × in/groups × k × k); a linear layer one per weight.
int64_t layerMacs(NetworkModuleImpl& module, size_t layer, const torch::Tensor& result)
{
    const LayerOp op = module.network().layers[layer].op;
    if (op != LayerOp::Conv && op != LayerOp::Linear)
        return 0;
    const auto children = module.named_children();
    const std::shared_ptr<torch::nn::Module> part = children[module.moduleName(layer)];
    if (op == LayerOp::Conv) {
        const int64_t weights = part->as<torch::nn::Conv2d>()->weight.numel();
        return weights * result.size(2) * result.size(3);
    }
    return part->as<torch::nn::Linear>()->weight.numel();
}

} // namespace

ModuleFlopCount ModuleFlopCounter::count(NetworkModuleImpl& module)
{
    const Network& net = module.network();
    const Shape in = net.inputShape();
    const std::vector<char> live = liveLayers(net);
    const auto device = module.parameters().empty() ? torch::Device(torch::kCPU)
                                                    : module.parameters().front().device();
    torch::NoGradGuard noGrad;
    ModuleFlopCount count;
    module.forwardObserved(torch::zeros({1, in.channels, in.height, in.width},
                                        torch::TensorOptions().device(device)),
                           [&](size_t layer, const torch::Tensor& result) {
                               const int64_t macs = layerMacs(module, layer, result);
                               count.macs += macs;
                               if (live[layer])
                                   count.liveMacs += macs;
                           });
    return count;
}

} // namespace archscape
