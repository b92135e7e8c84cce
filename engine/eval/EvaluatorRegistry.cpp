#include "EvaluatorRegistry.h"

#include "CostEvaluator.h"
#include "Nb201TableEvaluator.h"
#include "plugin/PluginCatalog.h"

#include <map>
#include <stdexcept>

namespace archscape {

namespace {

std::unique_ptr<Evaluator> createTable(const RunSettings& settings, const ArchitectureCodec& codec)
{
    if (settings.data.empty())
        throw std::invalid_argument("the nb201 evaluator needs --data PATH/nb201_cifar10.csv");
    std::shared_ptr<const Nb201Table> table;
    try {
        table = std::make_shared<const Nb201Table>(settings.data);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(e.what());
    }
    return std::make_unique<Nb201TableEvaluator>(codec, table, settings.latencyDevice);
}

std::map<std::string, EvaluatorRegistry::Factory>& factories()
{
    static std::map<std::string, EvaluatorRegistry::Factory> known{
        {"cost", [](const RunSettings&, const ArchitectureCodec& codec) {
             return std::unique_ptr<Evaluator>(std::make_unique<CostEvaluator>(codec));
         }},
        {"nb201", createTable},
    };
    return known;
}

} // namespace

void EvaluatorRegistry::add(const std::string& name, Factory factory)
{
    factories()[name] = std::move(factory);
}

bool EvaluatorRegistry::has(const std::string& name)
{
    return factories().count(name) > 0;
}

std::vector<std::string> EvaluatorRegistry::names()
{
    PluginCatalog::global().loadDefaultFolders();
    std::vector<std::string> result;
    for (const auto& [name, factory] : factories())
        result.push_back(name);
    return result;
}

std::unique_ptr<Evaluator> EvaluatorRegistry::create(const RunSettings& settings,
                                                     const ArchitectureCodec& codec)
{
    PluginCatalog::global().loadDefaultFolders();
    auto it = factories().find(settings.evaluator);
    if (it != factories().end())
        return it->second(settings, codec);
    std::string known;
    for (const auto& n : names())
        known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown evaluator '" + settings.evaluator + "' (known: " + known
                                + ")");
}

} // namespace archscape
