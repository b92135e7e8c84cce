#pragma once
// First-order DARTS: alternates an architecture step (Adam on the
// supernet's alphas, on a validation batch) and a weight step (SGD on its
// operation weights, on a training batch), each computing gradients only
// for its own parameters. Records each epoch's losses, accuracies and the
// softmax of every definition's alphas.

#include "DartsSettings.h"
#include "DartsSupernet.h"
#include "study/PhaseReporter.h"
#include "torch/TrainingData.h"

#include <ATen/core/Generator.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace archscape {

struct DartsEpoch
{
    int epoch = 0;            // 0: before the first step
    double trainLoss = 0.0;   // mean of the weight steps' losses
    double trainAcc = 0.0;    // percent, on the weight steps' batches
    double validLoss = 0.0;   // mean of the architecture steps' losses
    double validAcc = 0.0;    // percent, on the architecture steps' batches
    double seconds = 0.0;
    std::vector<torch::Tensor> alphaSoftmax; // per definition, edges × operations, CPU
};

class DartsSearch
{
public:
    // Throws std::invalid_argument for settings out of range or a device
    // this LibTorch or machine cannot use.
    DartsSearch(DartsSupernet supernet, DartsSettings settings);

    using EpochCallback = std::function<void(const DartsEpoch&)>;
    // The whole search: settings.searchEpochs epochs over the training
    // share, every weight step paired with an architecture step on the
    // next validation batch. The epoch-0 record holds the initial alphas.
    // `phases`, when given, hears of every step pair (phase kPhaseName) and
    // can stop the search between steps: run() then returns the epochs
    // finished so far and stopped() is true.
    std::vector<DartsEpoch> run(const TrainingData& data, const EpochCallback& onEpoch = {},
                                PhaseReporter* phases = nullptr);
    bool stopped() const { return stopped_; }

    static constexpr const char* kPhaseName = "searching with DARTS";

    // One step each, on a batch already on the supernet's device; they
    // return the batch's loss and number of correct predictions.
    std::pair<double, int64_t> architectureStep(const torch::Tensor& images,
                                                const torch::Tensor& labels);
    std::pair<double, int64_t> weightStep(const torch::Tensor& images, const torch::Tensor& labels);

    DartsSupernet& supernet() { return supernet_; }
    const c10::Device& device() const { return device_; }

private:
    // Steps per epoch over `trainImages` images.
    int64_t stepsPerEpoch(int64_t trainImages) const;
    // nullopt when `phases` stopped it.
    std::optional<DartsEpoch> runEpoch(int epoch, const TrainingData::OnDevice& tensors,
                                       const torch::Tensor& train, const torch::Tensor& valid,
                                       at::Generator& generator, PhaseReporter* phases);
    DartsEpoch snapshot(int epoch) const;
    void setWeightLr(int epoch);

    DartsSupernet supernet_;
    DartsSettings settings_;
    c10::Device device_;
    std::unique_ptr<torch::optim::SGD> weightOptimizer_;
    std::unique_ptr<torch::optim::Adam> archOptimizer_;
    bool stopped_ = false;
};

} // namespace archscape
