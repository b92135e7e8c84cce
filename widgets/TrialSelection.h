#pragma once
// The trial selected anywhere in the app: the trials table, the Pareto
// view, the predictor view and the architecture view all set it and follow
// it, so selecting a trial in one selects it in all.

#include <QObject>

#include <cstdint>

namespace archscape {

class TrialSelection : public QObject
{
    Q_OBJECT

public:
    static constexpr int64_t kNone = 0; // trial ids start at 1

    explicit TrialSelection(QObject* parent = nullptr);

    int64_t current() const { return current_; }
    // Selects a trial (kNone clears); emits changed() only on a change.
    void select(int64_t trialId);

Q_SIGNALS:
    void changed(int64_t trialId);

private:
    int64_t current_ = kNone;
};

} // namespace archscape
