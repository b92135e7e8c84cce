#pragma once
// An IDX data set made ready for training: the training and test parts in
// memory as whole tensors, the training part split into training and
// validation indices, and the training indices in a fixed shuffled order
// so that a short-budget proxy trains every architecture on the same
// subset. Loaded once per search and shared read-only by every worker;
// copies on a GPU are made once, on first use.

#include "torch/IdxDataset.h"

#include <c10/core/Device.h>
#include <torch/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace archscape {

class TrainingData
{
public:
    // The tensors of one device: images N×C×H×W float, labels int64.
    struct OnDevice
    {
        torch::Tensor trainImages;
        torch::Tensor trainLabels;
        torch::Tensor testImages;
        torch::Tensor testLabels;
    };

    // Reads `folder` (see IdxDataset::load) and splits its training part:
    // round(validationFraction × N) images held out for validation, chosen
    // by `splitSeed`. Throws std::runtime_error naming a missing or
    // malformed file, std::invalid_argument for a bad fraction.
    static std::shared_ptr<const TrainingData> load(const std::string& folder,
                                                     double validationFraction,
                                                     uint64_t splitSeed);

    const std::string& folder() const { return folder_; }
    int64_t classCount() const { return classes_; }
    // Channels, height and width of one image.
    int64_t channels() const { return train_.images().size(1); }
    int64_t height() const { return train_.images().size(2); }
    int64_t width() const { return train_.images().size(3); }

    // Indices into the training part, on the CPU: the first
    // max(1, round(fraction × size)) of the training split in the fixed
    // shuffled order, for 0 < fraction <= 1.
    torch::Tensor trainIndices(double fraction) const;
    const torch::Tensor& validationIndices() const { return validation_; }

    // Thread-safe; the CPU tensors are the loaded ones, not copies.
    const OnDevice& on(const c10::Device& device) const;

private:
    TrainingData(std::string folder, IdxDataset train, IdxDataset test, double validationFraction,
                 uint64_t splitSeed);

    std::string folder_;
    IdxDataset train_;
    IdxDataset test_;
    int64_t classes_ = 0;
    torch::Tensor shuffledTrain_; // int64, the training split in a seeded order
    torch::Tensor validation_;    // int64, ascending
    mutable std::mutex copiesMutex_;
    mutable std::map<std::string, std::unique_ptr<OnDevice>> copies_;
};

} // namespace archscape
