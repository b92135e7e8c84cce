#pragma once
// The image data set of an evaluator that trains or scores networks ("train",
// "supernet"): loaded from the run's --data folder and checked against the
// space, with errors that name the evaluator and say what to change.

#include "space/ArchitectureCodec.h"
#include "study/RunSettings.h"
#include "torch/TrainingData.h"
#include "torch/TrainingSettings.h"

#include <memory>
#include <string>

namespace archscape {

// Throws std::invalid_argument when --data is missing or unreadable, or
// when the space's networks do not take the images or score their classes.
std::shared_ptr<const TrainingData> loadEvaluatorData(const std::string& evaluator,
                                                      const RunSettings& run,
                                                      const TrainingSettings& settings,
                                                      const ArchitectureCodec& codec);

} // namespace archscape
