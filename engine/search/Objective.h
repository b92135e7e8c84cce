#pragma once
// What a search optimises: metrics with a direction ("valid_acc" max,
// "params" min) and constraints on metrics ("params <= 1e6"). Metric names
// are the storage contract: valid_acc, test_acc, params, flops, latency_ms,
// train_loss, train_time_s; "acc" and "latency" are accepted as aliases.

#include <map>
#include <string>
#include <vector>

namespace archscape {

struct Objective
{
    std::string metric;
    bool maximize = true;

    // Smaller is better: what strategies compare.
    double minimized(double value) const { return maximize ? -value : value; }
    std::string toString() const { return metric + (maximize ? ":max" : ":min"); }

    // "acc:max,params:min"; a missing direction takes the metric's natural one.
    static std::vector<Objective> parseList(const std::string& text);
};

struct Constraint
{
    std::string metric;
    double limit = 0.0;
    bool atMost = true; // metric <= limit (false: metric >= limit)

    // 0 when satisfied, else how far off relative to the limit.
    double violation(double value) const;
    std::string toString() const;

    // "params<=1000000,latency_ms<=20"
    static std::vector<Constraint> parseList(const std::string& text);
};

// "acc" -> "valid_acc", "latency" -> "latency_ms"; known names unchanged.
// Throws std::invalid_argument for an unknown metric.
std::string canonicalMetricName(const std::string& name);
bool metricIsMaximized(const std::string& metric);
const std::vector<std::string>& knownMetricNames();

// Total violation of all constraints by a trial's metrics (a missing metric
// counts as violated).
double totalViolation(const std::vector<Constraint>& constraints,
                      const std::map<std::string, double>& metrics);

} // namespace archscape
