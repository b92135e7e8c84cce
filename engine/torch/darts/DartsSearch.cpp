#include "DartsSearch.h"

#include "torch/DeviceSelection.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <stdexcept>

namespace archscape {

namespace {

// Gradients of `loss` for `own` only, every other parameter of the
// supernet left without one: the two steps never train each other's part.
void backwardInto(const torch::Tensor& loss, DartsSupernetImpl& supernet,
                  const std::vector<torch::Tensor>& own)
{
    for (const torch::Tensor& p : supernet.parameters())
        if (p.grad().defined())
            p.mutable_grad().reset();
    loss.backward({}, c10::nullopt, false, torch::TensorList(own));
}

int64_t correct(const torch::Tensor& logits, const torch::Tensor& labels)
{
    return logits.argmax(1).eq(labels).sum().item<int64_t>();
}

// Loss and accuracy over an epoch's steps, weighted by batch size.
struct StepTotals
{
    double lossSum = 0.0;
    int64_t right = 0;
    int64_t seen = 0;

    void add(std::pair<double, int64_t> step, int64_t images)
    {
        lossSum += step.first * double(images);
        right += step.second;
        seen += images;
    }
    double meanLoss() const { return lossSum / double(seen); }
    double accuracy() const { return 100.0 * double(right) / double(seen); }
};

} // namespace

DartsSearch::DartsSearch(DartsSupernet supernet, DartsSettings settings)
    : supernet_(std::move(supernet)), settings_(std::move(settings)),
      device_(DeviceSelection::parse(settings_.device))
{
    settings_.validate();
    supernet_->to(device_);
    weightOptimizer_ = std::make_unique<torch::optim::SGD>(
        supernet_->weights(), torch::optim::SGDOptions(settings_.weightLr)
                                  .momentum(settings_.momentum)
                                  .weight_decay(settings_.weightDecay));
    archOptimizer_ = std::make_unique<torch::optim::Adam>(
        supernet_->alphas(), torch::optim::AdamOptions(settings_.archLr)
                                 .betas({settings_.archBeta1, settings_.archBeta2})
                                 .weight_decay(settings_.archWeightDecay));
}

std::pair<double, int64_t> DartsSearch::architectureStep(const torch::Tensor& images,
                                                         const torch::Tensor& labels)
{
    supernet_->train();
    const torch::Tensor logits = supernet_->forward(images);
    const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, labels);
    backwardInto(loss, *supernet_, supernet_->alphas());
    archOptimizer_->step();
    return {loss.item<double>(), correct(logits, labels)};
}

std::pair<double, int64_t> DartsSearch::weightStep(const torch::Tensor& images,
                                                   const torch::Tensor& labels)
{
    supernet_->train();
    const std::vector<torch::Tensor> weights = supernet_->weights();
    const torch::Tensor logits = supernet_->forward(images);
    const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, labels);
    backwardInto(loss, *supernet_, weights);
    torch::nn::utils::clip_grad_norm_(weights, settings_.gradientClip);
    weightOptimizer_->step();
    return {loss.item<double>(), correct(logits, labels)};
}

// Cosine from weightLr down to weightLrMin over the epochs, per epoch, as
// DARTS and NAS-Bench-201 schedule it.
void DartsSearch::setWeightLr(int epoch)
{
    const double progress = double(epoch - 1) / double(settings_.searchEpochs);
    const double lr = settings_.weightLrMin
                      + 0.5 * (settings_.weightLr - settings_.weightLrMin)
                            * (1.0 + std::cos(M_PI * progress));
    for (auto& group : weightOptimizer_->param_groups())
        static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);
}

DartsEpoch DartsSearch::snapshot(int epoch) const
{
    DartsEpoch e;
    e.epoch = epoch;
    for (size_t d = 0; d < supernet_->definitions().size(); ++d)
        e.alphaSoftmax.push_back(supernet_->alphaSoftmax(d));
    return e;
}

int64_t DartsSearch::stepsPerEpoch(int64_t trainImages) const
{
    return std::max<int64_t>(1, trainImages / settings_.batchSize);
}

std::vector<DartsEpoch> DartsSearch::run(const TrainingData& data, const EpochCallback& onEpoch,
                                         PhaseReporter* phases)
{
    const torch::Tensor train = data.trainIndices(settings_.trainFraction).to(device_);
    const torch::Tensor valid = data.validationIndices().to(device_);
    if (valid.numel() < 1)
        throw std::invalid_argument("the darts strategy needs a validation split");
    at::Generator generator = at::detail::createCPUGenerator(settings_.seed);

    stopped_ = false;
    std::vector<DartsEpoch> history{snapshot(0)};
    if (onEpoch)
        onEpoch(history.back());
    if (phases)
        phases->begin(kPhaseName, stepsPerEpoch(train.numel()) * settings_.searchEpochs,
                      settings_.searchEpochs);
    for (int epoch = 1; epoch <= settings_.searchEpochs; ++epoch) {
        std::optional<DartsEpoch> e =
            runEpoch(epoch, data.on(device_), train, valid, generator, phases);
        if (!e) {
            stopped_ = true;
            break;
        }
        history.push_back(std::move(*e));
        if (onEpoch)
            onEpoch(history.back());
    }
    supernet_->eval();
    return history;
}

// One pass over the (reshuffled) training share, each weight batch paired
// with the next batch of the reshuffled validation split, which wraps
// around when the training share is the larger.
std::optional<DartsEpoch> DartsSearch::runEpoch(int epoch, const TrainingData::OnDevice& tensors,
                                                const torch::Tensor& train,
                                                const torch::Tensor& valid,
                                                at::Generator& generator, PhaseReporter* phases)
{
    const auto start = std::chrono::steady_clock::now();
    setWeightLr(epoch);
    const torch::Tensor order =
        train.index_select(0, torch::randperm(train.numel(), generator).to(device_));
    const torch::Tensor validOrder =
        valid.index_select(0, torch::randperm(valid.numel(), generator).to(device_));
    const int64_t batch = settings_.batchSize;
    const int64_t validBatch = std::min(batch, valid.numel());
    const int64_t steps = stepsPerEpoch(train.numel());
    StepTotals trainTotals, validTotals;
    for (int64_t s = 0, v = 0; s < steps; ++s, v += validBatch) {
        if (phases && phases->stopRequested())
            return std::nullopt;
        if (v + validBatch > valid.numel())
            v = 0;
        const torch::Tensor vi = validOrder.slice(0, v, v + validBatch);
        validTotals.add(architectureStep(tensors.trainImages.index_select(0, vi),
                                         tensors.trainLabels.index_select(0, vi)),
                        vi.numel());
        const torch::Tensor ti =
            order.slice(0, s * batch, std::min(train.numel(), (s + 1) * batch));
        trainTotals.add(weightStep(tensors.trainImages.index_select(0, ti),
                                   tensors.trainLabels.index_select(0, ti)),
                        ti.numel());
        if (phases)
            phases->advance((epoch - 1) * steps + s + 1, epoch);
    }
    DartsEpoch e = snapshot(epoch);
    e.trainLoss = trainTotals.meanLoss();
    e.trainAcc = trainTotals.accuracy();
    e.validLoss = validTotals.meanLoss();
    e.validAcc = validTotals.accuracy();
    e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!std::isfinite(e.trainLoss) || !std::isfinite(e.validLoss))
        throw std::runtime_error("the DARTS search diverged in epoch " + std::to_string(epoch)
                                 + " (the loss is not finite)");
    return e;
}

} // namespace archscape
