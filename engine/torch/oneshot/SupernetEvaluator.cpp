#include "SupernetEvaluator.h"

#include "cost/NetworkCost.h"
#include "eval/EvaluatorRegistry.h"
#include "storage/StudyStorage.h"
#include "torch/DeviceSelection.h"
#include "torch/EvaluatorData.h"
#include "torch/HostMemory.h"
#include "torch/LatencyMeter.h"
#include "torch/LatencyTable.h"
#include "torch/TorchThreads.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace archscape {

namespace {

constexpr const char* kWeightsName = "weights";
constexpr const char* kTrainingName = "training";

double option(const RunSettings& run, const std::string& name, double fallback)
{
    auto it = run.options.find(name);
    return it == run.options.end() ? fallback : it->second;
}

int64_t countOption(const RunSettings& run, const std::string& name, int64_t fallback)
{
    const double value = option(run, name, double(fallback));
    if (value < 0 || value != std::floor(value))
        throw std::invalid_argument("the supernet option " + name
                                    + " must be a whole number of at least 0, not "
                                    + std::to_string(value));
    return int64_t(value);
}

InheritedScoring scoringFrom(const RunSettings& run)
{
    InheritedScoring scoring;
    scoring.recalibrationBatches = int(countOption(run, "bn_batches", scoring.recalibrationBatches));
    scoring.validationImages = countOption(run, "valid_images", scoring.validationImages);
    scoring.testImages = countOption(run, "test_images", scoring.testImages);
    return scoring;
}




double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

SupernetEvaluator::SupernetEvaluator(const ArchitectureCodec& codec, const RunSettings& run)
    : codec_(codec), settings_(TrainingSettings::fromRunSettings(run)),
      sampling_(SupernetPathSampler::modeFromOption(option(run, "sampling", 0))),
      supernet_(nullptr), measureLatency_(run.namesMetric("latency_ms"))
{
    const SupernetTrainer checked(settings_, sampling_); // settings and device, before the data
    const c10::Device device = DeviceSelection::parse(settings_.device);
    const InheritedScoring scoring = scoringFrom(run);
    data_ = loadEvaluatorData("supernet", run, settings_, codec_);
    TorchThreads::apply(settings_.threads);
    HostMemory::keepFreedMemory();
    supernet_ = SinglePathSupernet(codec_, device, settings_.seed);
    scorer_ = std::make_unique<InheritedWeightsScorer>(supernet_, data_, settings_, scoring);
    if (measureLatency_)
        latencyTable_ = std::make_unique<LatencyTable>(LatencyTable::deviceLabel(device));
}

SupernetEvaluator::~SupernetEvaluator() = default;

bool SupernetEvaluator::ensureTrained(PhaseReporter* phases)
{
    std::lock_guard<std::mutex> lock(trainingMutex_);
    if (training_)
        return false;
    const SupernetTrainer trainer(settings_, sampling_);
    SupernetTrainingResult result = trainer.train(supernet_, *data_, {}, phases);
    if (result.stopped)
        return false;
    if (!result.finished)
        throw std::runtime_error(result.failure);
    training_ = std::move(result);
    return true;
}

std::string SupernetEvaluator::trainingJson() const
{
    std::ostringstream json;
    json << "{\"format\": \"archscape-spos-training\", \"version\": 1, \"sampling\": \""
         << SupernetPathSampler::modeName(sampling_) << "\", \"epochs\": " << settings_.epochs
         << ", \"train_fraction\": " << settings_.trainFraction << ", \"seed\": "
         << settings_.seed << ", \"steps\": " << training_->steps << ", \"seconds\": "
         << training_->seconds << ", \"candidates\": " << training_->candidates
         << ", \"epoch_loss\": [";
    for (size_t i = 0; i < training_->epochLoss.size(); ++i)
        json << (i ? ", " : "") << training_->epochLoss[i];
    json << "]}";
    return json.str();
}

void SupernetEvaluator::prepare(StudyStorage& storage, PhaseReporter& phases)
{
    bool loaded = false;
    {
        std::lock_guard<std::mutex> lock(trainingMutex_);
        if (!training_) {
            if (const auto bytes = storage.studyArtifact(kArtifactKind, kWeightsName)) {
                supernet_->load(*bytes);
                SupernetTrainingResult stored;
                stored.finished = true;
                stored.candidates = supernet_->candidateCount();
                training_ = stored;
                loadedFromStudy_ = loaded = true;
            }
        }
    }
    if (!loaded && ensureTrained(&phases)) {
        storage.setStudyArtifact(kArtifactKind, kWeightsName, supernet_->save());
        storage.setStudyArtifact(kArtifactKind, kTrainingName, trainingJson());
    }
    if (measureLatency_ && !phases.stopRequested())
        updateLatencyTable(storage, phases);
}

// Every operation the supernet holds, timed once and kept with the study;
// a stop keeps what was timed so far.
void SupernetEvaluator::updateLatencyTable(StudyStorage& storage, PhaseReporter& phases)
{
    std::lock_guard<std::mutex> lock(latencyMutex_);
    if (auto stored = LatencyTable::loadFrom(storage, latencyTable_->device()))
        *latencyTable_ = std::move(*stored);
    const LatencyMeter meter(supernet_->device(), {3, 15, 1});
    const std::vector<std::string> encodings = supernet_->coveringEncodings();
    phases.begin(kLatencyPhaseName, int64_t(encodings.size()));
    int timed = 0;
    for (size_t i = 0; i < encodings.size() && !phases.stopRequested(); ++i) {
        timed += latencyTable_->measureMissing(codec_.network(codec_.decode(encodings[i]), false),
                                               meter);
        phases.advance(int64_t(i + 1));
    }
    if (timed > 0)
        latencyTable_->saveTo(storage);
}

double SupernetEvaluator::latencyMs(const Network& net)
{
    std::lock_guard<std::mutex> lock(latencyMutex_);
    try {
        return latencyTable_->estimateMs(net);
    } catch (const std::out_of_range&) {
        // An operation no trained path had: timed now, kept for this run.
        latencyTable_->measureMissing(net, LatencyMeter(supernet_->device(), {3, 15, 1}));
        return latencyTable_->estimateMs(net);
    }
}

EvaluationOutcome SupernetEvaluator::evaluate(const Architecture& arch)
{
    const auto started = std::chrono::steady_clock::now();
    EvaluationOutcome out;
    try {
        ensureTrained();
        const Network network = codec_.network(arch);
        const NetworkCost cost = NetworkCost::of(network);
        const InheritedScore score = scorer_->score(arch);
        out.metrics["params"] = double(cost.params);
        out.metrics["flops"] = double(cost.macs);
        if (data_->validationIndices().numel() > 0)
            out.metrics["valid_acc"] = score.validAcc;
        out.metrics["test_acc"] = score.testAcc;
        if (measureLatency_)
            out.metrics["latency_ms"] = latencyMs(network);
    } catch (const c10::Error& e) {
        const std::string message = e.what_without_backtrace();
        out.state = TrialState::Failed;
        out.metrics.clear();
        out.error = "LibTorch: " + message.substr(0, message.find('\n'));
    } catch (const std::exception& e) {
        out.state = TrialState::Failed;
        out.metrics.clear();
        out.error = e.what();
    }
    out.costSeconds = secondsSince(started);
    return out;
}

void registerSupernetEvaluator()
{
    EvaluatorRegistry::add("supernet", [](const RunSettings& run, const ArchitectureCodec& codec) {
        return std::unique_ptr<Evaluator>(std::make_unique<SupernetEvaluator>(codec, run));
    });
}

} // namespace archscape
