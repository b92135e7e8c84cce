#pragma once
// Shared by the search tests: the bundled NAS-Bench-201 space, the real
// NAS-Bench-201 table (read from ARCHSCAPE_SHARED_DATA, loaded once), and
// one call that runs a search on a study file the way the CLI does.

#include "eval/Nb201Table.h"
#include "eval/Nb201TableEvaluator.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "space/SpaceFile.h"
#include "study/Study.h"

#include <QFile>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace searchtest {

using namespace archscape;

inline std::string nb201TablePath()
{
    return (qEnvironmentVariable("ARCHSCAPE_SHARED_DATA") + "/nb201/nb201_cifar10.csv").toStdString();
}

inline std::string nb201SpacePath()
{
    return (qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/resources/spaces/nb201.json").toStdString();
}

inline std::shared_ptr<const Nb201Table> nb201Table()
{
    static std::shared_ptr<const Nb201Table> table =
        std::make_shared<const Nb201Table>(nb201TablePath());
    return table;
}

struct RunSpec
{
    std::string strategy = "random";
    uint64_t seed = 0;
    int64_t budget = 100;
    int workers = 1;
    double timeBudgetS = 0.0;
    std::string objectives = "valid_acc:max";
    std::string constraints;
    std::map<std::string, double> options;
};

struct RunResult
{
    SearchRunner::Outcome outcome = SearchRunner::Outcome::Exhausted;
    int requeued = 0;
    std::vector<TrialRecord> trials; // the whole study after the run, by number
};

using EvaluatorFactory = std::function<std::unique_ptr<Evaluator>(const ArchitectureCodec&)>;
using ProgressHook = std::function<void(SearchRunner&, const RunProgress&)>;

inline std::unique_ptr<Study> openOrCreateNb201Study(const std::string& path)
{
    if (QFile::exists(QString::fromStdString(path)))
        return Study::open(path);
    return Study::create(path, SpaceFile::load(nb201SpacePath()), "test");
}

inline StrategySettings strategySettings(const RunSpec& spec)
{
    StrategySettings s;
    s.objectives = Objective::parseList(spec.objectives);
    s.constraints = Constraint::parseList(spec.constraints);
    s.seed = spec.seed;
    s.budget = spec.budget;
    s.options = spec.options;
    return s;
}

inline std::unique_ptr<Evaluator> nb201Evaluator(const ArchitectureCodec& codec)
{
    return std::make_unique<Nb201TableEvaluator>(codec, nb201Table());
}

// Opens the study (creating it on the NAS-Bench-201 space when the file is
// missing), builds a fresh strategy, evaluator and runner, and runs it: a
// second call on the same file is a resume.
inline RunResult runStudy(const std::string& path, const RunSpec& spec,
                          const EvaluatorFactory& makeEvaluator = {}, const ProgressHook& hook = {})
{
    std::unique_ptr<Study> study = openOrCreateNb201Study(path);
    StrategySettings settings = strategySettings(spec);
    std::unique_ptr<Strategy> strategy =
        StrategyRegistry::create(spec.strategy, study->codec(), settings);
    std::unique_ptr<Evaluator> evaluator =
        makeEvaluator ? makeEvaluator(study->codec()) : nb201Evaluator(study->codec());
    SearchRunner runner(study->storage(), study->codec(), *strategy, *evaluator,
                        settings.objectives, RunLimits{spec.budget, spec.timeBudgetS, spec.workers});
    if (hook)
        runner.setProgressCallback([&](const RunProgress& p) { hook(runner, p); });
    RunResult result;
    result.outcome = runner.run();
    result.requeued = runner.requeuedAtStart();
    result.trials = study->storage().trials();
    return result;
}

inline std::vector<std::string> encodingsByNumber(const std::vector<TrialRecord>& trials)
{
    std::vector<std::string> e;
    for (const auto& t : trials)
        e.push_back(t.encoding);
    return e;
}

// The order in which results reached the strategy; trials without a result last.
inline std::vector<std::string> encodingsByObservation(const std::vector<TrialRecord>& trials)
{
    std::vector<const TrialRecord*> order;
    for (const auto& t : trials)
        order.push_back(&t);
    std::stable_sort(order.begin(), order.end(), [](const TrialRecord* a, const TrialRecord* b) {
        return a->observedSeq.value_or(INT64_MAX) < b->observedSeq.value_or(INT64_MAX);
    });
    std::vector<std::string> e;
    for (const auto* t : order)
        e.push_back(t->encoding);
    return e;
}

inline std::vector<int64_t> proposedAfter(const std::vector<TrialRecord>& trials)
{
    std::vector<int64_t> p;
    for (const auto& t : trials)
        p.push_back(t.proposedAfter);
    return p;
}

inline const char* outcomeName(SearchRunner::Outcome o)
{
    switch (o) {
    case SearchRunner::Outcome::BudgetReached:
        return "BudgetReached";
    case SearchRunner::Outcome::Stopped:
        return "Stopped";
    case SearchRunner::Outcome::Exhausted:
        return "Exhausted";
    }
    return "?";
}

} // namespace searchtest
