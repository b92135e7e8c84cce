#pragma once
// One cell of a DARTS supernet: nodes 0..N-1, node 0 the cell's input,
// node i the sum of mixed operations on every edge j→i, node N-1 the
// output (NAS-Bench-201's cell; CellDefinition's edge order). Every cell
// instance has weights of its own; the architecture weights belong to the
// cell definition and come in with each forward call.

#include "MixedOperation.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <string>
#include <utility>
#include <vector>

namespace archscape {

struct DartsCellImpl : torch::nn::Module
{
    // `edges`: one mixed operation per edge, in CellDefinition::edges()
    // order for a cell of `nodes` nodes.
    DartsCellImpl(std::string definition, int nodes, std::vector<MixedOperation> edges);

    // `edgeWeights`: edges × candidates, each row a softmax.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& edgeWeights);

    const std::string& definition() const { return definition_; }
    MixedOperation& edge(size_t e) { return edges_.at(e); }
    size_t edgeCount() const { return edges_.size(); }

private:
    std::string definition_;
    int nodes_ = 0;
    std::vector<std::pair<int, int>> endpoints_; // (from, to) per edge
    std::vector<MixedOperation> edges_;
};

TORCH_MODULE(DartsCell);

} // namespace archscape
