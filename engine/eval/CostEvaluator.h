#pragma once
// Counts parameters and multiply-accumulates of the network an
// architecture builds, without training: the "cost" evaluator.

#include "Evaluator.h"
#include "space/ArchitectureCodec.h"

namespace archscape {

class CostEvaluator : public Evaluator
{
public:
    explicit CostEvaluator(const ArchitectureCodec& codec) : codec_(codec) {}
    std::string name() const override { return "cost"; }
    EvaluationOutcome evaluate(const Architecture& arch) override;

private:
    const ArchitectureCodec& codec_;
};

} // namespace archscape
