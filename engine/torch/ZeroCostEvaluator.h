#pragma once
// The "zc" evaluator: scores each architecture without training, from one
// mini-batch of an IDX data set (--data), with the zero-cost proxies
// synflow, grad_norm, jacob_cov and snip, and counts its params and flops
// (from the built graph). When the study's objectives or constraints name
// latency_ms it also measures the network's latency on the run's device
// (LatencyMeter: median of 30 runs after 5 warm-up runs, batch 1).

#include "eval/Evaluator.h"
#include "space/ArchitectureCodec.h"
#include "study/RunSettings.h"

#include <c10/core/Device.h>
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <mutex>

namespace archscape {

struct ZeroCostBatch
{
    torch::Tensor images; // N×C×H×W, float, on the evaluation device
    torch::Tensor labels; // N, int64
};

class ZeroCostEvaluator : public Evaluator
{
public:
    static constexpr int64_t kBatchSize = 64; // the reference's default

    // `seed` picks the mini-batch (elsewhere) and, with each architecture's
    // hash, the initial weights: the scores do not depend on the order or
    // the worker that evaluates an architecture.
    ZeroCostEvaluator(const ArchitectureCodec& codec, ZeroCostBatch batch, c10::Device device,
                      uint64_t seed, bool measureLatency);

    std::string name() const override { return "zc"; }
    EvaluationOutcome evaluate(const Architecture& arch) override;

    // kBatchSize training images of the IDX data set in `folder`, drawn
    // under `seed`. Throws std::runtime_error for data that cannot be read.
    static ZeroCostBatch loadBatch(const std::string& folder, uint64_t seed, c10::Device device);

private:
    std::map<std::string, double> score(const Architecture& arch);

    const ArchitectureCodec& codec_;
    ZeroCostBatch batch_;
    c10::Device device_;
    uint64_t seed_;
    bool measureLatency_;
};

// Adds "zc" to the EvaluatorRegistry; call once at start-up.
void registerZeroCostEvaluator();

} // namespace archscape
