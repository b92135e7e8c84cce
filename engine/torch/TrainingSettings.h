#pragma once
// How the "train" evaluator trains a network: optimizer, learning rate and
// its schedule, regularisation, epochs, batch size, how much of the
// training set a short-budget proxy uses, device and threads. Read from a
// study's RunSettings (epochs, device, data, seed and the `options` keys
// listed in fromRunSettings), so `resume` trains exactly as before.

#include "study/RunSettings.h"

#include <cstdint>
#include <string>

namespace archscape {

struct TrainingSettings
{
    enum class Optimizer { Sgd, AdamW };

    Optimizer optimizer = Optimizer::Sgd;
    double learningRate = 0.05;
    double momentum = 0.9;        // SGD only
    double weightDecay = 5e-4;
    double labelSmoothing = 0.0;
    bool cosineSchedule = true;   // per step, from learningRate down to 0
    int epochs = 1;
    int64_t batchSize = 128;
    double trainFraction = 1.0;   // of the training split: the short-budget proxy
    double validationFraction = 0.1; // of the training set, held out
    uint64_t seed = 0;
    std::string device = "cpu";
    int threads = 0;              // LibTorch intra-op threads; 0: every core
    bool mixedPrecision = true;   // bfloat16 autocast, on CUDA only

    // Options (RunSettings::options): lr, momentum, weight_decay,
    // label_smoothing, batch_size, train_fraction, validation_fraction,
    // optimizer (0 sgd, 1 adamw), cosine (1 on, 0 off), threads, amp (1 on,
    // 0 off). Without lr and weight_decay: 0.05 and 5e-4 for SGD, 1e-3 and
    // 0.01 for AdamW. Throws std::invalid_argument naming the bad value.
    static TrainingSettings fromRunSettings(const RunSettings& run);

    // Throws std::invalid_argument naming the first value out of range.
    void validate() const;

    static const char* optimizerName(Optimizer optimizer);
    // "sgd" or "adamw"; throws std::invalid_argument otherwise.
    static Optimizer optimizerFromName(const std::string& name);
};

} // namespace archscape
