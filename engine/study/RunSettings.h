#pragma once
// How a study searches: strategy, evaluator, objectives, constraints,
// budget, seed, workers, device and data. Stored with the study as JSON, so
// `resume` continues with exactly the same settings.

#include "search/Objective.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace archscape {

struct RunSettings
{
    std::string strategy = "random";
    std::string evaluator = "nb201";
    std::vector<Objective> objectives{{"valid_acc", true}};
    std::vector<Constraint> constraints;
    int64_t budget = 100;     // trials
    double timeBudgetS = 0.0; // summed train_time_s; 0: none
    uint64_t seed = 0;
    int workers = 1;
    std::string device = "cpu";
    std::string data;         // table or data set path
    int epochs = 1;
    std::string latencyDevice = "gold_6226"; // nb201 latency column
    std::map<std::string, double> options;    // strategy options
    std::map<std::string, std::string> textOptions; // non-numeric strategy options ("model": "mlp")

    // Whether an objective or a constraint names `metric`.
    bool namesMetric(const std::string& metric) const;
    std::string toJson() const;
    // Throws std::invalid_argument on a malformed or incomplete document.
    static RunSettings fromJson(const std::string& json);
};

} // namespace archscape
