#include "InheritedWeightsScorer.h"

#include "torch/Trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <stdexcept>

namespace archscape {

InheritedWeightsScorer::InheritedWeightsScorer(SinglePathSupernet supernet,
                                               std::shared_ptr<const TrainingData> data,
                                               const TrainingSettings& training,
                                               InheritedScoring scoring)
    : supernet_(std::move(supernet)), data_(std::move(data)), scoring_(scoring),
      trainer_(std::make_unique<Trainer>(training)), batchSize_(training.batchSize)
{
    if (scoring_.recalibrationBatches < 0 || scoring_.validationImages < 0
        || scoring_.testImages < 0)
        throw std::invalid_argument("the supernet's scoring options bn_batches, valid_images and "
                                    "test_images must not be negative");
    const c10::Device device = supernet_->device();
    const torch::Tensor train = data_->trainIndices(training.trainFraction);
    at::Generator generator = at::detail::createCPUGenerator(training.seed + 1);
    const int64_t wanted = std::min(train.numel(), scoring_.recalibrationBatches * batchSize_);
    recalibrationIndices_ =
        train.index_select(0, torch::randperm(train.numel(), generator).slice(0, 0, wanted))
            .to(device);
    const torch::Tensor& validation = data_->validationIndices();
    const int64_t validationCount = scoring_.validationImages > 0
        ? std::min(validation.numel(), scoring_.validationImages)
        : validation.numel();
    validationIndices_ = validation.slice(0, 0, validationCount).to(device);
}

InheritedWeightsScorer::~InheritedWeightsScorer() = default;

void InheritedWeightsScorer::recalibrate(NetworkModule& path) const
{
    std::vector<torch::nn::BatchNorm2dImpl*> norms;
    for (const auto& m : path->modules(/*include_self=*/false))
        if (auto* norm = m->as<torch::nn::BatchNorm2d>()) {
            norm->reset_running_stats();
            norm->options.momentum({}); // none: a cumulative average over the batches
            norms.push_back(norm);
        }
    if (norms.empty() || recalibrationIndices_.numel() == 0)
        return;
    const TrainingData::OnDevice& tensors = data_->on(supernet_->device());
    torch::NoGradGuard noGrad;
    path->train();
    const int64_t n = recalibrationIndices_.numel();
    // A last batch of one image would break batch norm's statistics.
    for (int64_t begin = 0; n - begin >= 2; begin += batchSize_) {
        const torch::Tensor idx =
            recalibrationIndices_.slice(0, begin, std::min(n, begin + batchSize_));
        path->forward(tensors.trainImages.index_select(0, idx));
    }
    for (auto* norm : norms)
        norm->options.momentum(0.1);
}

InheritedScore InheritedWeightsScorer::score(const Architecture& arch)
{
    const auto started = std::chrono::steady_clock::now();
    NetworkModule path = supernet_->evaluationPath(arch);
    if (scoring_.recalibrationBatches > 0)
        recalibrate(path);
    const TrainingData::OnDevice& tensors = data_->on(supernet_->device());
    InheritedScore score;
    if (validationIndices_.numel() > 0)
        score.validAcc =
            trainer_->accuracy(path, tensors.trainImages, tensors.trainLabels, validationIndices_);
    const int64_t testCount = scoring_.testImages > 0
        ? std::min(tensors.testImages.size(0), scoring_.testImages)
        : tensors.testImages.size(0);
    score.testAcc = trainer_->accuracy(path, tensors.testImages.slice(0, 0, testCount),
                                       tensors.testLabels.slice(0, 0, testCount), torch::Tensor());
    score.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return score;
}

} // namespace archscape
