// A plugin that loads fine but whose components throw while a search runs:
// an evaluator that throws in evaluate() (a std::exception, and something
// that is not one), and strategies that throw in propose() or observe()
// after a few trials.

#include "plugin/PluginInterface.h"
#include "search/RandomSearch.h"

#include <stdexcept>

namespace {

using namespace archscape;

class ThrowingEvaluator : public Evaluator
{
public:
    explicit ThrowingEvaluator(bool standard) : standard_(standard) {}
    std::string name() const override { return standard_ ? "throws" : "throws-int"; }
    EvaluationOutcome evaluate(const Architecture&) override
    {
        if (standard_)
            throw std::runtime_error("deliberate failure in evaluate");
        throw 42;
    }

private:
    bool standard_;
};

// Random search that fails on the call after `healthyCalls` of one kind.
class FailingSearch : public RandomSearch
{
public:
    FailingSearch(const ArchitectureCodec& codec, const StrategySettings& settings, bool inPropose)
        : RandomSearch(codec, settings), inPropose_(inPropose)
    {
    }
    std::string name() const override { return inPropose_ ? "fails-propose" : "fails-observe"; }
    std::optional<Architecture> propose() override
    {
        if (inPropose_ && proposals_++ == kHealthyCalls)
            throw std::runtime_error("deliberate failure in propose");
        return RandomSearch::propose();
    }
    void observe(const Observation& observation) override
    {
        if (!inPropose_ && observations_++ == kHealthyCalls)
            throw std::logic_error("deliberate failure in observe");
        RandomSearch::observe(observation);
    }

private:
    static constexpr int kHealthyCalls = 3;
    bool inPropose_;
    int proposals_ = 0;
    int observations_ = 0;
};

class ThrowingComponentsPlugin : public Plugin
{
public:
    std::string name() const override { return "throwing-components"; }
    std::string version() const override { return "0.1"; }
    std::string description() const override { return "components that fail while running"; }
    void registerComponents(PluginRegistrar& registrar) override
    {
        registrar.addEvaluator("throws", [](const RunSettings&, const ArchitectureCodec&) {
            return std::unique_ptr<Evaluator>(std::make_unique<ThrowingEvaluator>(true));
        });
        registrar.addEvaluator("throws-int", [](const RunSettings&, const ArchitectureCodec&) {
            return std::unique_ptr<Evaluator>(std::make_unique<ThrowingEvaluator>(false));
        });
        registrar.addStrategy("fails-propose", [](const auto& codec, const auto& settings) {
            return std::unique_ptr<Strategy>(
                std::make_unique<FailingSearch>(codec, settings, true));
        });
        registrar.addStrategy("fails-observe", [](const auto& codec, const auto& settings) {
            return std::unique_ptr<Strategy>(
                std::make_unique<FailingSearch>(codec, settings, false));
        });
    }
};

} // namespace

ARCHSCAPE_DECLARE_PLUGIN(ThrowingComponentsPlugin)
