#include "TrainingSettings.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace archscape {

namespace {

double option(const RunSettings& run, const std::string& name, double fallback)
{
    auto it = run.options.find(name);
    return it == run.options.end() ? fallback : it->second;
}

// A whole-number option (batch size, threads): 12.5 is a mistake, not 12.
int64_t wholeOption(const RunSettings& run, const std::string& name, int64_t fallback)
{
    const double value = option(run, name, double(fallback));
    if (!std::isfinite(value) || value != std::floor(value) || std::fabs(value) > 1e9)
        throw std::invalid_argument("the training option " + name + " must be a whole number, not "
                                    + std::to_string(value));
    return static_cast<int64_t>(value);
}

bool switchOption(const RunSettings& run, const std::string& name, bool fallback)
{
    const int64_t value = wholeOption(run, name, fallback ? 1 : 0);
    if (value != 0 && value != 1)
        throw std::invalid_argument("the training option " + name + " is 0 (off) or 1 (on), not "
                                    + std::to_string(value));
    return value == 1;
}

void require(bool ok, const std::string& problem)
{
    if (!ok)
        throw std::invalid_argument("training settings: " + problem);
}

std::string text(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

} // namespace

TrainingSettings TrainingSettings::fromRunSettings(const RunSettings& run)
{
    TrainingSettings s;
    const int64_t optimizer = wholeOption(run, "optimizer", 0);
    if (optimizer != 0 && optimizer != 1)
        throw std::invalid_argument("the training option optimizer is 0 (sgd) or 1 (adamw), not "
                                    + std::to_string(optimizer));
    s.optimizer = optimizer == 1 ? Optimizer::AdamW : Optimizer::Sgd;
    const bool adamw = s.optimizer == Optimizer::AdamW;
    s.learningRate = option(run, "lr", adamw ? 1e-3 : 0.05);
    s.momentum = option(run, "momentum", 0.9);
    s.weightDecay = option(run, "weight_decay", adamw ? 0.01 : 5e-4);
    s.labelSmoothing = option(run, "label_smoothing", 0.0);
    s.cosineSchedule = switchOption(run, "cosine", true);
    s.epochs = run.epochs;
    s.batchSize = wholeOption(run, "batch_size", 128);
    s.trainFraction = option(run, "train_fraction", 1.0);
    s.validationFraction = option(run, "validation_fraction", 0.1);
    s.seed = run.seed;
    s.device = run.device.empty() ? std::string("cpu") : run.device;
    s.threads = static_cast<int>(wholeOption(run, "threads", 0));
    s.mixedPrecision = switchOption(run, "amp", true);
    s.validate();
    return s;
}

void TrainingSettings::validate() const
{
    require(std::isfinite(learningRate) && learningRate > 0,
            "the learning rate must be a positive number, not " + text(learningRate));
    require(momentum >= 0 && momentum < 1, "the momentum must be in [0, 1), not " + text(momentum));
    require(weightDecay >= 0 && std::isfinite(weightDecay),
            "the weight decay must be 0 or more, not " + text(weightDecay));
    require(labelSmoothing >= 0 && labelSmoothing < 1,
            "the label smoothing must be in [0, 1), not " + text(labelSmoothing));
    require(epochs >= 1 && epochs <= 10000,
            "the number of epochs must be between 1 and 10000, not " + std::to_string(epochs));
    require(batchSize >= 2 && batchSize <= 65536,
            "the batch size must be between 2 and 65536, not " + std::to_string(batchSize));
    require(trainFraction > 0 && trainFraction <= 1,
            "the training fraction must be in (0, 1], not " + text(trainFraction));
    require(validationFraction >= 0 && validationFraction < 1,
            "the validation fraction must be in [0, 1), not " + text(validationFraction));
    require(threads >= 0 && threads <= 1024,
            "the thread count must be 0 (every core) or more, not " + std::to_string(threads));
}

const char* TrainingSettings::optimizerName(Optimizer optimizer)
{
    return optimizer == Optimizer::AdamW ? "adamw" : "sgd";
}

TrainingSettings::Optimizer TrainingSettings::optimizerFromName(const std::string& name)
{
    if (name == "sgd")
        return Optimizer::Sgd;
    if (name == "adamw")
        return Optimizer::AdamW;
    throw std::invalid_argument("unknown optimizer '" + name + "' (known: sgd, adamw)");
}

} // namespace archscape
