#include "CostEvaluator.h"

#include "cost/NetworkCost.h"

namespace archscape {

EvaluationOutcome CostEvaluator::evaluate(const Architecture& arch)
{
    NetworkCost cost = NetworkCost::of(codec_.network(arch, false));
    EvaluationOutcome out;
    out.metrics["params"] = static_cast<double>(cost.params);
    out.metrics["flops"] = static_cast<double>(cost.macs);
    return out;
}

} // namespace archscape
