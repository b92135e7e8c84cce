#include "TrialSelection.h"

namespace archscape {

TrialSelection::TrialSelection(QObject* parent) : QObject(parent) {}

void TrialSelection::select(int64_t trialId)
{
    if (trialId == current_)
        return;
    current_ = trialId;
    Q_EMIT changed(trialId);
}

} // namespace archscape
