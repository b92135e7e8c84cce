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
    s.textOptions = settings.textOptions;
    s.data = settings.data;
    s.device = settings.device;
    s.createPredictor = [](const std::string& name, const PredictorRequest& request) {
        return PredictorRegistry::create(name, request);
    };
    s.createScorer = [](const std::string& name, const ArchitectureCodec& codec,
                        const ScorerSettings& scorer) {
        return ArchitectureScorerRegistry::create(name, codec, scorer);
    };
    return s;
}

} // namespace

StudySearch::StudySearch(Study& study, std::unique_ptr<Evaluator> evaluator)
    : evaluator_(std::move(evaluator))
{
    if (!study.settings())
        throw std::invalid_argument("the study has no run settings yet: start a search first");
    const RunSettings& settings = *study.settings();
    StrategySettings strategy = strategySettings(settings);
    strategy.storage = &study.storage();
    // The runner is made after the strategy it drives: forward to it.
    strategy.phases = PhaseReporter(
        [this](const PhaseProgress& phase) {
            if (runner_)
                runner_->reportPhase(phase);
        },
        [this] { return runner_ && runner_->stopRequested(); });
    strategy_ = StrategyRegistry::create(settings.strategy, study.codec(), strategy);
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
    StrategyRegistry::create(settings.strategy, codec, strategySettings(settings));
    return EvaluatorRegistry::create(settings, codec);
}

} // namespace archscape
