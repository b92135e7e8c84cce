#pragma once
// Where a study lives: its space, its settings and every trial with its
// metrics. SQLite is the built-in backend; a backend for many machines
// (PostgreSQL) implements the same interface. Every call is durable when it
// returns: the runner writes each state change before acting on it.

#include "study/TrialRecord.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace archscape {

struct StudyInfo
{
    int64_t id = 0;
    std::string name;
    std::string spaceJson;
    std::string settingsJson; // empty until a search is configured
    std::string createdAt;
};

struct PredictionRecord
{
    std::string predictor;
    int64_t trialId = 0;
    double predicted = 0.0;
    std::optional<double> measured;
};

class StudyStorage
{
public:
    virtual ~StudyStorage() = default;

    virtual std::string location() const = 0;
    virtual StudyInfo study() const = 0;
    virtual void setSettings(const std::string& settingsJson) = 0;

    // Adds a queued trial; fills in its id and number.
    virtual void addTrial(TrialRecord& trial) = 0;
    virtual void markRunning(int64_t trialId, const std::string& worker) = 0;
    // Final state, metrics, curves and the observation order, in one transaction.
    virtual void finishTrial(int64_t trialId, TrialState state,
                             const std::map<std::string, double>& metrics,
                             const std::vector<CurvePoint>& curves, const std::string& error,
                             int64_t observedSeq) = 0;
    // After a crash: trials left running go back to queued. Returns how many.
    virtual int requeueRunning() = 0;

    virtual std::vector<TrialRecord> trials() const = 0; // by number
    virtual int64_t trialCount() const = 0;
    virtual std::vector<CurvePoint> curves(int64_t trialId) const = 0;

    virtual void addPredictions(const std::vector<PredictionRecord>& predictions) = 0;
    // Every stored prediction of one predictor (of all, for an empty name), oldest first.
    virtual std::vector<PredictionRecord> predictions(const std::string& predictor = {}) const = 0;
    virtual std::vector<std::string> predictorNames() const = 0;
    virtual void addArtifact(int64_t trialId, const std::string& kind, const std::string& name,
                             const std::string& data) = 0;
    // The newest artifact of that kind for the trial, if any.
    virtual std::optional<std::string> artifact(int64_t trialId, const std::string& kind) const = 0;
    // Artifacts of the whole study (a latency table, a predictor's settings):
    // one per kind and name, replaced when set again.
    virtual void setStudyArtifact(const std::string& kind, const std::string& name,
                                  const std::string& data) = 0;
    virtual std::optional<std::string> studyArtifact(const std::string& kind,
                                                     const std::string& name) const = 0;
};

} // namespace archscape
