#pragma once
// Trains a single-path supernet: one path per step, drawn by a
// SupernetPathSampler (uniform or fair), with the Trainer's optimizer,
// learning-rate schedule and loss (TrainingSettings: SGD with momentum and
// a per-step cosine by default) on a TrainingData set, on the CPU or CUDA.
// Only the sampled path's weights move at a step: the other candidates get
// no gradient, so neither momentum nor weight decay touches them. A
// non-finite loss or a LibTorch error ends training with the reason in the
// result; nothing is thrown.

#include "SinglePathSupernet.h"
#include "SupernetPathSampler.h"
#include "study/PhaseReporter.h"
#include "torch/TrainingData.h"
#include "torch/TrainingSettings.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace archscape {

struct SupernetTrainingResult
{
    bool finished = false; // false: `failure` says why, or it was stopped
    bool stopped = false;  // a stop request ended it between two steps
    std::string failure;
    std::vector<double> epochLoss; // mean training loss of each completed epoch, by image
    int64_t steps = 0;
    double seconds = 0.0;
    size_t candidates = 0; // candidate layers the supernet holds afterwards
};

class SupernetTrainer
{
public:
    // Throws std::invalid_argument for invalid settings or an unusable device.
    SupernetTrainer(TrainingSettings settings, SupernetPathSampler::Mode sampling);

    const TrainingSettings& settings() const { return settings_; }
    SupernetPathSampler::Mode sampling() const { return sampling_; }

    // Trains for settings().epochs over the trainFraction share of the
    // training split, from the supernet's current weights; the supernet
    // must be on the settings' device. `afterEpoch`, when given, sees each
    // finished epoch's number and mean loss. `phases`, when given, hears of
    // every step (phase kPhaseName) and can stop training between steps.
    SupernetTrainingResult
    train(SinglePathSupernet& supernet, const TrainingData& data,
          const std::function<void(int epoch, double loss)>& afterEpoch = {},
          PhaseReporter* phases = nullptr) const;

    static constexpr const char* kPhaseName = "training the supernet";

private:
    void run(SinglePathSupernet& supernet, const TrainingData& data,
             const std::function<void(int, double)>& afterEpoch, PhaseReporter* phases,
             SupernetTrainingResult& result) const;

    TrainingSettings settings_;
    SupernetPathSampler::Mode sampling_;
};

} // namespace archscape
