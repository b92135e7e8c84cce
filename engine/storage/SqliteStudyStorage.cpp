#include "SqliteStudyStorage.h"

#include <sqlite3.h>

#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace archscape {

namespace {

const char* kSchema = R"sql(
CREATE TABLE spaces (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    json        TEXT NOT NULL
);
CREATE TABLE studies (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    space_id    INTEGER NOT NULL REFERENCES spaces(id),
    settings    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE trials (
    id             INTEGER PRIMARY KEY,
    study_id       INTEGER NOT NULL REFERENCES studies(id),
    number         INTEGER NOT NULL,
    encoding       TEXT NOT NULL,
    arch_hash      TEXT NOT NULL,
    state          TEXT NOT NULL
                   CHECK (state IN ('queued', 'running', 'complete', 'failed', 'pruned')),
    proposed_after INTEGER NOT NULL DEFAULT 0,
    observed_seq   INTEGER,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    started_at     TEXT,
    finished_at    TEXT,
    worker         TEXT,
    error          TEXT,
    UNIQUE (study_id, number)
);
CREATE INDEX trials_by_state ON trials(study_id, state);
CREATE INDEX trials_by_hash ON trials(study_id, arch_hash);
CREATE TABLE metrics (
    trial_id    INTEGER NOT NULL REFERENCES trials(id),
    name        TEXT NOT NULL,
    step        INTEGER NOT NULL DEFAULT 0,
    value       REAL NOT NULL,
    PRIMARY KEY (trial_id, name, step)
) WITHOUT ROWID;
CREATE TABLE predictions (
    id          INTEGER PRIMARY KEY,
    predictor   TEXT NOT NULL,
    trial_id    INTEGER NOT NULL REFERENCES trials(id),
    predicted   REAL NOT NULL,
    measured    REAL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE artifacts (
    id          INTEGER PRIMARY KEY,
    trial_id    INTEGER REFERENCES trials(id),
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    data        BLOB NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";

uint32_t bigEndian(const unsigned char* p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

bool exists(const std::string& path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

} // namespace

SqliteStudyStorage::SqliteStudyStorage(const std::string& path, SqliteDatabase::Mode mode)
    : db_(path, mode)
{
}

SqliteStudyStorage::~SqliteStudyStorage() = default;

void SqliteStudyStorage::checkHeader(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw StorageError(path, std::string("cannot open the study: ") + std::strerror(errno));
    unsigned char header[100] = {};
    in.read(reinterpret_cast<char*>(header), sizeof header);
    if (in.gcount() < 100 || std::memcmp(header, "SQLite format 3", 16) != 0)
        throw StorageError(path, "not an Archscape study (not an SQLite database); left as it is");
    if (bigEndian(header + 68) != static_cast<uint32_t>(kApplicationId))
        throw StorageError(path,
                           "not an Archscape study (an SQLite database of another application); "
                           "left as it is");
    uint32_t version = bigEndian(header + 60);
    if (version > static_cast<uint32_t>(kSchemaVersion))
        throw StorageError(path, "this study has schema version " + std::to_string(version)
                                     + ", written by a newer Archscape; this one reads up to "
                                     + std::to_string(kSchemaVersion) + ". Nothing was changed.");
    if (version < 1)
        throw StorageError(path, "this study has no schema version; it may be damaged");
}

std::unique_ptr<SqliteStudyStorage> SqliteStudyStorage::create(const std::string& path,
                                                                const std::string& name,
                                                                const std::string& spaceJson)
{
    if (exists(path))
        throw StorageError(path, "the file exists already; choose another name");
    std::unique_ptr<SqliteStudyStorage> s(new SqliteStudyStorage(path, SqliteDatabase::Mode::Create));
    // The header (application id, schema version) goes to the main file
    // before WAL mode starts: a reader checks it there, also after a crash
    // that leaves the first commits only in the -wal file.
    s->db_.transaction([&] {
        s->db_.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        s->db_.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
        s->db_.exec(kSchema);
        SqliteStatement space(s->db_.handle(), "INSERT INTO spaces(name, json) VALUES (?, ?)", path);
        space.bind(1, name).bind(2, spaceJson).run();
        int64_t spaceId = s->db_.lastInsertId();
        SqliteStatement study(s->db_.handle(), "INSERT INTO studies(name, space_id) VALUES (?, ?)",
                              path);
        study.bind(1, name).bind(2, spaceId).run();
        s->studyId_ = s->db_.lastInsertId();
    });
    s->configure();
    s->prepare();
    return s;
}

std::unique_ptr<SqliteStudyStorage> SqliteStudyStorage::open(const std::string& path)
{
    checkHeader(path);
    std::unique_ptr<SqliteStudyStorage> s(
        new SqliteStudyStorage(path, SqliteDatabase::Mode::OpenExisting));
    s->configure();
    SqliteStatement q(s->db_.handle(), "SELECT id FROM studies ORDER BY id LIMIT 1", path);
    if (!q.step())
        throw StorageError(path, "the study file holds no study; it may be damaged");
    s->studyId_ = q.int64(0);
    s->prepare();
    return s;
}

void SqliteStudyStorage::configure()
{
    // WAL: readers (the app's views) never block the writer. NORMAL sync is
    // durable against a killed process; only a power cut can lose the last
    // commits.
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA foreign_keys = ON");
}

void SqliteStudyStorage::prepare()
{
    auto h = db_.handle();
    insertTrial_ = std::make_unique<SqliteStatement>(
        h,
        "INSERT INTO trials(study_id, number, encoding, arch_hash, state, proposed_after) "
        "VALUES (?, (SELECT COALESCE(MAX(number) + 1, 0) FROM trials WHERE study_id = ?), ?, ?, "
        "'queued', ?) RETURNING id, number, created_at",
        db_.path());
    setRunning_ = std::make_unique<SqliteStatement>(
        h,
        "UPDATE trials SET state = 'running', worker = ?, "
        "started_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        db_.path());
    setFinished_ = std::make_unique<SqliteStatement>(
        h,
        "UPDATE trials SET state = ?, error = ?, observed_seq = ?, "
        "finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        db_.path());
    insertMetric_ = std::make_unique<SqliteStatement>(
        h, "INSERT OR REPLACE INTO metrics(trial_id, name, step, value) VALUES (?, ?, ?, ?)",
        db_.path());
}

StudyInfo SqliteStudyStorage::study() const
{
    SqliteStatement q(db_.handle(),
                      "SELECT s.id, s.name, p.json, s.settings, s.created_at FROM studies s "
                      "JOIN spaces p ON p.id = s.space_id WHERE s.id = ?",
                      db_.path());
    q.bind(1, studyId_);
    if (!q.step())
        throw StorageError(db_.path(), "the study is missing");
    StudyInfo info;
    info.id = q.int64(0);
    info.name = q.text(1);
    info.spaceJson = q.text(2);
    info.settingsJson = q.text(3);
    info.createdAt = q.text(4);
    return info;
}

void SqliteStudyStorage::setSettings(const std::string& settingsJson)
{
    SqliteStatement q(db_.handle(), "UPDATE studies SET settings = ? WHERE id = ?", db_.path());
    q.bind(1, settingsJson).bind(2, studyId_).run();
}

void SqliteStudyStorage::addTrial(TrialRecord& trial)
{
    insertTrial_->bind(1, studyId_)
        .bind(2, studyId_)
        .bind(3, trial.encoding)
        .bind(4, trial.archHash)
        .bind(5, trial.proposedAfter);
    if (!insertTrial_->step())
        throw StorageError(db_.path(), "adding a trial returned nothing");
    trial.id = insertTrial_->int64(0);
    trial.number = insertTrial_->int64(1);
    trial.createdAt = insertTrial_->text(2);
    trial.state = TrialState::Queued;
    insertTrial_->run();
}

void SqliteStudyStorage::markRunning(int64_t trialId, const std::string& worker)
{
    setRunning_->bind(1, worker).bind(2, trialId).run();
}

void SqliteStudyStorage::finishTrial(int64_t trialId, TrialState state,
                                     const std::map<std::string, double>& metrics,
                                     const std::vector<CurvePoint>& curves,
                                     const std::string& error, int64_t observedSeq)
{
    db_.transaction([&] {
        for (const auto& [name, value] : metrics)
            insertMetric_->bind(1, trialId).bind(2, name).bind(3, int64_t{0}).bind(4, value).run();
        for (const auto& c : curves)
            insertMetric_->bind(1, trialId).bind(2, c.name).bind(3, c.step).bind(4, c.value).run();
        setFinished_->bind(1, std::string(trialStateName(state)));
        if (error.empty())
            setFinished_->bindNull(2);
        else
            setFinished_->bind(2, error);
        setFinished_->bind(3, observedSeq).bind(4, trialId).run();
    });
}

int SqliteStudyStorage::requeueRunning()
{
    SqliteStatement q(db_.handle(),
                      "UPDATE trials SET state = 'queued', started_at = NULL, worker = NULL "
                      "WHERE study_id = ? AND state = 'running'",
                      db_.path());
    q.bind(1, studyId_).run();
    return sqlite3_changes(db_.handle());
}

std::vector<TrialRecord> SqliteStudyStorage::trials() const
{
    std::vector<TrialRecord> result;
    SqliteStatement q(db_.handle(),
                      "SELECT id, number, encoding, arch_hash, state, proposed_after, observed_seq, "
                      "created_at, started_at, finished_at, worker, error FROM trials "
                      "WHERE study_id = ? ORDER BY number",
                      db_.path());
    q.bind(1, studyId_);
    std::map<int64_t, size_t> byId;
    while (q.step()) {
        TrialRecord t;
        t.id = q.int64(0);
        t.number = q.int64(1);
        t.encoding = q.text(2);
        t.archHash = q.text(3);
        t.state = trialStateFromName(q.text(4)).value_or(TrialState::Failed);
        t.proposedAfter = q.int64(5);
        if (!q.isNull(6))
            t.observedSeq = q.int64(6);
        t.createdAt = q.text(7);
        t.startedAt = q.text(8);
        t.finishedAt = q.text(9);
        t.worker = q.text(10);
        t.error = q.text(11);
        byId[t.id] = result.size();
        result.push_back(std::move(t));
    }
    SqliteStatement m(db_.handle(),
                      "SELECT m.trial_id, m.name, m.value FROM metrics m JOIN trials t ON "
                      "t.id = m.trial_id WHERE t.study_id = ? AND m.step = 0",
                      db_.path());
    m.bind(1, studyId_);
    while (m.step()) {
        auto it = byId.find(m.int64(0));
        if (it != byId.end())
            result[it->second].metrics[m.text(1)] = m.real(2);
    }
    return result;
}

int64_t SqliteStudyStorage::trialCount() const
{
    SqliteStatement q(db_.handle(), "SELECT COUNT(*) FROM trials WHERE study_id = ?", db_.path());
    q.bind(1, studyId_);
    q.step();
    return q.int64(0);
}

std::vector<CurvePoint> SqliteStudyStorage::curves(int64_t trialId) const
{
    std::vector<CurvePoint> result;
    SqliteStatement q(db_.handle(),
                      "SELECT name, step, value FROM metrics WHERE trial_id = ? AND step > 0 "
                      "ORDER BY name, step",
                      db_.path());
    q.bind(1, trialId);
    while (q.step())
        result.push_back({q.text(0), q.int64(1), q.real(2)});
    return result;
}

void SqliteStudyStorage::addPredictions(const std::vector<PredictionRecord>& predictions)
{
    db_.transaction([&] {
        SqliteStatement q(db_.handle(),
                          "INSERT INTO predictions(predictor, trial_id, predicted, measured) "
                          "VALUES (?, ?, ?, ?)",
                          db_.path());
        for (const auto& p : predictions) {
            q.bind(1, p.predictor).bind(2, p.trialId).bind(3, p.predicted);
            if (p.measured)
                q.bind(4, *p.measured);
            else
                q.bindNull(4);
            q.run();
        }
    });
}

std::vector<PredictionRecord> SqliteStudyStorage::predictions(const std::string& predictor) const
{
    std::vector<PredictionRecord> result;
    SqliteStatement q(db_.handle(),
                      "SELECT predictor, trial_id, predicted, measured FROM predictions "
                      "WHERE ?1 = '' OR predictor = ?1 ORDER BY id",
                      db_.path());
    q.bind(1, predictor);
    while (q.step()) {
        PredictionRecord p{q.text(0), q.int64(1), q.real(2), std::nullopt};
        if (!q.isNull(3))
            p.measured = q.real(3);
        result.push_back(std::move(p));
    }
    return result;
}

std::vector<std::string> SqliteStudyStorage::predictorNames() const
{
    std::vector<std::string> result;
    SqliteStatement q(db_.handle(),
                      "SELECT predictor FROM predictions GROUP BY predictor ORDER BY MIN(id)",
                      db_.path());
    while (q.step())
        result.push_back(q.text(0));
    return result;
}

void SqliteStudyStorage::addArtifact(int64_t trialId, const std::string& kind,
                                     const std::string& name, const std::string& data)
{
    SqliteStatement q(db_.handle(),
                      "INSERT INTO artifacts(trial_id, kind, name, data) VALUES (?, ?, ?, ?)",
                      db_.path());
    q.bind(1, trialId).bind(2, kind).bind(3, name);
    q.bindBlob(4, data).run();
}

std::optional<std::string> SqliteStudyStorage::artifact(int64_t trialId,
                                                        const std::string& kind) const
{
    SqliteStatement q(db_.handle(),
                      "SELECT data FROM artifacts WHERE trial_id = ? AND kind = ? "
                      "ORDER BY id DESC LIMIT 1",
                      db_.path());
    q.bind(1, trialId).bind(2, kind);
    if (!q.step())
        return std::nullopt;
    return q.blob(0);
}

void SqliteStudyStorage::setStudyArtifact(const std::string& kind, const std::string& name,
                                          const std::string& data)
{
    db_.transaction([&] {
        SqliteStatement remove(db_.handle(),
                               "DELETE FROM artifacts WHERE trial_id IS NULL AND kind = ? AND name = ?",
                               db_.path());
        remove.bind(1, kind).bind(2, name).run();
        SqliteStatement insert(db_.handle(),
                               "INSERT INTO artifacts(trial_id, kind, name, data) VALUES (NULL, ?, ?, ?)",
                               db_.path());
        insert.bind(1, kind).bind(2, name);
        insert.bindBlob(3, data).run();
    });
}

std::optional<std::string> SqliteStudyStorage::studyArtifact(const std::string& kind,
                                                             const std::string& name) const
{
    SqliteStatement q(db_.handle(),
                      "SELECT data FROM artifacts WHERE trial_id IS NULL AND kind = ? AND name = ? "
                      "ORDER BY id DESC LIMIT 1",
                      db_.path());
    q.bind(1, kind).bind(2, name);
    if (!q.step())
        return std::nullopt;
    return q.blob(0);
}

} // namespace archscape
