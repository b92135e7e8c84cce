#include "TrainEvaluator.h"

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

std::shared_ptr<const TrainingData> loadData(const RunSettings& run,
                                             const TrainingSettings& settings)
{
    if (run.data.empty())
        throw std::invalid_argument(
            "the train evaluator needs --data FOLDER, a folder of IDX files such as "
            "/usr/share/datasets/fashion-mnist");
    try {
        return TrainingData::load(run.data, settings.validationFraction, settings.seed);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(std::string("the train evaluator cannot read its data: ")
                                    + e.what());
    }
}

// The space's networks must take the data set's images and score its classes.
void checkFit(const ArchitectureCodec& codec, const TrainingData& data)
{
    const Network net = codec.network(codec.defaultArchitecture(), false);
    const Shape in = net.inputShape();
    const std::string images = std::to_string(data.channels()) + "×"
        + std::to_string(data.height()) + "×" + std::to_string(data.width());
    if (in.isVector || in.channels != data.channels() || in.height != data.height()
        || in.width != data.width())
        throw std::invalid_argument("the space's networks take " + in.toString()
                                    + " inputs, but the images of " + data.folder() + " are "
                                    + images);
    const Shape out = net.layers.at(size_t(net.output)).shape;
    if (!out.isVector || out.channels < data.classCount())
        throw std::invalid_argument("the space's networks output " + out.toString()
                                    + ", not a vector of scores for the "
                                    + std::to_string(data.classCount()) + " classes of "
                                    + data.folder());
}

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
    data_ = loadData(run, settings);
    checkFit(codec_, *data_);
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
