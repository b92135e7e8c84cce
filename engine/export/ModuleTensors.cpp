#include "ModuleTensors.h"

#include <torch/nn/modules/batchnorm.h>

#include <stdexcept>

namespace archscape {

namespace {

std::vector<float> floatsOf(const torch::Tensor& t)
{
    const torch::Tensor cpu = t.detach().to(torch::kCPU, torch::kFloat).contiguous();
    const float* data = cpu.data_ptr<float>();
    return std::vector<float>(data, data + cpu.numel());
}

} // namespace

std::vector<LayerTensors> moduleTensors(NetworkModule& module)
{
    const Network& net = module->network();
    std::vector<LayerTensors> tensors(net.layers.size());
    const auto parameters = module->named_parameters();
    const auto buffers = module->named_buffers();
    const auto children = module->named_children();
    auto lookup = [](const auto& dict, const std::string& key) -> std::vector<float> {
        const auto* found = dict.find(key);
        return found ? floatsOf(*found) : std::vector<float>{};
    };
    for (size_t i = 0; i < net.layers.size(); ++i) {
        const std::string& name = module->moduleName(i);
        if (name.empty())
            continue;
        LayerTensors& t = tensors[i];
        t.weight = lookup(parameters, name + ".weight");
        t.bias = lookup(parameters, name + ".bias");
        if (net.layers[i].op == LayerOp::BatchNorm) {
            t.runningMean = lookup(buffers, name + ".running_mean");
            t.runningVar = lookup(buffers, name + ".running_var");
            const auto* child = children.find(name);
            if (!child)
                throw std::logic_error("the module has no batch norm named " + name);
            t.epsilon = (*child)->as<torch::nn::BatchNorm2dImpl>()->options.eps();
        }
    }
    return tensors;
}

} // namespace archscape
