#include "ZeroCostScorer.h"

#include "DeviceSelection.h"

#include "predict/ArchitectureScorerRegistry.h"

#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

namespace archscape {

namespace {

std::string shapeOf(const torch::Tensor& images)
{
    return std::to_string(images.size(1)) + "×" + std::to_string(images.size(2)) + "×"
           + std::to_string(images.size(3));
}

} // namespace

ZeroCostScorer::ZeroCostScorer(const ArchitectureCodec& codec, ZeroCostBatch batch,
                               c10::Device device, uint64_t seed)
    : codec_(codec), evaluator_(codec, std::move(batch), device, seed, false)
{
}

std::vector<std::string> ZeroCostScorer::scoreNames() const
{
    return {"synflow", "grad_norm", "jacob_cov"};
}

std::map<std::string, double> ZeroCostScorer::scores(const Architecture& canonicalArch)
{
    const uint64_t hash = codec_.hashCanonical(canonicalArch);
    auto it = cache_.find(hash);
    if (it != cache_.end())
        return it->second;
    const EvaluationOutcome outcome = evaluator_.evaluate(canonicalArch);
    std::map<std::string, double> result;
    for (const std::string& name : scoreNames()) {
        auto m = outcome.metrics.find(name);
        result[name] = outcome.state == TrialState::Complete && m != outcome.metrics.end()
                           ? m->second
                           : std::nan("");
    }
    return cache_.emplace(hash, std::move(result)).first->second;
}

std::unique_ptr<ZeroCostScorer> ZeroCostScorer::create(const ArchitectureCodec& codec,
                                                       const ScorerSettings& settings)
{
    const std::string folder = settings.data.empty() ? kDefaultData : settings.data;
    const c10::Device device = DeviceSelection::parse(settings.device);
    ZeroCostBatch batch;
    try {
        batch = ZeroCostEvaluator::loadBatch(folder, settings.seed, device);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(std::string("zero-cost proxies (zc_features, zc_prefilter): ")
                                    + e.what());
    }
    const Shape in = codec.network(codec.defaultArchitecture(), false).inputShape();
    if (batch.images.size(1) != in.channels || batch.images.size(2) != in.height
        || batch.images.size(3) != in.width)
        throw std::invalid_argument(
            "zero-cost proxies (zc_features, zc_prefilter) need images shaped like the space's input ("
            + in.toString() + "), but the images in " + folder + " are " + shapeOf(batch.images)
            + ": give --options zc_data=FOLDER, an IDX data set of such images");
    return std::make_unique<ZeroCostScorer>(codec, std::move(batch), device, settings.seed);
}

void registerZeroCostScorer()
{
    ArchitectureScorerRegistry::add("zc", [](const ArchitectureCodec& codec, const ScorerSettings& s) {
        return std::unique_ptr<ArchitectureScorer>(ZeroCostScorer::create(codec, s));
    });
}

} // namespace archscape
