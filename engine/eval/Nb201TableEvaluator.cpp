#include "Nb201TableEvaluator.h"

#include "space/Nb201Format.h"

#include <stdexcept>

namespace archscape {

Nb201TableEvaluator::Nb201TableEvaluator(const ArchitectureCodec& codec,
                                         std::shared_ptr<const Nb201Table> table,
                                         const std::string& latencyDevice)
    : codec_(codec), table_(std::move(table)), device_(table_->deviceIndex(latencyDevice)),
      cost_(codec)
{
    if (device_ < 0) {
        std::string known;
        for (const auto& d : table_->devices())
            known += (known.empty() ? "" : ", ") + d;
        throw std::invalid_argument("the NAS-Bench-201 table has no latency for device '"
                                    + latencyDevice + "' (devices: " + known + ")");
    }
    Nb201Format::format(codec_, codec_.defaultArchitecture()); // throws for a non-NB201 space
}

EvaluationOutcome Nb201TableEvaluator::evaluate(const Architecture& arch)
{
    std::string key = Nb201Format::format(codec_, arch);
    const Nb201Row* row = table_->find(key);
    if (!row) {
        EvaluationOutcome failed;
        failed.state = TrialState::Failed;
        failed.error = "the NAS-Bench-201 table has no row for " + key;
        return failed;
    }
    EvaluationOutcome out;
    {
        std::lock_guard<std::mutex> lock(costMutex_);
        auto cached = costs_.find(key);
        if (cached == costs_.end())
            cached = costs_.emplace(key, cost_.evaluate(arch).metrics).first;
        out.metrics = cached->second;
    }
    out.metrics["valid_acc"] = row->validAcc;
    out.metrics["test_acc"] = row->testAcc;
    out.metrics["train_time_s"] = row->trainTimeS;
    out.metrics["latency_ms"] = row->latencyMs[static_cast<size_t>(device_)];
    out.costSeconds = row->trainTimeS;
    return out;
}

} // namespace archscape
