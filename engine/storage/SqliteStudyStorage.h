#pragma once
// A study in one SQLite file (WAL mode), readable with any SQLite tool; the
// schema is in docs/storage.md. Files are recognised by their application
// id; a file that is not an Archscape study is refused and never altered,
// and a file of a newer schema is refused with the version it has.

#include "SqliteDatabase.h"
#include "StudyStorage.h"
#include "TrialQuery.h"

#include <memory>

namespace archscape {

class SqliteStudyStorage : public StudyStorage
{
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr int32_t kApplicationId = 0x41524353; // "ARCS"

    // Creates a new study file; refuses to touch an existing file.
    static std::unique_ptr<SqliteStudyStorage> create(const std::string& path,
                                                      const std::string& name,
                                                      const std::string& spaceJson);
    static std::unique_ptr<SqliteStudyStorage> open(const std::string& path);
    // For views: reads only, never blocks a search writing the same file
    // (in this process or another), and never alters the file.
    static std::unique_ptr<SqliteStudyStorage> openReadOnly(const std::string& path);
    ~SqliteStudyStorage() override;

    std::string location() const override { return db_.path(); }
    StudyInfo study() const override;
    void setSettings(const std::string& settingsJson) override;

    void addTrial(TrialRecord& trial) override;
    void markRunning(int64_t trialId, const std::string& worker) override;
    void finishTrial(int64_t trialId, TrialState state,
                     const std::map<std::string, double>& metrics,
                     const std::vector<CurvePoint>& curves, const std::string& error,
                     int64_t observedSeq) override;
    int requeueRunning() override;

    std::vector<TrialRecord> trials() const override;
    int64_t trialCount() const override;
    std::vector<CurvePoint> curves(int64_t trialId) const override;

    void addPredictions(const std::vector<PredictionRecord>& predictions) override;
    std::vector<PredictionRecord> predictions(const std::string& predictor = {}) const override;
    std::vector<std::string> predictorNames() const override;
    void addArtifact(int64_t trialId, const std::string& kind, const std::string& name,
                     const std::string& data) override;
    std::optional<std::string> artifact(int64_t trialId, const std::string& kind) const override;
    void setStudyArtifact(const std::string& kind, const std::string& name,
                          const std::string& data) override;
    std::optional<std::string> studyArtifact(const std::string& kind,
                                             const std::string& name) const override;

    // Lazy views over many trials: one page of the trials that match, in
    // the query's order, with their final metrics; how many match; and
    // where one trial stands (nullopt when it does not match).
    std::vector<TrialRecord> queryTrials(const TrialQuery& query, int64_t offset,
                                         int64_t limit) const;
    int64_t countTrials(const TrialQuery& query) const;
    std::optional<int64_t> positionOf(const TrialQuery& query, int64_t trialId) const;
    // Trials with an id above `afterId` and the trials `ids` names, by id,
    // with their final metrics: what a view re-reads after a change.
    std::vector<TrialRecord> trialsSince(int64_t afterId, const std::vector<int64_t>& ids) const;
    // Changes whenever another connection commits to the file: a cheap poll.
    int64_t dataVersion() const;
    // Final metric names the first trials carry, in knownMetricNames() order
    // first, then by name.
    std::vector<std::string> metricNames() const;
    // Adds trials as they are (state, times, final metrics) in one
    // transaction, filling in ids and numbers: imports and benchmarks.
    void importTrials(std::vector<TrialRecord>& trials);

private:
    explicit SqliteStudyStorage(const std::string& path, SqliteDatabase::Mode mode);
    void configure();
    void findStudy(const std::string& path);
    void prepare();
    std::string matchSql(const TrialQuery& query, bool withSortMetric) const;
    void bindQuery(SqliteStatement& statement, const TrialQuery& query) const;
    std::vector<TrialRecord> readTrials(SqliteStatement& statement) const;
    std::vector<TrialRecord> readAllTrials() const;
    std::vector<TrialRecord> readTrialPage(const TrialQuery& query, int64_t offset,
                                           int64_t limit) const;
    std::vector<TrialRecord> readTrialsSince(int64_t afterId, const std::vector<int64_t>& ids) const;
    std::optional<std::vector<TrialRecord>> metricPageByKey(const TrialQuery& query, int64_t offset,
                                                            int64_t limit) const;
    void readMetrics(std::vector<TrialRecord>& trials) const;
    // Reads the header bytes without opening the file for writing.
    static void checkHeader(const std::string& path);

    SqliteDatabase db_;
    int64_t studyId_ = 0;
    bool onlyStudy_ = false; // the file holds no other study: indexes need no study filter
    std::unique_ptr<SqliteStatement> insertTrial_, setRunning_, setFinished_, insertMetric_;
};

} // namespace archscape
