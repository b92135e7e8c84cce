#pragma once
// A single-path one-shot supernet (SPOS, Guo et al., ECCV 2020): one set of
// weights per candidate operation per choice position, shared by every
// architecture of the space that uses it. path() builds an architecture's
// network from those shared layers, so one forward runs one path. A layer's
// weights are keyed by its place (block and label), its configuration
// (kind, channels, kernel, stride, groups) and the configuration of the
// primitive block it is part of (an MBConv layer of a repeat, one
// alternative of a choice, one cell edge): the same block with the same
// configuration is the same tensors in every architecture, and another
// option of it (another kernel, expansion or width) has its own. Layers are
// made on first use, each initialised from the seed and its key, so the
// supernet does not depend on the order in which paths are drawn.

#include "space/ArchitectureCodec.h"
#include "torch/NetworkModule.h"

#include <c10/core/Device.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace archscape {

class SinglePathSupernetImpl : public torch::nn::Module
{
public:
    SinglePathSupernetImpl(const ArchitectureCodec& codec, c10::Device device, uint64_t seed);

    // The architecture's network over the shared layers (made when missing;
    // their parameters are appended to `madeParameters` when given).
    // Training it trains the supernet. Thread-safe.
    NetworkModule path(const Architecture& arch,
                       std::vector<torch::Tensor>* madeParameters = nullptr);
    // The same network for scoring with inherited weights: shared
    // convolutions and linear layers, but batch norms of its own (copies of
    // the supernet's), so that recalibrating their statistics leaves the
    // supernet and other evaluations untouched.
    NetworkModule evaluationPath(const Architecture& arch);

    // What identifies the weights of each layer of `net` (empty for layers
    // without parameters): block, place in the block and configuration.
    static std::vector<std::string> layerKeys(const Network& net);
    // The name layerKey's module is registered under.
    static std::string moduleNameFor(const std::string& key);

    const ArchitectureCodec& codec() const { return codec_; }
    const c10::Device& device() const { return device_; }
    // Candidate layers made so far.
    size_t candidateCount() const;
    // The first architecture that used each candidate layer, oldest first:
    // building them again makes every layer the supernet holds.
    std::vector<std::string> coveringEncodings() const;

    // Weights and batch-norm statistics of every candidate, with the
    // covering encodings, as bytes; load() makes the candidates and fills
    // them. load() throws std::runtime_error for bytes that are not a
    // supernet of this space.
    std::string save();
    void load(const std::string& bytes);

private:
    // Under mutex_.
    std::shared_ptr<torch::nn::Module> layerFor(const Layer& layer, const std::string& key,
                                               const std::string& encoding,
                                               std::vector<torch::Tensor>* madeParameters);

    const ArchitectureCodec& codec_;
    c10::Device device_;
    uint64_t seed_;
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<torch::nn::Module>> candidates_; // by key
    std::vector<std::string> covering_;
};

TORCH_MODULE(SinglePathSupernet);

} // namespace archscape
