#include "StudySearch.h"

#include "eval/EvaluatorRegistry.h"
#include "search/StrategyRegistry.h"

#include <stdexcept>

namespace archscape {

namespace {

StrategySettings strategySettings(const RunSettings& settings)
{
    StrategySettings s;
    s.objectives = settings.objectives;
    s.constraints = settings.constraints;
    s.seed = settings.seed;
    s.budget = settings.budget;
    s.options = settings.options;
    return s;
}

} // namespace

StudySearch::StudySearch(Study& study, std::unique_ptr<Evaluator> evaluator)
    : evaluator_(std::move(evaluator))
{
    if (!study.settings())
        throw std::invalid_argument("the study has no run settings yet: start a search first");
    const RunSettings& settings = *study.settings();
    strategy_ = StrategyRegistry::create(settings.strategy, study.codec(), strategySettings(settings));
    if (!evaluator_)
        evaluator_ = EvaluatorRegistry::create(settings, study.codec());
    RunLimits limits{settings.budget, settings.timeBudgetS, settings.workers};
    runner_ = std::make_unique<SearchRunner>(study.storage(), study.codec(), *strategy_,
                                             *evaluator_, settings.objectives, limits);
}

StudySearch::~StudySearch() = default;

std::unique_ptr<Evaluator> StudySearch::check(const RunSettings& settings,
                                              const ArchitectureCodec& codec)
{
    StrategyRegistry::create(settings.strategy, codec, {});
    return EvaluatorRegistry::create(settings, codec);
}

} // namespace archscape
