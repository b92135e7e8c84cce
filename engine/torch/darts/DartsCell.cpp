#include "DartsCell.h"

#include <torch/torch.h>

#include <stdexcept>

namespace archscape {

DartsCellImpl::DartsCellImpl(std::string definition, int nodes, std::vector<MixedOperation> edges)
    : definition_(std::move(definition)), nodes_(nodes), edges_(std::move(edges))
{
    for (int i = 1; i < nodes_; ++i)
        for (int j = 0; j < i; ++j)
            endpoints_.emplace_back(j, i);
    if (nodes_ < 2 || endpoints_.size() != edges_.size())
        throw std::invalid_argument("a DARTS cell of " + std::to_string(nodes_) + " nodes needs "
                                    + std::to_string(endpoints_.size()) + " edges, not "
                                    + std::to_string(edges_.size()));
    for (size_t e = 0; e < edges_.size(); ++e)
        register_module("edge_" + std::to_string(endpoints_[e].second) + "_"
                            + std::to_string(endpoints_[e].first),
                        edges_[e]);
}

torch::Tensor DartsCellImpl::forward(const torch::Tensor& x, const torch::Tensor& edgeWeights)
{
    std::vector<torch::Tensor> nodes{x};
    for (size_t e = 0; e < edges_.size(); ++e) {
        const auto [from, to] = endpoints_[e];
        torch::Tensor term = edges_[e]->forward(nodes[static_cast<size_t>(from)],
                                                edgeWeights[static_cast<int64_t>(e)]);
        if (nodes.size() == static_cast<size_t>(to))
            nodes.push_back(term);
        else
            nodes[static_cast<size_t>(to)] = nodes[static_cast<size_t>(to)] + term;
    }
    return nodes.back();
}

} // namespace archscape
