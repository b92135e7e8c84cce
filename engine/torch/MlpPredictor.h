#pragma once
// An ensemble of small multilayer perceptrons in LibTorch, fitted on
// architecture feature vectors; the members' spread is the uncertainty.
// As FBNetV3 does, the networks can first be pretrained on statistics that
// cost nothing to compute (log params and FLOPs of many architectures);
// fit() then starts from the pretrained body instead of random weights.
// The same seed and data give the same predictions.

#include "predict/Predictor.h"

#include <cstdint>
#include <memory>

namespace archscape {

struct MlpSettings
{
    int members = 5;
    int hidden = 64;
    int epochs = 400;       // full-batch Adam steps per fit
    double learningRate = 3e-3;
    double weightDecay = 1e-4;
    int pretrainEpochs = 300;
    uint64_t seed = 0;
};

class MlpPredictor : public Predictor
{
public:
    explicit MlpPredictor(MlpSettings settings = {});
    ~MlpPredictor() override;

    std::string name() const override { return "mlp"; }
    std::string settingsJson() const override;
    // Free statistics per architecture (any number of columns, e.g. log10
    // params and log10 FLOPs). Throws std::invalid_argument on ragged input.
    void pretrain(const FeatureMatrix& features, const std::vector<std::vector<double>>& statistics);
    bool pretrained() const { return pretrained_; }
    void fit(const FeatureMatrix& features, const std::vector<double>& targets) override;
    std::vector<Prediction> predict(const FeatureMatrix& features) const override;

private:
    struct Member;
    MlpSettings settings_;
    size_t featureCount_ = 0;
    bool pretrained_ = false;
    double targetMean_ = 0.0;
    double targetScale_ = 1.0;
    std::vector<std::unique_ptr<Member>> bodies_;  // pretrained, kept for every fit
    std::vector<std::unique_ptr<Member>> members_; // the current fit
};

// Adds "mlp" to the PredictorRegistry (members and seed from the request);
// call once at start-up.
void registerMlpPredictor();

} // namespace archscape
