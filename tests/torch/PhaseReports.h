#pragma once
// What a run reported of its long phases (RunProgress::phase), for the
// tests of the phases of the supernet evaluator and the darts strategy.

#include "search/SearchRunner.h"
#include "study/StudySearch.h"

#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace torchtest {

using PhaseReports = std::vector<std::pair<std::string, std::vector<archscape::PhaseProgress>>>;

// The phases in the order they ran, each with its reports.
inline PhaseReports phasesOf(const std::vector<archscape::RunProgress>& reports)
{
    PhaseReports phases;
    for (const archscape::RunProgress& r : reports) {
        if (!r.phase)
            continue;
        if (phases.empty() || phases.back().first != r.phase->name)
            phases.push_back({r.phase->name, {}});
        phases.back().second.push_back(*r.phase);
    }
    return phases;
}

// Empty when the phase went from step 0 to its last step, never back, with
// the same step count throughout, epochs that never go back, and an ETA of
// 0 at the end; else what is wrong.
inline QString completeAndMonotone(const std::vector<archscape::PhaseProgress>& phase)
{
    if (phase.empty())
        return "no report";
    const int64_t steps = phase.front().steps;
    if (steps <= 0 || phase.front().step != 0)
        return QString("starts at step %1 of %2").arg(phase.front().step).arg(steps);
    for (size_t i = 1; i < phase.size(); ++i) {
        if (phase[i].steps != steps)
            return QString("the step count changed from %1 to %2").arg(steps).arg(phase[i].steps);
        if (phase[i].step < phase[i - 1].step || phase[i].epoch < phase[i - 1].epoch)
            return QString("went back from step %1 to %2").arg(phase[i - 1].step).arg(phase[i].step);
    }
    const archscape::PhaseProgress& last = phase.back();
    if (last.step != steps || last.etaS != 0.0 || last.fraction() != 1.0)
        return QString("ends at step %1 of %2, ETA %3").arg(last.step).arg(steps).arg(last.etaS);
    return {};
}

// Runs the study's search, asking it to stop when a phase reports step
// `stopAt`; returns how the run ended and the last phase step reported.
inline std::pair<archscape::SearchRunner::Outcome, int64_t>
runStoppingAtPhaseStep(archscape::Study& study, int64_t stopAt)
{
    archscape::StudySearch search(study);
    int64_t lastStep = -1;
    search.runner().setProgressCallback([&](const archscape::RunProgress& p) {
        if (!p.phase)
            return;
        lastStep = p.phase->step;
        if (p.phase->step == stopAt)
            search.runner().requestStop();
    });
    const archscape::SearchRunner::Outcome outcome = search.runner().run();
    return {outcome, lastStep};
}

} // namespace torchtest
