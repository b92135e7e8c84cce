#pragma once
// The "train" evaluator: builds each architecture as a LibTorch network,
// trains it from scratch on an IDX data set (Fashion-MNIST, say) and
// reports valid_acc and test_acc (percent, as the NAS-Bench-201 table),
// params, flops, train_time_s, the curves train_loss, valid_acc and
// epoch_time_s, and the trained weights as a "weights" artifact. A failure
// (divergence, out of memory, a network that cannot be built) is a failed
// trial with its reason; the search goes on. The data set is loaded once
// and shared read-only, so several workers may evaluate at once.

#include "TrainingSettings.h"
#include "eval/Evaluator.h"
#include "space/ArchitectureCodec.h"

#include <memory>
#include <string>

namespace archscape {

class TrainingData;
class Trainer;

class TrainEvaluator : public Evaluator
{
public:
    // Loads the data set named by run.data and checks that the space's
    // networks fit its images and classes. Throws std::invalid_argument
    // with a sentence for a missing or unreadable data set, settings out of
    // range, an unusable device, or a space that does not fit the data.
    TrainEvaluator(const ArchitectureCodec& codec, const RunSettings& run);
    ~TrainEvaluator() override;

    std::string name() const override { return "train"; }
    EvaluationOutcome evaluate(const Architecture& arch) override;

    const TrainingSettings& settings() const;

private:
    // Each architecture trains with a seed of its own, from the study's
    // seed and its encoding: results do not depend on the order in which
    // workers pick trials up.
    uint64_t seedFor(const std::string& encoding) const;

    const ArchitectureCodec& codec_;
    std::shared_ptr<const TrainingData> data_;
    std::unique_ptr<Trainer> trainer_;
};

// Registers "train" with the EvaluatorRegistry; call once at start-up.
void registerTrainEvaluator();

} // namespace archscape
