#include "TrainEvaluator.h"

#include "EvaluatorData.h"
#include "HostMemory.h"
#include "NetworkModule.h"
#include "NetworkWeights.h"
#include "TorchThreads.h"
#include "Trainer.h"
#include "TrainingData.h"
#include "cost/NetworkCost.h"
#include "eval/EvaluatorRegistry.h"

#include <torch/torch.h>

#include <chrono>
#include <stdexcept>

namespace archscape {

namespace {



double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void addCurves(const TrainingResult& result, EvaluationOutcome& out)
{
    for (const EpochResult& e : result.epochs) {
        out.curves.push_back({"train_loss", e.epoch, e.trainLoss});
        if (e.validAcc)
            out.curves.push_back({"valid_acc", e.epoch, *e.validAcc});
        out.curves.push_back({"epoch_time_s", e.epoch, e.seconds});
    }
}

} // namespace

TrainEvaluator::TrainEvaluator(const ArchitectureCodec& codec, const RunSettings& run)
    : codec_(codec)
{
    TrainingSettings settings = TrainingSettings::fromRunSettings(run);
    trainer_ = std::make_unique<Trainer>(settings); // checks the device first: cheap
    data_ = loadEvaluatorData("train", run, settings, codec_);
    TorchThreads::apply(settings.threads);
    HostMemory::keepFreedMemory();
}

TrainEvaluator::~TrainEvaluator() = default;

const TrainingSettings& TrainEvaluator::settings() const
{
    return trainer_->settings();
}

uint64_t TrainEvaluator::seedFor(const std::string& encoding) const
{
    return ArchitectureCodec::hashText(std::to_string(settings().seed) + ":" + encoding);
}

EvaluationOutcome TrainEvaluator::evaluate(const Architecture& arch)
{
    const auto started = std::chrono::steady_clock::now();
    EvaluationOutcome out;
    const std::string encoding = codec_.encode(arch);
    try {
        const Network network = codec_.network(arch);
        const NetworkCost cost = NetworkCost::of(network);
        out.metrics["params"] = double(cost.params);
        out.metrics["flops"] = double(cost.macs);

        TrainingSettings settings = trainer_->settings();
        settings.seed = seedFor(encoding);
        const Trainer trainer(settings);
        NetworkModule module(network);
        Trainer::initialise(module, settings.seed);
        const TrainingResult result = trainer.train(module, *data_);

        addCurves(result, out);
        if (!result.finished) {
            out.state = TrialState::Failed;
            out.error = result.failure;
        } else {
            if (result.validAcc)
                out.metrics["valid_acc"] = *result.validAcc;
            out.metrics["test_acc"] = *result.testAcc;
            out.metrics["train_time_s"] = result.trainTimeS;
            out.artifacts.push_back({"weights",
                                     "epochs=" + std::to_string(settings.epochs),
                                     saveNetworkWeights(module)});
        }
    } catch (const c10::Error& e) {
        // Building or saving the network, not training: the Trainer reports its own.
        const std::string message = e.what_without_backtrace();
        out.state = TrialState::Failed;
        out.error = "LibTorch: " + message.substr(0, message.find('\n'));
    } catch (const std::bad_alloc&) {
        out.state = TrialState::Failed;
        out.error = "out of memory while building the network";
    } catch (const std::exception& e) {
        out.state = TrialState::Failed; // a network that cannot be built, named by the builder
        out.error = e.what();
    }
    out.costSeconds = secondsSince(started);
    return out;
}

void registerTrainEvaluator()
{
    EvaluatorRegistry::add("train", [](const RunSettings& run, const ArchitectureCodec& codec) {
        return std::unique_ptr<Evaluator>(std::make_unique<TrainEvaluator>(codec, run));
    });
}

} // namespace archscape
