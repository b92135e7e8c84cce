#pragma once
// How the "darts" strategy searches: first-order DARTS (Liu et al. 2019)
// with the NAS-Bench-201 paper's hyper-parameters (weights: SGD, momentum
// 0.9, cosine learning rate 0.025 down to 0.001, weight decay 3e-4,
// gradient norm clipped at 5; architecture: Adam 3e-4, betas (0.5, 0.999),
// weight decay 1e-3), on a share of the image data set's training split,
// with its validation split for the architecture steps.

#include "search/Strategy.h"

#include <cstdint>
#include <string>

namespace archscape {

struct DartsSettings
{
    int searchEpochs = 10;
    double trainFraction = 1.0;      // of the training split, for the weight steps
    double validationFraction = 0.1; // of the training set, held out for the architecture steps
    int64_t batchSize = 64;
    int cellsPerStage = 5;           // NAS-Bench-201 has 5; fewer: a cheaper search
    double weightLr = 0.025;
    double weightLrMin = 0.001;
    double momentum = 0.9;
    double weightDecay = 3e-4;
    double gradientClip = 5.0;
    double archLr = 3e-4;
    double archBeta1 = 0.5;
    double archBeta2 = 0.999;
    double archWeightDecay = 1e-3;
    std::string data;                // an IDX image data set folder
    std::string device = "cpu";
    uint64_t seed = 0;
    int threads = 0;                 // LibTorch CPU threads; 0: every core

    // Options: search_epochs, train_fraction, validation_fraction,
    // batch_size, cells, threads (numbers) and search_data (a folder; by
    // default the run's data when that is a folder). The keys
    // train_fraction, validation_fraction, batch_size and threads are the
    // train evaluator's too. Throws std::invalid_argument naming a bad value.
    static DartsSettings fromStrategySettings(const StrategySettings& settings);

    // Throws std::invalid_argument naming the first value out of range.
    void validate() const;
    // The settings as a JSON object, stored with the search's record.
    std::string toJson() const;
};

} // namespace archscape
