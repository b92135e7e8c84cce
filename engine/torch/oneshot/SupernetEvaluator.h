#pragma once
// The "supernet" evaluator (supernet inheritance): trains one single-path
// supernet over the study's space for --epochs on an IDX data set, once,
// then scores each architecture with the weights it inherits, after
// batch-norm recalibration: valid_acc and test_acc (percent), params and
// flops (counted from the network), and latency_ms estimated from the
// study's per-operation latency table when an objective or constraint
// names it. The trained supernet is stored in the study (artifacts
// "supernet"/"weights" and "supernet"/"training"), so `resume` loads it
// instead of training again; so is the latency table it grows.

#include "InheritedWeightsScorer.h"
#include "SinglePathSupernet.h"
#include "SupernetTrainer.h"
#include "eval/Evaluator.h"
#include "study/RunSettings.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace archscape {

class LatencyTable;

class SupernetEvaluator : public Evaluator
{
public:
    static constexpr const char* kArtifactKind = "supernet";
    static constexpr const char* kLatencyPhaseName = "timing the supernet's operations";

    // Loads the data set named by run.data and checks that the space's
    // networks fit it. Options (run.options): the training ones (see
    // TrainingSettings), sampling (0 uniform, 1 fair), bn_batches,
    // valid_images, test_images (see InheritedScoring). Throws
    // std::invalid_argument with a sentence for anything unusable.
    SupernetEvaluator(const ArchitectureCodec& codec, const RunSettings& run);
    ~SupernetEvaluator() override;

    std::string name() const override { return "supernet"; }
    // Loads the study's trained supernet, or trains one and stores it; and
    // brings the study's latency table up to date when latency is needed.
    // Both report through `phases` (SupernetTrainer::kPhaseName, then
    // kLatencyPhaseName) and end early, storing no supernet, when the run
    // is stopped. Throws std::runtime_error when training fails.
    void prepare(StudyStorage& storage, PhaseReporter& phases) override;
    // Trains the supernet first when prepare() did not.
    EvaluationOutcome evaluate(const Architecture& arch) override;

    // Trains the supernet unless it is trained or loaded; returns whether
    // this call trained it (false too when `phases` stopped it: training()
    // then stays unset). Throws std::runtime_error when training fails.
    bool ensureTrained(PhaseReporter* phases = nullptr);
    // Set once the supernet is trained (by this evaluator) or loaded.
    const std::optional<SupernetTrainingResult>& training() const { return training_; }
    bool loadedFromStudy() const { return loadedFromStudy_; }
    SinglePathSupernet& supernet() { return supernet_; }

private:
    std::string trainingJson() const;
    void updateLatencyTable(StudyStorage& storage, PhaseReporter& phases);
    double latencyMs(const Network& net);

    const ArchitectureCodec& codec_;
    TrainingSettings settings_;
    SupernetPathSampler::Mode sampling_;
    std::shared_ptr<const TrainingData> data_;
    SinglePathSupernet supernet_;
    std::unique_ptr<InheritedWeightsScorer> scorer_;
    bool measureLatency_ = false;
    std::mutex trainingMutex_;
    std::optional<SupernetTrainingResult> training_;
    bool loadedFromStudy_ = false;
    std::mutex latencyMutex_;
    std::unique_ptr<LatencyTable> latencyTable_;
};

// Adds "supernet" to the EvaluatorRegistry; call once at start-up.
void registerSupernetEvaluator();

} // namespace archscape
