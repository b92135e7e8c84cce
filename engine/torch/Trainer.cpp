#include "Trainer.h"

#include "DeviceSelection.h"

#include <torch/torch.h>

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <new>

namespace archscape {

namespace {

// A loss this many times its first value has left any sane optimisation.
constexpr double kDivergenceFactor = 100.0;
// On CUDA reading the loss waits for the GPU; read it only this often.
constexpr int64_t kCudaLossCheckInterval = 50;
// Small enough that activations stay below glibc's largest mmap threshold
// (32 MB): larger blocks are mapped and unmapped on every batch, and the
// page faults cost more than the arithmetic (see HostMemory).
constexpr int64_t kEvaluationBatch = 100;

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string firstLine(const std::string& text)
{
    return text.substr(0, text.find('\n'));
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

// bfloat16 autocast for the forward pass and the loss (backward runs
// outside, as autocast expects). bfloat16 has float32's range, so no loss
// scaling is needed (LibTorch 1.13's C++ API has no GradScaler anyway).
class AutocastScope
{
public:
    explicit AutocastScope(bool enabled) : enabled_(enabled)
    {
        if (!enabled_)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        // LibTorch 2.4 renamed these per device type (and later dropped the old names).
        at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
        at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
#endif
        at::autocast::increment_nesting();
    }
    ~AutocastScope()
    {
        if (!enabled_)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
        at::autocast::set_enabled(false);
#endif
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool enabled_;
};

// Thrown inside run() for a failure the result reports.
struct TrainingFailure
{
    std::string reason;
};

void fillUniform(torch::Tensor& tensor, double bound, at::Generator& generator)
{
    if (!tensor.defined())
        return;
    tensor.copy_(torch::empty(tensor.sizes(), torch::kFloat32).uniform_(-bound, bound, generator));
}

} // namespace

Trainer::Trainer(TrainingSettings settings)
    : settings_(std::move(settings)), device_(torch::kCPU)
{
    settings_.validate();
    device_ = DeviceSelection::parse(settings_.device);
}

void Trainer::initialise(NetworkModule& module, uint64_t seed)
{
    initialise(*module, seed);
}

void Trainer::initialise(torch::nn::Module& module, uint64_t seed)
{
    torch::NoGradGuard noGrad;
    at::Generator generator = at::detail::createCPUGenerator(seed);
    for (const auto& m : module.modules(/*include_self=*/true)) {
        if (auto* conv = m->as<torch::nn::Conv2d>()) {
            const double bound = 1.0 / std::sqrt(double(conv->weight[0].numel()));
            fillUniform(conv->weight, bound, generator);
            fillUniform(conv->bias, bound, generator);
        } else if (auto* linear = m->as<torch::nn::Linear>()) {
            const double bound = 1.0 / std::sqrt(double(linear->weight.size(1)));
            fillUniform(linear->weight, bound, generator);
            fillUniform(linear->bias, bound, generator);
        } else if (auto* batchNorm = m->as<torch::nn::BatchNorm2d>()) {
            batchNorm->reset_parameters();
        }
    }
}

torch::Tensor Trainer::loss(const torch::Tensor& logits, const torch::Tensor& labels,
                            double labelSmoothing)
{
    namespace F = torch::nn::functional;
    return F::cross_entropy(logits.to(torch::kFloat32), labels,
                            F::CrossEntropyFuncOptions().label_smoothing(labelSmoothing));
}

TrainingResult Trainer::train(NetworkModule& module, const TrainingData& data) const
{
    TrainingResult result;
    try {
        run(module, data, result);
        result.finished = true;
    } catch (const TrainingFailure& f) {
        result.failure = f.reason;
    } catch (const c10::OutOfMemoryError& e) {
        result.failure = "out of memory on " + device_.str() + ": "
            + firstLine(e.what_without_backtrace());
    } catch (const c10::Error& e) {
        result.failure = "training failed: " + firstLine(e.what_without_backtrace());
    } catch (const std::bad_alloc&) {
        result.failure = "out of memory on the host while training";
    }
    module->eval();
    return result;
}

std::string Trainer::checkShapes(NetworkModule& module, const TrainingData& data) const
{
    const Network& net = module->network();
    const Shape in = net.inputShape();
    if (in.isVector || in.channels != data.channels() || in.height != data.height()
        || in.width != data.width())
        return "the network takes " + in.toString() + " inputs, but the images of "
            + data.folder() + " are " + std::to_string(data.channels()) + "×"
            + std::to_string(data.height()) + "×" + std::to_string(data.width());
    const Shape out = net.layers.at(size_t(net.output)).shape;
    if (!out.isVector || out.channels < data.classCount())
        return "the network's output (" + out.toString() + ") is not a vector of at least "
            + std::to_string(data.classCount()) + " class scores";
    return {};
}

std::unique_ptr<torch::optim::Optimizer>
Trainer::makeOptimizer(const std::vector<torch::Tensor>& parameters, const TrainingSettings& s)
{
    if (s.optimizer == TrainingSettings::Optimizer::AdamW)
        return std::make_unique<torch::optim::AdamW>(
            parameters, torch::optim::AdamWOptions(s.learningRate).weight_decay(s.weightDecay));
    return std::make_unique<torch::optim::SGD>(parameters,
                                               torch::optim::SGDOptions(s.learningRate)
                                                   .momentum(s.momentum)
                                                   .weight_decay(s.weightDecay));
}

double Trainer::learningRate(const TrainingSettings& settings, int64_t step, int64_t totalSteps)
{
    if (!settings.cosineSchedule || totalSteps <= 0)
        return settings.learningRate;
    const double progress = double(step) / double(totalSteps);
    return settings.learningRate * 0.5 * (1.0 + std::cos(M_PI * progress));
}

bool Trainer::autocast() const
{
    return device_.is_cuda() && settings_.mixedPrecision;
}

void Trainer::run(NetworkModule& module, const TrainingData& data, TrainingResult& result) const
{
    if (std::string problem = checkShapes(module, data); !problem.empty())
        throw TrainingFailure{problem};
    const TrainingData::OnDevice& tensors = data.on(device_);
    const torch::Tensor trainIndices = data.trainIndices(settings_.trainFraction).to(device_);
    const torch::Tensor validationIndices = data.validationIndices().to(device_);
    const int64_t count = trainIndices.numel();
    const int64_t batch = std::min(settings_.batchSize, count);
    // A last batch of one image would break batch norm's statistics.
    const int64_t stepsPerEpoch = count / batch + (count % batch >= 2 ? 1 : 0);
    const int64_t totalSteps = stepsPerEpoch * settings_.epochs;

    module->to(device_);
    module->train();
    auto optimizer = makeOptimizer(module->parameters(), settings_);
    at::Generator generator = at::detail::createCPUGenerator(settings_.seed);
    const int64_t checkInterval = device_.is_cuda() ? kCudaLossCheckInterval : 1;
    double firstLoss = std::nan("");
    int64_t step = 0;

    for (int epoch = 1; epoch <= settings_.epochs; ++epoch) {
        const auto started = std::chrono::steady_clock::now();
        const torch::Tensor order =
            trainIndices.index_select(0, torch::randperm(count, generator).to(device_));
        torch::Tensor lossSum = torch::zeros({}, torch::TensorOptions(device_).dtype(torch::kFloat64));
        int64_t seen = 0;
        for (int64_t s = 0; s < stepsPerEpoch; ++s, ++step) {
            const double lr = learningRate(settings_, step, totalSteps);
            for (auto& group : optimizer->param_groups())
                group.options().set_lr(lr);
            const torch::Tensor idx = order.slice(0, s * batch, std::min(count, (s + 1) * batch));
            const torch::Tensor images = tensors.trainImages.index_select(0, idx);
            const torch::Tensor labels = tensors.trainLabels.index_select(0, idx);

            optimizer->zero_grad();
            torch::Tensor batchLoss;
            {
                AutocastScope amp(autocast());
                batchLoss = loss(module->forward(images), labels, settings_.labelSmoothing);
            }
            batchLoss.backward();
            optimizer->step();
            lossSum += batchLoss.detach() * double(idx.numel());
            seen += idx.numel();

            if ((s + 1) % checkInterval != 0 && s + 1 != stepsPerEpoch)
                continue;
            const double value = batchLoss.item<double>();
            const auto where = [&] {
                return "in epoch " + std::to_string(epoch) + ", step " + std::to_string(s + 1)
                    + " of " + std::to_string(stepsPerEpoch);
            };
            if (!std::isfinite(value) || !std::isfinite(lossSum.item<double>()))
                throw TrainingFailure{"training diverged: the loss became " + number(value) + " "
                                      + where() + " (learning rate "
                                      + number(settings_.learningRate) + ")"};
            if (std::isnan(firstLoss))
                firstLoss = value;
            else if (value > kDivergenceFactor * firstLoss)
                throw TrainingFailure{"training diverged: the loss rose from " + number(firstLoss)
                                      + " to " + number(value) + " " + where()
                                      + " (learning rate " + number(settings_.learningRate)
                                      + ")"};
        }
        for (const auto& p : module->parameters())
            if (!torch::isfinite(p).all().item<bool>())
                throw TrainingFailure{"training diverged: the weights are no longer finite after "
                                      "epoch " + std::to_string(epoch)};
        result.imagesTrained += seen;

        EpochResult e;
        e.epoch = epoch;
        e.trainLoss = lossSum.item<double>() / double(seen);
        if (validationIndices.numel() > 0)
            e.validAcc = accuracy(module, tensors.trainImages, tensors.trainLabels,
                                  validationIndices);
        e.seconds = secondsSince(started);
        result.trainTimeS += e.seconds;
        result.validAcc = e.validAcc;
        result.epochs.push_back(e);
    }
    result.testAcc = accuracy(module, tensors.testImages, tensors.testLabels, torch::Tensor());
}

double Trainer::accuracy(NetworkModule& module, const torch::Tensor& images,
                         const torch::Tensor& labels, const torch::Tensor& indices) const
{
    torch::NoGradGuard noGrad;
    module->eval();
    const int64_t n = indices.defined() ? indices.numel() : images.size(0);
    torch::Tensor correct = torch::zeros({}, torch::TensorOptions(device_).dtype(torch::kInt64));
    for (int64_t begin = 0; begin < n; begin += kEvaluationBatch) {
        const int64_t end = std::min(n, begin + kEvaluationBatch);
        torch::Tensor x, y;
        if (indices.defined()) {
            const torch::Tensor idx = indices.slice(0, begin, end);
            x = images.index_select(0, idx);
            y = labels.index_select(0, idx);
        } else {
            x = images.slice(0, begin, end);
            y = labels.slice(0, begin, end);
        }
        torch::Tensor logits;
        {
            AutocastScope amp(autocast());
            logits = module->forward(x);
        }
        correct += logits.argmax(1).eq(y).sum();
    }
    module->train();
    return n == 0 ? 0.0 : 100.0 * correct.item<double>() / double(n);
}

} // namespace archscape
