#pragma once
// The predictor models the engine knows by name ("xgb": gradient-boosted
// trees), created for a fit. Libraries outside the engine (LibTorch's "mlp")
// add theirs with add() at start-up, before any search runs.

#include "Predictor.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace archscape {

// What a strategy asks of a model; each model maps it onto its own settings.
struct PredictorRequest
{
    int members = 1;   // ensemble size (members > 1: an uncertainty)
    int trees = 100;   // boosting rounds, for tree models
    uint64_t seed = 0;
};

class PredictorRegistry
{
public:
    using Factory = std::function<std::unique_ptr<Predictor>(const PredictorRequest&)>;

    // Registers (or replaces) a model by name. Not thread-safe: call it at start-up.
    static void add(const std::string& name, Factory factory);
    // In the order they were registered, the built-in ones first.
    static std::vector<std::string> names();
    static bool has(const std::string& name);
    // Throws std::invalid_argument for an unknown name, listing the known ones.
    static std::unique_ptr<Predictor> create(const std::string& name, const PredictorRequest& request);
};

} // namespace archscape
