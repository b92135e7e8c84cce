#include "MixedOperation.h"

#include <torch/torch.h>

#include <stdexcept>

namespace archscape {

MixedOperationImpl::MixedOperationImpl(std::vector<MixedCandidate> candidates,
                                       torch::Device device)
    : candidates_(std::move(candidates)), modules_(candidates_.size())
{
    if (candidates_.empty())
        throw std::invalid_argument("a mixed operation needs at least one candidate");
    for (size_t k = 0; k < candidates_.size(); ++k)
        if (candidates_[k].kind == MixedCandidate::Kind::Layers)
            modules_[k] = register_module(candidates_[k].op,
                                          NetworkModule(candidates_[k].network, device));
}

torch::Tensor MixedOperationImpl::forwardOne(size_t k, const torch::Tensor& x)
{
    switch (candidates_.at(k).kind) {
    case MixedCandidate::Kind::Zero:
        return torch::zeros_like(x);
    case MixedCandidate::Kind::Identity:
        return x;
    case MixedCandidate::Kind::Layers:
        break;
    }
    return modules_[k]->forward(x);
}

torch::Tensor MixedOperationImpl::forward(const torch::Tensor& x, const torch::Tensor& weights)
{
    if (weights.dim() != 1 || weights.size(0) != static_cast<int64_t>(candidates_.size()))
        throw std::invalid_argument("a mixed operation of " + std::to_string(candidates_.size())
                                    + " candidates takes as many weights");
    // "none" contributes w·0: nothing to compute, though its weight still
    // takes its share of the softmax.
    torch::Tensor sum;
    for (size_t k = 0; k < candidates_.size(); ++k) {
        if (candidates_[k].kind == MixedCandidate::Kind::Zero)
            continue;
        torch::Tensor term = weights[static_cast<int64_t>(k)] * forwardOne(k, x);
        sum = sum.defined() ? sum + term : term;
    }
    return sum.defined() ? sum : x * weights.sum() * 0.0;
}

} // namespace archscape
