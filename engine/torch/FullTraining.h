#pragma once
// Full training of one chosen architecture of a study (its search trained
// every candidate briefly): trains that trial's architecture with the
// "train" evaluator for more epochs on the whole training split and keeps
// the result beside the search rather than in it, so the search's history
// (and its replay on resume) stays as it was. The trained weights become
// the trial's newest "weights" artifact (what export picks up); the metrics
// and curves are the study artifact of kind "full_training" named
// "trial-N", as JSON.

#include "eval/Evaluator.h"
#include "study/RunSettings.h"
#include "study/Study.h"

#include <cstdint>
#include <string>

namespace archscape {

struct FullTrainingResult
{
    TrialRecord trial;
    EvaluationOutcome outcome;
};

class FullTraining
{
public:
    static constexpr const char* kArtifactKind = "full_training";

    // The settings for fully training with the study's own settings as the
    // base: the "train" evaluator, `epochs` epochs, the whole training split.
    static RunSettings settingsFor(const Study& study, int epochs);

    // Trains trial `trialNumber` (its number in proposal order) and stores
    // the result. Throws std::invalid_argument for a trial number the study
    // lacks or unusable settings (no data set, say); a training that fails
    // is returned and stored as failed, with its reason.
    static FullTrainingResult run(Study& study, int64_t trialNumber, const RunSettings& settings);

    static std::string artifactName(int64_t trialNumber);
};

} // namespace archscape
