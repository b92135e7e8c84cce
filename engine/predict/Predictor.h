#pragma once
// An accuracy predictor: fit on architecture feature vectors and a measured
// metric, then predict that metric for architectures never measured, with an
// uncertainty where the model has one (an ensemble's spread).

#include <optional>
#include <string>
#include <vector>

namespace archscape {

using FeatureMatrix = std::vector<std::vector<float>>; // one row per architecture

struct Prediction
{
    double mean = 0.0;
    std::optional<double> stddev; // absent when the model has no uncertainty
};

class Predictor
{
public:
    virtual ~Predictor() = default;
    virtual std::string name() const = 0;
    // The model and its settings as a JSON object, as the study stores them.
    virtual std::string settingsJson() const = 0;
    // Replaces any earlier fit. Throws std::invalid_argument when the rows
    // differ in length or there is not one target per row.
    virtual void fit(const FeatureMatrix& features, const std::vector<double>& targets) = 0;
    // Throws std::logic_error before the first fit.
    virtual std::vector<Prediction> predict(const FeatureMatrix& features) const = 0;
};

} // namespace archscape
