#pragma once
// Scores an architecture with the weights it inherits from a trained
// single-path supernet, without training it: its batch norms' statistics
// are recalibrated on a few training batches (reset, then a cumulative
// average over the batches, forward in training mode without gradients, as
// SPOS does: the supernet's statistics mix every path), then its accuracy
// is measured on the validation split and the test set. The recalibration
// batches are the same for every architecture (drawn under the seed), so
// scores are deterministic and comparable. Thread-safe: each evaluation
// recalibrates batch norms of its own.

#include "SinglePathSupernet.h"
#include "torch/TrainingData.h"
#include "torch/TrainingSettings.h"

#include <cstdint>
#include <memory>

namespace archscape {

class Trainer;

struct InheritedScoring
{
    int recalibrationBatches = 10; // 0: keep the supernet's statistics
    int64_t validationImages = 0;  // of the validation split, from its start; 0: all
    int64_t testImages = 0;        // of the test set, from its start; 0: all
};

struct InheritedScore
{
    double validAcc = 0.0; // percent; 0 without a validation split
    double testAcc = 0.0;  // percent
    double seconds = 0.0;  // recalibration and both accuracies
};

class InheritedWeightsScorer
{
public:
    // `training` gives the device, batch size, training share and seed.
    // Throws std::invalid_argument for settings out of range.
    InheritedWeightsScorer(SinglePathSupernet supernet, std::shared_ptr<const TrainingData> data,
                           const TrainingSettings& training, InheritedScoring scoring);
    ~InheritedWeightsScorer();

    InheritedScore score(const Architecture& arch);

    // Resets the running statistics of `path`'s batch norms and estimates
    // them again over the recalibration batches.
    void recalibrate(NetworkModule& path) const;

    const InheritedScoring& scoring() const { return scoring_; }

private:
    SinglePathSupernet supernet_;
    std::shared_ptr<const TrainingData> data_;
    InheritedScoring scoring_;
    std::unique_ptr<Trainer> trainer_; // measures accuracy
    int64_t batchSize_;
    torch::Tensor recalibrationIndices_; // on the device
    torch::Tensor validationIndices_;    // on the device
};

} // namespace archscape
