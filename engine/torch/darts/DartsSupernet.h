#pragma once
// The DARTS supernet of a cell space (NAS-Bench-201's, say): the space's
// fixed blocks (stem, reduction blocks, head) as resolved for the data's
// image shape, and every cell edge a MixedOperation over all the cell's
// operations. Cells built from one definition share its architecture
// weights alpha (edges × operations); their operation weights are their
// own. Both are built from the space's own resolved networks, cut up with
// networkSlice, so every layer is the one NetworkModule builds for a
// single architecture.

#include "DartsCell.h"
#include "space/Architecture.h"
#include "space/ArchitectureCodec.h"
#include "space/CellDefinition.h"
#include "space/SearchSpace.h"
#include "torch/NetworkModule.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <string>
#include <vector>

namespace archscape {

struct DartsSupernetImpl : torch::nn::Module
{
    // `input`: the images' channels, height and width, which replace the
    // space's input block. `cellsPerStage` > 0 keeps only that many cells
    // of each run of consecutive cells (a cheaper search); 0 keeps all.
    // Throws std::invalid_argument for a space without cells, one whose
    // blocks do not follow one another in a chain, or a bad input shape;
    // SpaceError when the space does not resolve for that shape.
    DartsSupernetImpl(const SearchSpace& space, const Shape& input, int cellsPerStage,
                      torch::Device device = torch::kCPU);

    // Logits for a batch of images (N×C×H×W).
    torch::Tensor forward(const torch::Tensor& images);

    // The operation weights (what the weight step trains) and the
    // architecture weights (what the architecture step trains), apart.
    std::vector<torch::Tensor> weights() const;
    std::vector<torch::Tensor> alphas() const;

    // The cell definitions searched, in the order of alphas().
    const std::vector<CellDefinition>& definitions() const { return definitions_; }
    // softmax(alpha) of definition k, edges × operations, on the CPU.
    torch::Tensor alphaSoftmax(size_t k) const;

    // Per edge the operation of largest alpha; with allowNone false, the
    // largest but "none". The result is an assignment of `codec`'s
    // decisions (a space with the same cells), not canonicalised.
    Architecture derive(const ArchitectureCodec& codec, bool allowNone) const;

    int cellCount() const;
    int64_t weightCount() const;
    Shape inputShape() const { return input_; }

private:
    struct Component
    {
        NetworkModule fixed{nullptr}; // stem, reduction block or head
        DartsCell cell{nullptr};
        size_t definition = 0; // of a cell
    };

    Shape input_;
    std::vector<CellDefinition> definitions_;
    std::vector<torch::Tensor> alphas_;
    std::vector<Component> components_;
};

TORCH_MODULE(DartsSupernet);

} // namespace archscape
