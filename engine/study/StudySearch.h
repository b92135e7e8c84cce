#pragma once
// A study's search assembled from its stored run settings: the strategy and
// the evaluator by name, and the runner over the study's storage. The CLI's
// run and resume and the desktop app's run panel all start searches here.

#include "Study.h"
#include "search/SearchRunner.h"

#include <memory>

namespace archscape {

class StudySearch
{
public:
    // The study must have settings. Throws std::invalid_argument naming an
    // unknown strategy or evaluator, or settings the evaluator cannot use
    // (a missing or unreadable data file). `evaluator` replaces the one the
    // settings name (already created, e.g. while checking the settings).
    explicit StudySearch(Study& study, std::unique_ptr<Evaluator> evaluator = nullptr);
    ~StudySearch();
    // The strategy's phase reporter forwards to this object's runner.
    StudySearch(const StudySearch&) = delete;
    StudySearch& operator=(const StudySearch&) = delete;

    // Checks settings for a study without storing anything; returns the
    // evaluator they make, so it is not built twice. Throws like the constructor.
    static std::unique_ptr<Evaluator> check(const RunSettings& settings,
                                            const ArchitectureCodec& codec);

    SearchRunner& runner() { return *runner_; }

private:
    std::unique_ptr<Strategy> strategy_;
    std::unique_ptr<Evaluator> evaluator_;
    std::unique_ptr<SearchRunner> runner_;
};

} // namespace archscape
