#include "SqliteStudyStorage.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <iterator>
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

// Every trial column, in the order readTrials() reads them.
const char* const kTrialColumns =
    "t.id, t.number, t.encoding, t.arch_hash, t.state, t.proposed_after, t.observed_seq, "
    "t.created_at, t.started_at, t.finished_at, t.worker, t.error";

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
    s->onlyStudy_ = true;
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
    s->findStudy(path);
    s->prepare();
    return s;
}

std::unique_ptr<SqliteStudyStorage> SqliteStudyStorage::openReadOnly(const std::string& path)
{
    checkHeader(path);
    std::unique_ptr<SqliteStudyStorage> s(
        new SqliteStudyStorage(path, SqliteDatabase::Mode::ReadOnly));
    s->findStudy(path);
    s->prepare();
    return s;
}

// The first study of the file; whether it is the only one.
void SqliteStudyStorage::findStudy(const std::string& path)
{
    SqliteStatement q(db_.handle(), "SELECT id FROM studies ORDER BY id LIMIT 2", path);
    if (!q.step())
        throw StorageError(path, "the study file holds no study; it may be damaged");
    studyId_ = q.int64(0);
    onlyStudy_ = !q.step();
}

void SqliteStudyStorage::configure()
{
    // WAL: readers (the app's views) never block the writer. NORMAL sync is
    // durable against a killed process; only a power cut can lose the last
    // commits.
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA foreign_keys = ON");
    // Sorting and filtering a million trials by a metric walks this index
    // instead of sorting; added to older files when they are first opened.
    db_.exec("CREATE INDEX IF NOT EXISTS metrics_by_value ON metrics(name, step, value)");
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

std::vector<TrialRecord> SqliteStudyStorage::readAllTrials() const
{
    SqliteStatement q(db_.handle(),
                      std::string("SELECT ") + kTrialColumns
                          + " FROM trials t WHERE t.study_id = ? ORDER BY t.number",
                      db_.path());
    q.bind(1, studyId_);
    std::vector<TrialRecord> result = readTrials(q);
    std::map<int64_t, size_t> byId;
    for (size_t i = 0; i < result.size(); ++i)
        byId[result[i].id] = i;
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

std::vector<TrialRecord> SqliteStudyStorage::readTrials(SqliteStatement& q) const
{
    std::vector<TrialRecord> result;
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
        result.push_back(std::move(t));
    }
    return result;
}

// Final metrics of a page of trials, by primary key: a few rows each.
void SqliteStudyStorage::readMetrics(std::vector<TrialRecord>& trials) const
{
    if (trials.empty())
        return;
    std::map<int64_t, size_t> byId;
    std::string ids;
    for (size_t i = 0; i < trials.size(); ++i) {
        byId[trials[i].id] = i;
        ids += (i ? "," : "") + std::to_string(trials[i].id);
    }
    SqliteStatement m(db_.handle(),
                      "SELECT trial_id, name, value FROM metrics WHERE step = 0 AND trial_id IN ("
                          + ids + ")",
                      db_.path());
    while (m.step())
        trials[byId.at(m.int64(0))].metrics[m.text(1)] = m.real(2);
}

// FROM and WHERE of the trials a query matches; `withSortMetric` joins the
// sort metric as `s` (and so keeps only trials that have it).
std::string SqliteStudyStorage::matchSql(const TrialQuery& query, bool withSortMetric) const
{
    std::string sql = " FROM trials t";
    if (withSortMetric)
        sql += " JOIN metrics s ON s.trial_id = t.id AND s.name = :sort AND s.step = 0";
    if (!query.rangeMetric.empty()) {
        sql += " JOIN metrics f ON f.trial_id = t.id AND f.name = :range AND f.step = 0";
        if (query.rangeMin)
            sql += " AND f.value >= :low";
        if (query.rangeMax)
            sql += " AND f.value <= :high";
    }
    sql += " WHERE t.study_id = :study";
    if (query.state)
        sql += " AND t.state = :state";
    return sql;
}

void SqliteStudyStorage::bindQuery(SqliteStatement& q, const TrialQuery& query) const
{
    auto bindText = [&q](const char* name, const std::string& value) {
        if (int i = q.parameterIndex(name))
            q.bind(i, value);
    };
    auto bindReal = [&q](const char* name, const std::optional<double>& value) {
        if (int i = q.parameterIndex(name); i && value)
            q.bind(i, *value);
    };
    if (int i = q.parameterIndex(":study"))
        q.bind(i, studyId_);
    bindText(":sort", query.sortMetric);
    bindText(":range", query.rangeMetric);
    bindReal(":low", query.rangeMin);
    bindReal(":high", query.rangeMax);
    if (query.state)
        bindText(":state", trialStateName(*query.state));
}

// A page deep in a metric's order: skipping rows costs a join per row, so
// the page's first key is found in the metric index alone, and the page
// read from there. Only without filters (and with one study in the file),
// where the index holds exactly the rows in question; nullopt otherwise.
std::optional<std::vector<TrialRecord>>
SqliteStudyStorage::metricPageByKey(const TrialQuery& query, int64_t offset, int64_t limit) const
{
    if (!onlyStudy_ || query.state || !query.rangeMetric.empty() || offset < 4 * limit)
        return std::nullopt;
    const std::string direction = query.descending ? " DESC" : "";
    SqliteStatement first(db_.handle(),
                          "SELECT value, trial_id FROM metrics WHERE name = ? AND step = 0 "
                          "ORDER BY value" + direction + ", trial_id" + direction
                              + " LIMIT 1 OFFSET ?",
                          db_.path());
    first.bind(1, query.sortMetric).bind(2, offset);
    if (!first.step())
        return std::nullopt; // among the trials without the metric
    const double value = first.real(0);
    const int64_t trialId = first.int64(1);
    SqliteStatement q(db_.handle(),
                      std::string("SELECT * FROM (SELECT ") + kTrialColumns + matchSql(query, true)
                          + " AND (s.value, s.trial_id) " + (query.descending ? "<=" : ">=")
                          + " (:value, :id) ORDER BY s.value" + direction + ", s.trial_id" + direction
                          + ") UNION ALL SELECT * FROM (SELECT " + kTrialColumns
                          + matchSql(query, false)
                          + " AND NOT EXISTS (SELECT 1 FROM metrics m WHERE m.trial_id = t.id AND "
                            "m.name = :sort AND m.step = 0) ORDER BY t.number) LIMIT :limit",
                      db_.path());
    bindQuery(q, query);
    q.bind(q.parameterIndex(":value"), value).bind(q.parameterIndex(":id"), trialId);
    q.bind(q.parameterIndex(":limit"), limit);
    std::vector<TrialRecord> page = readTrials(q);
    readMetrics(page);
    return page;
}

std::vector<TrialRecord> SqliteStudyStorage::readTrialPage(const TrialQuery& query, int64_t offset,
                                                          int64_t limit) const
{
    if (!query.sortMetric.empty())
        if (auto page = metricPageByKey(query, offset, limit))
            return std::move(*page);
    const std::string direction = query.descending ? " DESC" : "";
    std::string sql;
    if (query.sortMetric.empty()) {
        sql = std::string("SELECT ") + kTrialColumns + matchSql(query, false)
              + " ORDER BY t.number" + direction;
    } else {
        // Those with the metric in the metric's index order, then the rest.
        sql = std::string("SELECT * FROM (SELECT ") + kTrialColumns + matchSql(query, true)
              + " ORDER BY s.value" + direction + ", s.trial_id" + direction
              + ") UNION ALL SELECT * FROM (SELECT " + kTrialColumns + matchSql(query, false)
              + " AND NOT EXISTS (SELECT 1 FROM metrics m WHERE m.trial_id = t.id AND "
                "m.name = :sort AND m.step = 0) ORDER BY t.number)";
    }
    sql += " LIMIT :limit OFFSET :offset";
    SqliteStatement q(db_.handle(), sql, db_.path());
    bindQuery(q, query);
    q.bind(q.parameterIndex(":limit"), limit).bind(q.parameterIndex(":offset"), offset);
    std::vector<TrialRecord> page = readTrials(q);
    readMetrics(page);
    return page;
}

int64_t SqliteStudyStorage::countTrials(const TrialQuery& query) const
{
    SqliteStatement q(db_.handle(), "SELECT COUNT(*)" + matchSql(query, false), db_.path());
    bindQuery(q, query);
    q.step();
    return q.int64(0);
}

std::optional<int64_t> SqliteStudyStorage::positionOf(const TrialQuery& query,
                                                      int64_t trialId) const
{
    SqliteStatement match(db_.handle(), "SELECT t.number" + matchSql(query, false) + " AND t.id = :id",
                          db_.path());
    bindQuery(match, query);
    match.bind(match.parameterIndex(":id"), trialId);
    if (!match.step())
        return std::nullopt;
    const int64_t number = match.int64(0);
    const char* before = query.descending ? " > " : " < ";

    auto count = [&](const std::string& sql, const std::optional<double>& value) {
        SqliteStatement q(db_.handle(), "SELECT COUNT(*)" + sql, db_.path());
        bindQuery(q, query);
        if (int i = q.parameterIndex(":id"))
            q.bind(i, trialId);
        if (int i = q.parameterIndex(":number"))
            q.bind(i, number);
        if (int i = q.parameterIndex(":value"); i && value)
            q.bind(i, *value);
        q.step();
        return q.int64(0);
    };
    if (query.sortMetric.empty())
        return count(matchSql(query, false) + " AND t.number" + before + ":number", std::nullopt);

    SqliteStatement own(db_.handle(),
                        "SELECT value FROM metrics WHERE trial_id = ? AND name = ? AND step = 0",
                        db_.path());
    own.bind(1, trialId).bind(2, query.sortMetric);
    if (own.step()) {
        const double value = own.real(0);
        return count(matchSql(query, true) + " AND (s.value" + before + ":value OR (s.value = :value"
                         + " AND s.trial_id" + before + ":id))",
                     value);
    }
    return count(matchSql(query, true), std::nullopt)
           + count(matchSql(query, false)
                       + " AND NOT EXISTS (SELECT 1 FROM metrics m WHERE m.trial_id = t.id AND "
                         "m.name = :sort AND m.step = 0) AND t.number < :number",
                   std::nullopt);
}

std::vector<TrialRecord> SqliteStudyStorage::readTrialsSince(int64_t afterId,
                                                             const std::vector<int64_t>& ids) const
{
    std::string listed;
    for (int64_t id : ids)
        listed += (listed.empty() ? "" : ",") + std::to_string(id);
    SqliteStatement q(db_.handle(),
                      std::string("SELECT ") + kTrialColumns
                          + " FROM trials t WHERE t.study_id = ? AND (t.id > ? OR t.id IN (" + listed
                          + ")) ORDER BY t.id",
                      db_.path());
    q.bind(1, studyId_).bind(2, afterId);
    std::vector<TrialRecord> result = readTrials(q);
    // A page at a time: the IN list of readMetrics stays short.
    for (size_t start = 0; start < result.size(); start += 500) {
        std::vector<TrialRecord> page(std::make_move_iterator(result.begin() + long(start)),
                                      std::make_move_iterator(result.begin()
                                                              + long(std::min(result.size(), start + 500))));
        readMetrics(page);
        std::move(page.begin(), page.end(), result.begin() + long(start));
    }
    return result;
}

int64_t SqliteStudyStorage::dataVersion() const
{
    SqliteStatement q(db_.handle(), "PRAGMA data_version", db_.path());
    q.step();
    return q.int64(0);
}

std::vector<std::string> SqliteStudyStorage::metricNames() const
{
    std::vector<std::string> result;
    SqliteStatement q(db_.handle(),
                      "SELECT DISTINCT name FROM metrics WHERE step = 0 AND trial_id IN "
                      "(SELECT id FROM trials WHERE study_id = ? AND state = 'complete' "
                      "ORDER BY id LIMIT 200) ORDER BY name",
                      db_.path());
    q.bind(1, studyId_);
    while (q.step())
        result.push_back(q.text(0));
    return result;
}

void SqliteStudyStorage::importTrials(std::vector<TrialRecord>& trials)
{
    db_.transaction([&] {
        SqliteStatement next(db_.handle(),
                             "SELECT COALESCE(MAX(number) + 1, 0) FROM trials WHERE study_id = ?",
                             db_.path());
        next.bind(1, studyId_).step();
        int64_t number = next.int64(0);
        SqliteStatement insert(
            db_.handle(),
            "INSERT INTO trials(study_id, number, encoding, arch_hash, state, proposed_after, "
            "observed_seq, created_at, started_at, finished_at, worker, error) VALUES (?, ?, ?, ?, "
            "?, ?, ?, COALESCE(NULLIF(?, ''), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), NULLIF(?, ''), "
            "NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''))",
            db_.path());
        for (auto& t : trials) {
            t.number = number++;
            insert.bind(1, studyId_).bind(2, t.number).bind(3, t.encoding).bind(4, t.archHash);
            insert.bind(5, std::string(trialStateName(t.state))).bind(6, t.proposedAfter);
            insert.bind(7, t.observedSeq).bind(8, t.createdAt).bind(9, t.startedAt);
            insert.bind(10, t.finishedAt).bind(11, t.worker).bind(12, t.error).run();
            t.id = db_.lastInsertId();
            for (const auto& [name, value] : t.metrics)
                insertMetric_->bind(1, t.id).bind(2, name).bind(3, int64_t{0}).bind(4, value).run();
        }
    });
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

// Trials and their metrics are read by separate statements: each public
// read runs in one snapshot, so a trial another connection finishes in
// between never shows up half finished.
std::vector<TrialRecord> SqliteStudyStorage::trials() const
{
    return db_.readSnapshot([&] { return readAllTrials(); });
}

std::vector<TrialRecord> SqliteStudyStorage::queryTrials(const TrialQuery& query, int64_t offset,
                                                         int64_t limit) const
{
    return db_.readSnapshot([&] { return readTrialPage(query, offset, limit); });
}

std::vector<TrialRecord> SqliteStudyStorage::trialsSince(int64_t afterId,
                                                         const std::vector<int64_t>& ids) const
{
    return db_.readSnapshot([&] { return readTrialsSince(afterId, ids); });
}

} // namespace archscape
