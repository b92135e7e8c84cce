#include "TorchComponents.h"

#include "MlpPredictor.h"
#include "TrainEvaluator.h"
#include "ZeroCostEvaluator.h"
#include "ZeroCostScorer.h"
#include "darts/DartsStrategy.h"
#include "oneshot/SposSearch.h"
#include "oneshot/SupernetEvaluator.h"

namespace archscape {

void registerTorchComponents()
{
    registerTrainEvaluator();
    registerZeroCostEvaluator();
    registerSupernetEvaluator();
    registerSposStrategy();
    registerDartsStrategy();
    registerMlpPredictor();
    registerZeroCostScorer();
}

} // namespace archscape
