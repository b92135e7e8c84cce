#pragma once
// Zero-cost proxies: scores of an untrained network, computed from one
// mini-batch in a forward and a backward pass, that rank architectures
// roughly as training would. Definitions follow the reference code of
// Abdelfattah et al., "Zero-Cost Proxies for Lightweight NAS" (ICLR 2021,
// github.com/SamsungLabs/zero-cost-nas, formerly mohsaied/zero-cost-nas).
// Each score is a pure function of the module's weights and the batch:
// seed LibTorch before building the module and the scores repeat.

#include <torch/types.h>

namespace archscape {

struct NetworkModuleImpl;

class ZeroCostProxies
{
public:
    // SynFlow (Tanaka et al., 2020): the network without its batch norms
    // (as the reference computes it: bn=False), every parameter replaced by
    // its absolute value, in double precision so that the product of many
    // layers does not overflow; one all-ones 1×C×H×W input; the sum of
    // |θ ⊙ ∂R/∂θ| over convolution and linear weights, R the sum of the
    // outputs. Dropout is off. `module` itself is left unchanged.
    static double synflow(NetworkModuleImpl& module);

    // The sum over convolution and linear weights of the L2 norm of the
    // gradient of the cross-entropy loss of `images` (N×C×H×W) against
    // `labels` (N, int64). The module must output class scores (N×K, with
    // K above every label), else std::invalid_argument. Runs in training
    // mode (batch statistics), as the reference does; moves the batch
    // norms' running statistics and leaves gradients behind.
    static double gradNorm(NetworkModuleImpl& module, const torch::Tensor& images,
                           const torch::Tensor& labels);

    // SNIP (Lee et al., "SNIP: Single-shot Network Pruning based on
    // Connection Sensitivity", ICLR 2019): the sum over convolution and
    // linear weights of |∂L/∂w ⊙ w|, L the cross-entropy loss of `images`
    // against `labels`. The reference multiplies each weight by a mask of
    // ones and sums |∂L/∂mask|, which is the same number. Same
    // requirements, training mode and side effects as gradNorm().
    static double snip(NetworkModuleImpl& module, const torch::Tensor& images,
                       const torch::Tensor& labels);

    // Both from one forward and backward pass: what gradNorm() and snip()
    // return, at the cost of one of them.
    struct GradientScores
    {
        double gradNorm = 0.0;
        double snip = 0.0;
    };
    static GradientScores gradientScores(NetworkModuleImpl& module, const torch::Tensor& images,
                                         const torch::Tensor& labels);

    // The jacobian-covariance score of Mellor et al. ("Neural Architecture
    // Search without Training", first version, 2020), as the zero-cost
    // reference computes it: J, the gradient of the summed outputs with
    // respect to each input image (one row per image); C, the correlation
    // matrix of J's rows; λ, C's eigenvalues; score = -Σ (log(λ + k) +
    // 1/(λ + k)) with k = 1e-5. Higher is better. An image whose gradient
    // is constant (an output that ignores the input) correlates with
    // nothing and adds an eigenvalue 0: the worst score, not a NaN.
    // Training mode, like gradNorm().
    static double jacobCov(NetworkModuleImpl& module, const torch::Tensor& images);
};

} // namespace archscape
