#include "ZeroCostProxies.h"

#include "NetworkModule.h"

#include <torch/torch.h>

#include <stdexcept>
#include <string>

namespace archscape {

namespace {

// The weight of a convolution or linear layer: the tensors the
// proxies sum over, as the reference does (biases and batch norms left out).
torch::Tensor weightOf(NetworkModuleImpl& module, size_t layer)
{
    const LayerOp op = module.network().layers[layer].op;
    if (op != LayerOp::Conv && op != LayerOp::Linear)
        return {};
    const std::shared_ptr<torch::nn::Module> part =
        module.named_children()[module.moduleName(layer)];
    return op == LayerOp::Conv ? part->as<torch::nn::Conv2d>()->weight
                               : part->as<torch::nn::Linear>()->weight;
}

Network withoutBatchNorm(Network net)
{
    for (Layer& l : net.layers)
        if (l.op == LayerOp::BatchNorm)
            l.op = LayerOp::Identity;
    return net;
}

torch::Device deviceOf(NetworkModuleImpl& module)
{
    const auto params = module.parameters();
    return params.empty() ? torch::Device(torch::kCPU) : params.front().device();
}

// The backward pass grad_norm and snip share: fresh gradients of the
// cross-entropy loss of one batch, in training mode (batch statistics).
void crossEntropyBackward(NetworkModuleImpl& module, const torch::Tensor& images,
                          const torch::Tensor& labels, const std::string& proxy)
{
    module.train();
    module.zero_grad();
    const torch::Tensor logits = module.forward(images);
    if (logits.dim() != 2)
        throw std::invalid_argument(
            proxy + " needs a network that outputs class scores (a head), not a feature map");
    const int64_t largest = labels.max().item<int64_t>();
    if (largest >= logits.size(1))
        throw std::invalid_argument(proxy + ": the network outputs " +
                                    std::to_string(logits.size(1)) +
                                    " class scores but the data has label " +
                                    std::to_string(largest));
    torch::nn::functional::cross_entropy(logits, labels).backward();
}

ZeroCostProxies::GradientScores scoresOfGradients(NetworkModuleImpl& module,
                                                  const torch::Tensor& images,
                                                  const torch::Tensor& labels,
                                                  const std::string& proxy)
{
    crossEntropyBackward(module, images, labels, proxy);
    ZeroCostProxies::GradientScores scores;
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < module.network().layers.size(); ++i) {
        const torch::Tensor w = weightOf(module, i);
        if (!w.defined() || !w.grad().defined())
            continue;
        scores.gradNorm += w.grad().norm().item<double>();
        scores.snip += (w.grad() * w).abs().sum().item<double>();
    }
    return scores;
}

} // namespace

double ZeroCostProxies::synflow(NetworkModuleImpl& module)
{
    const Network& net = module.network();
    const torch::Device device = deviceOf(module);
    NetworkModule linear(withoutBatchNorm(net), device);
    linear->to(torch::kDouble);
    linear->eval();
    {
        // Layer by layer: the batch-norm-free copy names its layers alike,
        // but a name is only unique within one module.
        torch::NoGradGuard noGrad;
        const auto from = module.named_children();
        const auto to = linear->named_children();
        for (size_t i = 0; i < net.layers.size(); ++i) {
            const std::string& name = module.moduleName(i);
            if (name.empty() || net.layers[i].op == LayerOp::BatchNorm)
                continue;
            const auto source = from[name]->named_parameters();
            auto target = to[linear->moduleName(i)]->named_parameters();
            for (const auto& item : source)
                target[item.key()].copy_(item.value().abs());
        }
    }
    const Shape in = net.inputShape();
    const torch::Tensor ones = torch::ones({1, in.channels, in.height, in.width},
                                           torch::TensorOptions(device).dtype(torch::kDouble));
    linear->forward(ones).sum().backward();
    double score = 0.0;
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < net.layers.size(); ++i) {
        const torch::Tensor w = weightOf(*linear, i);
        if (w.defined() && w.grad().defined())
            score += (w * w.grad()).abs().sum().item<double>();
    }
    return score;
}

double ZeroCostProxies::gradNorm(NetworkModuleImpl& module, const torch::Tensor& images,
                                 const torch::Tensor& labels)
{
    return scoresOfGradients(module, images, labels, "grad_norm").gradNorm;
}

double ZeroCostProxies::snip(NetworkModuleImpl& module, const torch::Tensor& images,
                             const torch::Tensor& labels)
{
    return scoresOfGradients(module, images, labels, "snip").snip;
}

ZeroCostProxies::GradientScores ZeroCostProxies::gradientScores(NetworkModuleImpl& module,
                                                                const torch::Tensor& images,
                                                                const torch::Tensor& labels)
{
    return scoresOfGradients(module, images, labels, "grad_norm and snip");
}

double ZeroCostProxies::jacobCov(NetworkModuleImpl& module, const torch::Tensor& images)
{
    module.train();
    module.zero_grad();
    const torch::Tensor x = images.detach().clone().requires_grad_(true);
    const torch::Tensor y = module.forward(x);
    y.backward(torch::ones_like(y));
    torch::NoGradGuard noGrad;
    const torch::Tensor jacobian =
        (x.grad().defined() ? x.grad() : torch::zeros_like(x)).reshape({x.size(0), -1});
    const torch::Tensor rows = jacobian.to(torch::kDouble).cpu();
    const torch::Tensor centred = rows - rows.mean(1, /*keepdim=*/true);
    const torch::Tensor norms = centred.norm(2, 1, /*keepdim=*/true);
    // Rows of zero variance: correlation 0 with everything, itself included.
    const torch::Tensor unit =
        torch::where(norms > 0, centred / norms.clamp_min(1e-300), torch::zeros_like(centred));
    const torch::Tensor correlation = unit.matmul(unit.t());
    const torch::Tensor eigenvalues = at::linalg_eigvalsh(correlation, "L").clamp_min(0.0);
    constexpr double k = 1e-5;
    const torch::Tensor shifted = eigenvalues + k;
    return -(shifted.log() + shifted.reciprocal()).sum().item<double>();
}

} // namespace archscape
