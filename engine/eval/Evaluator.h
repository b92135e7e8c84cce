#pragma once
// Evaluates one architecture: trains it, looks it up, or counts its cost.
// evaluate() may run on several worker threads at once. A failure the
// search should survive (divergence, a table miss) is reported in the
// outcome, not thrown.

#include "space/Architecture.h"
#include "study/PhaseReporter.h"
#include "study/TrialRecord.h"

#include <map>
#include <string>
#include <vector>

namespace archscape {

class StudyStorage;

// A file the evaluator made for a trial (trained weights, say), stored in
// the study's artifacts table before the trial is marked finished.
struct EvaluationArtifact
{
    std::string kind; // e.g. "weights"
    std::string name;
    std::string data;
};

struct EvaluationOutcome
{
    TrialState state = TrialState::Complete;
    std::map<std::string, double> metrics;
    std::vector<CurvePoint> curves;
    std::string error;
    std::vector<EvaluationArtifact> artifacts;
    // What a time budget counts: simulated (tabular) or measured seconds.
    double costSeconds = 0.0;
};

class Evaluator
{
public:
    virtual ~Evaluator() = default;
    virtual std::string name() const = 0;
    // True when costSeconds is simulated rather than measured.
    virtual bool simulatesTime() const { return false; }
    virtual EvaluationOutcome evaluate(const Architecture& arch) = 0;

    // Called once per run, on the runner's thread, before the first
    // evaluation: an evaluator with state for the whole study (a trained
    // supernet) loads it from, or saves it to, the study here. May throw.
    // A long preparation reports through `phases` and checks
    // phases.stopRequested() between its steps: when the run is stopped it
    // returns early, storing nothing half-done, and no trial is evaluated.
    virtual void prepare(StudyStorage& storage, PhaseReporter& phases)
    {
        (void)storage;
        (void)phases;
    }
};

} // namespace archscape
