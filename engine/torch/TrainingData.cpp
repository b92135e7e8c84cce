#include "TrainingData.h"

#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

namespace archscape {

std::shared_ptr<const TrainingData> TrainingData::load(const std::string& folder,
                                                       double validationFraction,
                                                       uint64_t splitSeed)
{
    IdxDataset train = IdxDataset::load(folder, IdxDataset::Part::Train);
    IdxDataset test = IdxDataset::load(folder, IdxDataset::Part::Test);
    if (train.images().sizes().slice(1) != test.images().sizes().slice(1))
        throw std::runtime_error("IdxDataset: " + folder
                                 + ": the training and test images differ in size");
    return std::shared_ptr<const TrainingData>(
        new TrainingData(folder, std::move(train), std::move(test), validationFraction, splitSeed));
}

TrainingData::TrainingData(std::string folder, IdxDataset train, IdxDataset test,
                           double validationFraction, uint64_t splitSeed)
    : folder_(std::move(folder)), train_(std::move(train)), test_(std::move(test))
{
    const IdxDataset::IndexSplit split = train_.split(validationFraction, splitSeed);
    if (split.train.numel() < 2)
        throw std::invalid_argument("the validation fraction leaves fewer than 2 training images");
    validation_ = split.validation;
    auto generator = at::detail::createCPUGenerator(splitSeed);
    shuffledTrain_ = split.train.index_select(0, torch::randperm(split.train.numel(), generator));
    classes_ = std::max(train_.labels().max().item<int64_t>(), test_.labels().max().item<int64_t>())
        + 1;
}

torch::Tensor TrainingData::trainIndices(double fraction) const
{
    if (!(fraction > 0.0 && fraction <= 1.0))
        throw std::invalid_argument("the training fraction must be in (0, 1]");
    const int64_t n = shuffledTrain_.numel();
    const int64_t count = std::clamp<int64_t>(std::llround(fraction * double(n)), 1, n);
    return shuffledTrain_.slice(0, 0, count);
}

const TrainingData::OnDevice& TrainingData::on(const c10::Device& device) const
{
    std::lock_guard<std::mutex> lock(copiesMutex_);
    auto& copy = copies_[device.str()];
    if (!copy) {
        copy = std::make_unique<OnDevice>();
        copy->trainImages = train_.images().to(device);
        copy->trainLabels = train_.labels().to(device);
        copy->testImages = test_.images().to(device);
        copy->testLabels = test_.labels().to(device);
    }
    return *copy;
}

} // namespace archscape
