#pragma once
// One edge of a DARTS cell: every candidate operation at once, mixed as
// sum_k w_k · op_k(x) with w the softmax of the edge's architecture
// weights (DARTS, Liu et al. 2019). Candidates with parameters are
// NetworkModules of the operation's layers, as the space resolves them;
// "none" adds nothing and skip_connect adds x itself.

#include "space/Network.h"
#include "torch/NetworkModule.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <memory>
#include <string>
#include <vector>

namespace archscape {

struct MixedCandidate
{
    enum class Kind { Zero, Identity, Layers };

    std::string op; // the cell operation's name, e.g. "nor_conv_3x3"
    Kind kind = Kind::Layers;
    Network network; // Layers only: input → the operation's layers → output
};

struct MixedOperationImpl : torch::nn::Module
{
    MixedOperationImpl(std::vector<MixedCandidate> candidates, torch::Device device);

    // `weights`: one per candidate (a row of the softmax), on x's device.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& weights);
    // Candidate k alone, as the derived cell would run it.
    torch::Tensor forwardOne(size_t k, const torch::Tensor& x);

    size_t size() const { return candidates_.size(); }
    const MixedCandidate& candidate(size_t k) const { return candidates_.at(k); }

private:
    std::vector<MixedCandidate> candidates_;
    std::vector<std::shared_ptr<NetworkModuleImpl>> modules_; // null but for Layers
};

TORCH_MODULE(MixedOperation);

} // namespace archscape
