#include "Objective.h"

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace archscape {

namespace {

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            items.push_back(item);
    return items;
}

double parseNumber(const std::string& text, const std::string& context)
{
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(v))
        throw std::invalid_argument("'" + text + "' in '" + context + "' is not a number");
    return v;
}

// The "zc" evaluator's scores: higher is better for each.
bool isZeroCostProxy(const std::string& name)
{
    return name == "synflow" || name == "grad_norm" || name == "jacob_cov" || name == "snip";
}

} // namespace

const std::vector<std::string>& knownMetricNames()
{
    static const std::vector<std::string> names{"valid_acc", "test_acc",   "params",
                                                "flops",     "latency_ms", "train_loss",
                                                "train_time_s"};
    return names;
}

std::string canonicalMetricName(const std::string& name)
{
    if (name == "acc" || name == "accuracy")
        return "valid_acc";
    if (name == "latency")
        return "latency_ms";
    for (const auto& known : knownMetricNames())
        if (name == known)
            return name;
    // Zero-cost proxies and other evaluator-specific scores.
    if (name.rfind("zc_", 0) == 0 || isZeroCostProxy(name))
        return name;
    std::string list;
    for (const auto& known : knownMetricNames())
        list += (list.empty() ? "" : ", ") + known;
    throw std::invalid_argument("unknown metric '" + name + "' (known: acc, latency, " + list + ")");
}

bool metricIsMaximized(const std::string& metric)
{
    return metric == "valid_acc" || metric == "test_acc" || metric.rfind("zc_", 0) == 0
           || isZeroCostProxy(metric);
}

std::vector<Objective> Objective::parseList(const std::string& text)
{
    std::vector<Objective> result;
    for (const auto& item : splitList(text)) {
        Objective o;
        auto colon = item.find(':');
        o.metric = canonicalMetricName(item.substr(0, colon));
        o.maximize = metricIsMaximized(o.metric);
        if (colon != std::string::npos) {
            std::string dir = item.substr(colon + 1);
            if (dir == "max")
                o.maximize = true;
            else if (dir == "min")
                o.maximize = false;
            else
                throw std::invalid_argument("objective '" + item + "': direction must be max or min");
        }
        for (const auto& seen : result)
            if (seen.metric == o.metric)
                throw std::invalid_argument("objective '" + o.metric + "' is listed twice");
        result.push_back(o);
    }
    if (result.empty())
        throw std::invalid_argument("no objectives given");
    return result;
}

double Constraint::violation(double value) const
{
    double excess = atMost ? value - limit : limit - value;
    if (excess <= 0)
        return 0.0;
    return excess / std::max(std::fabs(limit), 1e-12);
}

std::string Constraint::toString() const
{
    std::ostringstream out;
    out << metric << (atMost ? "<=" : ">=") << limit;
    return out.str();
}

std::vector<Constraint> Constraint::parseList(const std::string& text)
{
    std::vector<Constraint> result;
    for (const auto& item : splitList(text)) {
        Constraint c;
        auto le = item.find("<=");
        auto ge = item.find(">=");
        if (le == std::string::npos && ge == std::string::npos)
            throw std::invalid_argument("constraint '" + item
                                        + "' must read metric<=limit or metric>=limit");
        c.atMost = le != std::string::npos;
        auto pos = c.atMost ? le : ge;
        c.metric = canonicalMetricName(item.substr(0, pos));
        c.limit = parseNumber(item.substr(pos + 2), item);
        result.push_back(c);
    }
    return result;
}

double totalViolation(const std::vector<Constraint>& constraints,
                      const std::map<std::string, double>& metrics)
{
    double total = 0.0;
    for (const auto& c : constraints) {
        auto it = metrics.find(c.metric);
        total += it == metrics.end() ? 1.0 : c.violation(it->second);
    }
    return total;
}

} // namespace archscape
