#include "SupernetTrainer.h"

#include "torch/DeviceSelection.h"
#include "torch/Trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <new>

namespace archscape {

namespace {

// On CUDA reading the loss waits for the GPU; read it only this often.
constexpr int64_t kCudaLossCheckInterval = 50;

struct SupernetTrainingFailure
{
    std::string reason;
};

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

} // namespace

SupernetTrainer::SupernetTrainer(TrainingSettings settings, SupernetPathSampler::Mode sampling)
    : settings_(std::move(settings)), sampling_(sampling)
{
    settings_.validate();
    DeviceSelection::parse(settings_.device);
}

SupernetTrainingResult
SupernetTrainer::train(SinglePathSupernet& supernet, const TrainingData& data,
                       const std::function<void(int epoch, double loss)>& afterEpoch,
                       PhaseReporter* phases) const
{
    SupernetTrainingResult result;
    const auto started = std::chrono::steady_clock::now();
    try {
        run(supernet, data, afterEpoch, phases, result);
        result.finished = !result.stopped;
    } catch (const SupernetTrainingFailure& f) {
        result.failure = f.reason;
    } catch (const c10::Error& e) {
        result.failure = "supernet training failed: " + firstLine(e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        result.failure = "out of memory on the host while training the supernet";
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.candidates = supernet->candidateCount();
    supernet->eval();
    return result;
}

void SupernetTrainer::run(SinglePathSupernet& supernet, const TrainingData& data,
                          const std::function<void(int, double)>& afterEpoch,
                          PhaseReporter* phases, SupernetTrainingResult& result) const
{
    const c10::Device device = supernet->device();
    const TrainingData::OnDevice& tensors = data.on(device);
    const torch::Tensor trainIndices = data.trainIndices(settings_.trainFraction).to(device);
    const int64_t count = trainIndices.numel();
    const int64_t batch = std::min(settings_.batchSize, count);
    // A last batch of one image would break batch norm's statistics.
    const int64_t stepsPerEpoch = count / batch + (count % batch >= 2 ? 1 : 0);
    const int64_t totalSteps = stepsPerEpoch * settings_.epochs;

    SupernetPathSampler sampler(supernet->codec(), sampling_, settings_.seed);
    auto optimizer = Trainer::makeOptimizer(supernet->parameters(), settings_);
    at::Generator generator = at::detail::createCPUGenerator(settings_.seed);
    const int64_t checkInterval = device.is_cuda() ? kCudaLossCheckInterval : 1;
    if (phases)
        phases->begin(kPhaseName, totalSteps, settings_.epochs);

    for (int epoch = 1; epoch <= settings_.epochs; ++epoch) {
        const torch::Tensor order =
            trainIndices.index_select(0, torch::randperm(count, generator).to(device));
        torch::Tensor lossSum =
            torch::zeros({}, torch::TensorOptions(device).dtype(torch::kFloat64));
        int64_t seen = 0;
        for (int64_t s = 0; s < stepsPerEpoch; ++s, ++result.steps) {
            if (phases && phases->stopRequested()) {
                result.stopped = true;
                return;
            }
            std::vector<torch::Tensor> made;
            NetworkModule path = supernet->path(sampler.next(), &made);
            if (!made.empty())
                optimizer->add_param_group(torch::optim::OptimizerParamGroup(made));
            const double lr = Trainer::learningRate(settings_, result.steps, totalSteps);
            for (auto& group : optimizer->param_groups())
                group.options().set_lr(lr);

            const torch::Tensor idx = order.slice(0, s * batch, std::min(count, (s + 1) * batch));
            path->train();
            const torch::Tensor loss =
                Trainer::loss(path->forward(tensors.trainImages.index_select(0, idx)),
                              tensors.trainLabels.index_select(0, idx), settings_.labelSmoothing);
            loss.backward();
            optimizer->step();
            // No gradient at all, rather than a zero one, for the next step's
            // other paths: SGD and AdamW then leave these weights alone.
            for (auto& p : path->parameters())
                p.mutable_grad().reset();
            lossSum += loss.detach() * double(idx.numel());
            seen += idx.numel();

            if ((s + 1) % checkInterval == 0 || s + 1 == stepsPerEpoch) {
                const double value = loss.item<double>();
                if (!std::isfinite(value))
                    throw SupernetTrainingFailure{
                        "supernet training diverged: the loss became " + std::to_string(value)
                        + " in epoch " + std::to_string(epoch) + ", step "
                        + std::to_string(s + 1) + " of " + std::to_string(stepsPerEpoch)};
            }
            if (phases)
                phases->advance(result.steps + 1, epoch);
        }
        const double meanLoss = lossSum.item<double>() / double(seen);
        result.epochLoss.push_back(meanLoss);
        if (afterEpoch)
            afterEpoch(epoch, meanLoss);
    }
}

} // namespace archscape
