#pragma once
// The evaluators the engine knows by name ("nb201", "cost"), created from a
// study's run settings.

#include "Evaluator.h"
#include "space/ArchitectureCodec.h"
#include "study/RunSettings.h"

#include <memory>
#include <string>
#include <vector>

namespace archscape {

class EvaluatorRegistry
{
public:
    static std::vector<std::string> names();
    // Throws std::invalid_argument for an unknown name or unusable settings
    // (a missing --data, a table that cannot be read).
    static std::unique_ptr<Evaluator> create(const RunSettings& settings,
                                             const ArchitectureCodec& codec);
};

} // namespace archscape
