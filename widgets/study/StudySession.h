#pragma once
// A study opened in the app: its space (as a codec), its run settings and
// its trials, read through a read-only connection, so a search writing the
// same file (from the run panel or another process) never waits for the
// views. It polls the file cheaply (SQLite's data version) and announces
// new data; the views then re-read only what they show. Views that want
// every trial (the Pareto view) get them once from a background load, then
// only the trials that arrived or changed since.

#include "space/ArchitectureCodec.h"
#include "storage/SqliteStudyStorage.h"
#include "study/RunSettings.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace archscape {

class StudySession : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultPollMs = 250;

    // Throws StorageError, SpaceError or std::invalid_argument with a
    // sentence naming the problem (not a study, a damaged space or settings).
    static StudySession* open(const QString& path, QObject* parent = nullptr);
    ~StudySession() override;

    QString path() const { return path_; }
    QString name() const { return QString::fromStdString(info_.name); }
    const StudyInfo& info() const { return info_; }
    const ArchitectureCodec& codec() const { return *codec_; }
    const SearchSpace& space() const { return codec_->space(); }
    // Empty until a search was started.
    const std::optional<RunSettings>& settings() const { return settings_; }
    const SqliteStudyStorage& storage() const { return *storage_; }
    int64_t trialCount() const { return trialCount_; }
    std::optional<TrialRecord> trial(int64_t trialId) const;
    // The trial's architecture as people read it: the NAS-Bench-201 string
    // in that space, else the canonical encoding.
    QString architectureText(const std::string& encoding) const;

    void setPollInterval(int milliseconds);
    // Reads every trial on a worker thread (its own connection), then hands
    // them over with trialsReplaced(); until then trialsUpdated() waits.
    void loadAllTrials();
    bool isLoading() const { return loading_; }

public Q_SLOTS:
    // Re-reads the settings and the trial count if anything was committed
    // since the last look, and then emits changed().
    void refresh();

Q_SIGNALS:
    void changed();
    void trialsReplaced(const std::vector<archscape::TrialRecord>& trials);
    // Trials added or changed (state, metrics) since the last hand-over.
    void trialsUpdated(const std::vector<archscape::TrialRecord>& trials);

private:
    StudySession(const QString& path, std::unique_ptr<SqliteStudyStorage> storage, QObject* parent);
    void readStudy();
    void takeLoadedTrials(std::vector<TrialRecord> trials);
    void followTrials(const std::vector<TrialRecord>& trials);
    void readUpdates();

    QString path_;
    std::unique_ptr<SqliteStudyStorage> storage_;
    StudyInfo info_;
    std::unique_ptr<ArchitectureCodec> codec_;
    std::optional<RunSettings> settings_;
    int64_t trialCount_ = 0;
    int64_t dataVersion_ = -1;
    bool nb201_ = false;
    bool loading_ = false;
    bool following_ = false; // trials were handed over; updates follow
    bool updatesQueued_ = false;
    int64_t lastTrialId_ = 0;
    std::vector<int64_t> unfinished_; // handed over as queued or running
    QTimer* poll_;
};

} // namespace archscape
