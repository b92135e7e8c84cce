#pragma once
// Gradient-boosted regression trees through xgboost's C API. The
// uncertainty is the spread of an ensemble of boosters that differ in seed
// and row subsample (members = 1: no uncertainty). Single-threaded, exact
// tree method: the same seed and data give the same predictions.

#include "predict/Predictor.h"

#include <cstdint>
#include <memory>

namespace archscape {

struct XgboostSettings
{
    int rounds = 200;
    int maxDepth = 6;
    double eta = 0.1;
    double subsample = 0.8;
    double colsample = 1.0;
    double minChildWeight = 1.0;
    int members = 5;
    uint64_t seed = 0;
};

class XgboostPredictor : public Predictor
{
public:
    explicit XgboostPredictor(XgboostSettings settings = {});
    ~XgboostPredictor() override;

    std::string name() const override { return "xgboost"; }
    std::string settingsJson() const override;
    void fit(const FeatureMatrix& features, const std::vector<double>& targets) override;
    std::vector<Prediction> predict(const FeatureMatrix& features) const override;

private:
    class Booster;
    XgboostSettings settings_;
    size_t featureCount_ = 0;
    std::vector<std::unique_ptr<Booster>> members_;
};

} // namespace archscape
