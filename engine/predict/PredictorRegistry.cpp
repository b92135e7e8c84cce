#include "PredictorRegistry.h"

#include "XgboostPredictor.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace archscape {

namespace {

std::unique_ptr<Predictor> createXgboost(const PredictorRequest& request)
{
    XgboostSettings s;
    s.rounds = request.trees;
    s.members = request.members;
    s.seed = request.seed;
    return std::make_unique<XgboostPredictor>(s);
}

std::vector<std::pair<std::string, PredictorRegistry::Factory>>& factories()
{
    static std::vector<std::pair<std::string, PredictorRegistry::Factory>> known{
        {"xgb", createXgboost},
    };
    return known;
}

auto find(const std::string& name)
{
    auto& all = factories();
    return std::find_if(all.begin(), all.end(), [&](const auto& entry) { return entry.first == name; });
}

} // namespace

void PredictorRegistry::add(const std::string& name, Factory factory)
{
    if (auto it = find(name); it != factories().end())
        it->second = std::move(factory);
    else
        factories().emplace_back(name, std::move(factory));
}

std::vector<std::string> PredictorRegistry::names()
{
    std::vector<std::string> result;
    for (const auto& entry : factories())
        result.push_back(entry.first);
    return result;
}

bool PredictorRegistry::has(const std::string& name)
{
    return find(name) != factories().end();
}

std::unique_ptr<Predictor> PredictorRegistry::create(const std::string& name,
                                                     const PredictorRequest& request)
{
    if (auto it = find(name); it != factories().end())
        return it->second(request);
    std::string known;
    for (const auto& n : names())
        known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown predictor model '" + name + "' (known: " + known + ")");
}

} // namespace archscape
