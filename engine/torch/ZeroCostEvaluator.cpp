#include "ZeroCostEvaluator.h"

#include "DeviceSelection.h"
#include "IdxDataset.h"
#include "LatencyMeter.h"
#include "ModuleFlopCounter.h"
#include "NetworkModule.h"
#include "ZeroCostProxies.h"

#include "eval/EvaluatorRegistry.h"

#include <torch/torch.h>

#include <chrono>
#include <exception>
#include <stdexcept>

namespace archscape {

namespace {

// LibTorch draws initial weights and dropout masks from one global
// generator: evaluations take turns so that each sees only its own seed.
std::mutex& generatorMutex()
{
    static std::mutex mutex;
    return mutex;
}


std::unique_ptr<Evaluator> createZeroCost(const RunSettings& settings,
                                          const ArchitectureCodec& codec)
{
    if (settings.data.empty())
        throw std::invalid_argument("the zc evaluator needs --data FOLDER, an IDX data set such "
                                    "as /usr/share/datasets/fashion-mnist");
    const c10::Device device = DeviceSelection::parse(settings.device);
    const Shape in = codec.network(codec.defaultArchitecture(), false).inputShape();
    ZeroCostBatch batch;
    try {
        batch = ZeroCostEvaluator::loadBatch(settings.data, settings.seed, device);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(e.what());
    }
    if (batch.images.size(1) != in.channels || batch.images.size(2) != in.height ||
        batch.images.size(3) != in.width)
        throw std::invalid_argument(
            "the zc evaluator's data (" + settings.data + ") has " +
            std::to_string(batch.images.size(1)) + "×" + std::to_string(batch.images.size(2)) +
            "×" + std::to_string(batch.images.size(3)) + " images but the space's input is " +
            in.toString());
    return std::make_unique<ZeroCostEvaluator>(codec, std::move(batch), device, settings.seed,
                                               settings.namesMetric("latency_ms"));
}

} // namespace

ZeroCostEvaluator::ZeroCostEvaluator(const ArchitectureCodec& codec, ZeroCostBatch batch,
                                     c10::Device device, uint64_t seed, bool measureLatency)
    : codec_(codec), batch_(std::move(batch)), device_(device), seed_(seed),
      measureLatency_(measureLatency)
{
}

ZeroCostBatch ZeroCostEvaluator::loadBatch(const std::string& folder, uint64_t seed,
                                           c10::Device device)
{
    const IdxDataset data = IdxDataset::load(folder, IdxDataset::Part::Train);
    if (data.size() < kBatchSize)
        throw std::runtime_error("the data set in " + folder + " has " +
                                 std::to_string(data.size()) + " images, fewer than one batch of " +
                                 std::to_string(kBatchSize));
    torch::Generator generator = torch::make_generator<torch::CPUGeneratorImpl>(seed);
    const torch::Tensor picked =
        torch::randperm(data.size(), generator, torch::kLong).slice(0, 0, kBatchSize);
    return {data.images().index_select(0, picked).to(device),
            data.labels().index_select(0, picked).to(device)};
}

std::map<std::string, double> ZeroCostEvaluator::score(const Architecture& arch)
{
    const Network net = codec_.network(arch, false);
    std::lock_guard<std::mutex> lock(generatorMutex());
    torch::manual_seed(seed_ * 0x9E3779B97F4A7C15ull + codec_.hash(arch));
    NetworkModule module(net, device_);
    std::map<std::string, double> metrics;
    metrics["params"] = static_cast<double>(module->parameterCount());
    metrics["flops"] = static_cast<double>(ModuleFlopCounter::count(*module).macs);
    metrics["synflow"] = ZeroCostProxies::synflow(*module);
    // One backward pass for both: the same pass (and dropout draws) that
    // grad_norm alone took before snip existed, so stored scores replay.
    const auto gradients = ZeroCostProxies::gradientScores(*module, batch_.images, batch_.labels);
    metrics["grad_norm"] = gradients.gradNorm;
    metrics["snip"] = gradients.snip;
    metrics["jacob_cov"] = ZeroCostProxies::jacobCov(*module, batch_.images);
    if (measureLatency_)
        metrics["latency_ms"] = LatencyMeter(device_, {5, 30, 1}).measureMs(*module);
    return metrics;
}

EvaluationOutcome ZeroCostEvaluator::evaluate(const Architecture& arch)
{
    EvaluationOutcome out;
    const auto start = std::chrono::steady_clock::now();
    try {
        out.metrics = score(arch);
        for (const auto& [metric, value] : out.metrics)
            if (!std::isfinite(value))
                throw std::runtime_error(metric + " is not finite");
    } catch (const std::exception& e) {
        out.state = TrialState::Failed;
        out.metrics.clear();
        out.error = std::string("zero-cost scoring failed: ") + e.what();
    }
    out.costSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

void registerZeroCostEvaluator()
{
    EvaluatorRegistry::add("zc", createZeroCost);
}

} // namespace archscape
