#pragma once
// The "nb201" evaluator: looks an architecture up in the NAS-Bench-201
// table. The search sees valid_acc; test_acc is recorded for reporting
// only. latency_ms comes from one device column; the simulated training
// time (train_time_s) drives time budgets.

#include "CostEvaluator.h"
#include "Evaluator.h"
#include "Nb201Table.h"
#include "space/ArchitectureCodec.h"

#include <memory>
#include <mutex>
#include <unordered_map>

namespace archscape {

class Nb201TableEvaluator : public Evaluator
{
public:
    static constexpr const char* kDefaultDevice = "gold_6226";

    Nb201TableEvaluator(const ArchitectureCodec& codec, std::shared_ptr<const Nb201Table> table,
                        const std::string& latencyDevice = kDefaultDevice);
    std::string name() const override { return "nb201"; }
    bool simulatesTime() const override { return true; }
    EvaluationOutcome evaluate(const Architecture& arch) override;

private:
    const ArchitectureCodec& codec_;
    std::shared_ptr<const Nb201Table> table_;
    int device_;
    CostEvaluator cost_;
    // Params and FLOPs per cell string: the table has 15,625 rows.
    std::mutex costMutex_;
    std::unordered_map<std::string, std::map<std::string, double>> costs_;
};

} // namespace archscape
