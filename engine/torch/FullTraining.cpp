#include "FullTraining.h"

#include "eval/EvaluatorRegistry.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace archscape {

namespace {

std::string resultJson(const TrialRecord& trial, const RunSettings& settings,
                       const EvaluationOutcome& outcome)
{
    nlohmann::json doc;
    doc["trial"] = trial.number;
    doc["encoding"] = trial.encoding;
    doc["state"] = trialStateName(outcome.state);
    doc["error"] = outcome.error;
    doc["epochs"] = settings.epochs;
    doc["settings"] = nlohmann::json::parse(settings.toJson());
    doc["metrics"] = outcome.metrics;
    nlohmann::json curves = nlohmann::json::object();
    for (const CurvePoint& c : outcome.curves)
        curves[c.name].push_back({{"step", c.step}, {"value", c.value}});
    doc["curves"] = curves;
    return doc.dump();
}

} // namespace

RunSettings FullTraining::settingsFor(const Study& study, int epochs)
{
    RunSettings s = study.settings().value_or(RunSettings());
    if (s.evaluator != "train") {
        // Settings of another evaluator (a table path as data, say) say
        // nothing about training; keep only the seed and device.
        RunSettings fresh;
        fresh.seed = s.seed;
        fresh.device = s.device;
        s = fresh;
    }
    s.evaluator = "train";
    s.epochs = epochs;
    s.options["train_fraction"] = 1.0;
    return s;
}

FullTrainingResult FullTraining::run(Study& study, int64_t trialNumber, const RunSettings& settings)
{
    FullTrainingResult result;
    bool found = false;
    for (const TrialRecord& t : study.storage().trials())
        if (t.number == trialNumber) {
            result.trial = t;
            found = true;
        }
    if (!found)
        throw std::invalid_argument("the study has no trial " + std::to_string(trialNumber)
                                    + " (it has " + std::to_string(study.storage().trialCount())
                                    + ", numbered from 0)");
    const Architecture arch = study.codec().decode(result.trial.encoding);
    auto evaluator = EvaluatorRegistry::create(settings, study.codec());
    result.outcome = evaluator->evaluate(arch);

    for (const EvaluationArtifact& a : result.outcome.artifacts)
        study.storage().addArtifact(result.trial.id, a.kind,
                                    "full training, " + std::to_string(settings.epochs) + " epochs",
                                    a.data);
    study.storage().setStudyArtifact(kArtifactKind, artifactName(trialNumber),
                                     resultJson(result.trial, settings, result.outcome));
    return result;
}

std::string FullTraining::artifactName(int64_t trialNumber)
{
    return "trial-" + std::to_string(trialNumber);
}

} // namespace archscape
