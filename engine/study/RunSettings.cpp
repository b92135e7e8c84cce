#include "RunSettings.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace archscape {

using json = nlohmann::json;

bool RunSettings::namesMetric(const std::string& metric) const
{
    for (const auto& o : objectives)
        if (o.metric == metric)
            return true;
    for (const auto& c : constraints)
        if (c.metric == metric)
            return true;
    return false;
}

std::string RunSettings::toJson() const
{
    json doc;
    doc["strategy"] = strategy;
    doc["evaluator"] = evaluator;
    doc["objectives"] = json::array();
    for (const auto& o : objectives)
        doc["objectives"].push_back(o.toString());
    doc["constraints"] = json::array();
    for (const auto& c : constraints)
        doc["constraints"].push_back(c.toString());
    doc["budget"] = budget;
    doc["time_budget_s"] = timeBudgetS;
    doc["seed"] = seed;
    doc["workers"] = workers;
    doc["device"] = device;
    doc["data"] = data;
    doc["epochs"] = epochs;
    doc["latency_device"] = latencyDevice;
    doc["options"] = options;
    doc["text_options"] = textOptions;
    return doc.dump();
}

RunSettings RunSettings::fromJson(const std::string& text)
{
    try {
        json doc = json::parse(text);
        RunSettings s;
        s.strategy = doc.at("strategy").get<std::string>();
        s.evaluator = doc.at("evaluator").get<std::string>();
        std::string objectives;
        for (const auto& o : doc.at("objectives"))
            objectives += (objectives.empty() ? "" : ",") + o.get<std::string>();
        s.objectives = Objective::parseList(objectives);
        std::string constraints;
        for (const auto& c : doc.at("constraints"))
            constraints += (constraints.empty() ? "" : ",") + c.get<std::string>();
        s.constraints = Constraint::parseList(constraints);
        s.budget = doc.at("budget").get<int64_t>();
        s.timeBudgetS = doc.value("time_budget_s", 0.0);
        s.seed = doc.at("seed").get<uint64_t>();
        s.workers = doc.value("workers", 1);
        s.device = doc.value("device", std::string("cpu"));
        s.data = doc.value("data", std::string());
        s.epochs = doc.value("epochs", 1);
        s.latencyDevice = doc.value("latency_device", std::string("gold_6226"));
        s.options = doc.value("options", std::map<std::string, double>());
        s.textOptions = doc.value("text_options", std::map<std::string, std::string>());
        return s;
    } catch (const json::exception& e) {
        throw std::invalid_argument(std::string("the study's run settings are damaged: ") + e.what());
    }
}

} // namespace archscape
