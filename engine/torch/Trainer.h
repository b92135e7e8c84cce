#pragma once
// Trains a NetworkModule on a TrainingData set with TrainingSettings: SGD
// with momentum or AdamW, a per-step cosine schedule, label smoothing and
// weight decay, bfloat16 autocast on CUDA (full float32 on the CPU). Each
// epoch reshuffles the training indices from the seed and cuts batches
// straight out of the in-memory tensors. A non-finite or exploding loss,
// non-finite weights, running out of memory or any LibTorch error ends
// training with the reason in the result; nothing is thrown. Every random
// draw comes from generators seeded by the settings, so training on the
// CPU is deterministic and independent of other threads.

#include "NetworkModule.h"
#include "TrainingData.h"
#include "TrainingSettings.h"

#include <c10/core/Device.h>
#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace torch::optim {
class Optimizer;
} // namespace torch::optim

namespace archscape {

struct EpochResult
{
    int epoch = 0;                  // from 1
    double trainLoss = 0.0;         // mean over the epoch's batches, by image
    std::optional<double> validAcc; // percent; none without a validation split
    double seconds = 0.0;           // training pass and validation
};

struct TrainingResult
{
    bool finished = false; // false: `failure` says why
    std::string failure;
    std::vector<EpochResult> epochs; // those completed
    std::optional<double> validAcc;  // percent, after the last epoch
    std::optional<double> testAcc;   // percent, on the whole test part
    double trainTimeS = 0.0;         // sum of the epochs' seconds
    int64_t imagesTrained = 0;
};

class Trainer
{
public:
    // Throws std::invalid_argument for invalid settings or a device this
    // LibTorch or machine cannot use.
    explicit Trainer(TrainingSettings settings);

    const TrainingSettings& settings() const { return settings_; }
    const c10::Device& device() const { return device_; }

    // Moves `module` to the settings' device and trains it from its current
    // weights; afterwards it is in evaluation mode.
    TrainingResult train(NetworkModule& module, const TrainingData& data) const;

    // LibTorch's default initialisation (uniform in ±1/sqrt(fan-in) for
    // convolutions and linear layers, batch norm reset), drawn from a
    // generator of its own: the same seed gives the same weights whatever
    // other threads draw meanwhile.
    static void initialise(NetworkModule& module, uint64_t seed);
    // The same for any module and its submodules (a supernet's layer).
    static void initialise(torch::nn::Module& module, uint64_t seed);

    // Mean cross-entropy of `logits` (N×C) against `labels` (N), with the
    // target spread as (1 - labelSmoothing) on the label plus
    // labelSmoothing / C on every class.
    static torch::Tensor loss(const torch::Tensor& logits, const torch::Tensor& labels,
                              double labelSmoothing);

    // The settings' optimizer (SGD with momentum or AdamW) over `parameters`;
    // also used by trainers of other modules (the single-path supernet).
    static std::unique_ptr<torch::optim::Optimizer>
    makeOptimizer(const std::vector<torch::Tensor>& parameters, const TrainingSettings& settings);
    // The learning rate of step `step` of `totalSteps`: the settings' rate,
    // decayed along a cosine to 0 when the schedule is on.
    static double learningRate(const TrainingSettings& settings, int64_t step, int64_t totalSteps);

    // Percent of images whose largest logit is their label, in evaluation
    // mode (the module is left in training mode); `indices` undefined:
    // every image. The tensors are on the trainer's device.
    double accuracy(NetworkModule& module, const torch::Tensor& images,
                    const torch::Tensor& labels, const torch::Tensor& indices) const;

private:
    void run(NetworkModule& module, const TrainingData& data, TrainingResult& result) const;
    std::string checkShapes(NetworkModule& module, const TrainingData& data) const;
    bool autocast() const;

    TrainingSettings settings_;
    c10::Device device_;
};

} // namespace archscape
