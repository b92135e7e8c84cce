#include "EvaluatorRegistry.h"

#include "CostEvaluator.h"
#include "Nb201TableEvaluator.h"

#include <stdexcept>

namespace archscape {

std::vector<std::string> EvaluatorRegistry::names()
{
    return {"nb201", "cost"};
}

std::unique_ptr<Evaluator> EvaluatorRegistry::create(const RunSettings& settings,
                                                     const ArchitectureCodec& codec)
{
    if (settings.evaluator == "cost")
        return std::make_unique<CostEvaluator>(codec);
    if (settings.evaluator == "nb201") {
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
    std::string known;
    for (const auto& n : names())
        known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown evaluator '" + settings.evaluator + "' (known: " + known
                                + ")");
}

} // namespace archscape
