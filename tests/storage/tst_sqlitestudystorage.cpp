// The SQLite study storage: creating and opening study files, the schema as
// any SQLite tool sees it, the trial life cycle, atomic results, recovery
// after a crash, and files that are not studies (or are newer ones), which
// must be refused with a clear message and never altered.

#include "storage/SqliteStudyStorage.h"
#include "storage/StorageError.h"

#include "../support/PlainDb.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <limits>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace archscape;
using testsupport::PlainDb;

namespace {

const char* kSpaceJson = R"({"format":"archscape-space","version":1,"name":"tiny","blocks":[]})";

struct FileState
{
    QByteArray sha256;
    qint64 size = -1;
    QStringList directory; // every entry of the folder, so stray -wal/-shm files show

    bool operator==(const FileState& o) const
    {
        return sha256 == o.sha256 && size == o.size && directory == o.directory;
    }
};

FileState fileState(const QString& path)
{
    FileState s;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        s.sha256 = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
        s.size = f.size();
    }
    s.directory = QFileInfo(path).dir().entryList(QDir::Files | QDir::Hidden, QDir::Name);
    return s;
}


void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
}

QByteArray randomBytes(int count, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray bytes(count, '\0');
    for (auto& b : bytes)
        b = static_cast<char>(rng() & 0xff);
    return bytes;
}

// Expects open() to throw StorageError whose message contains every fragment.
void expectOpenRefused(const QString& path, const QStringList& fragments)
{
    bool thrown = false;
    try {
        SqliteStudyStorage::open(path.toStdString());
    } catch (const StorageError& e) {
        thrown = true;
        const QString message = QString::fromStdString(e.what());
        QVERIFY2(message.contains(path), qPrintable("message does not name the file: " + message));
        for (const auto& f : fragments)
            QVERIFY2(message.contains(f, Qt::CaseInsensitive),
                     qPrintable("message lacks '" + f + "': " + message));
    } catch (const std::exception& e) {
        QFAIL(qPrintable(QString("expected StorageError, got another exception: ") + e.what()));
    }
    QVERIFY2(thrown, "open() accepted a file that is not a readable study");
}

std::unique_ptr<SqliteStudyStorage> newStudy(const QString& path)
{
    return SqliteStudyStorage::create(path.toStdString(), "study one", kSpaceJson);
}

TrialRecord makeTrial(const std::string& encoding, int64_t proposedAfter = 0)
{
    TrialRecord t;
    t.encoding = encoding;
    t.archHash = "00000000000000" + std::to_string(10 + encoding.size() % 90);
    t.proposedAfter = proposedAfter;
    return t;
}

} // namespace

class TestSqliteStudyStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createThenOpen();
    void schemaIsReadableWithPlainSql();
    void walMode();
    void trialLifeCycle();
    void curvesAndFinalMetricsAreApart();
    void finishTrialIsAtomic();
    void finishTrialOfUnknownTrialWritesNothing();
    void requeueRunning();
    void predictionsAndArtifacts();
    void opensAfterCrashBeforeFirstCheckpoint();
    void refusesNonSqliteFile_data();
    void refusesNonSqliteFile();
    void refusesOtherApplicationsDatabase_data();
    void refusesOtherApplicationsDatabase();
    void refusesNewerSchema();
    void refusesMissingFile();
    void createRefusesExistingPath_data();
    void createRefusesExistingPath();
};

void TestSqliteStudyStorage::createThenOpen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("a.db");
    int64_t id = 0;
    {
        auto s = newStudy(path);
        QCOMPARE(QString::fromStdString(s->location()), path);
        StudyInfo info = s->study();
        id = info.id;
        QCOMPARE(info.name, std::string("study one"));
        QCOMPARE(info.spaceJson, std::string(kSpaceJson));
        QVERIFY(info.settingsJson.empty());
        QVERIFY(!info.createdAt.empty());
        QCOMPARE(s->trialCount(), int64_t(0));
        QVERIFY(s->trials().empty());
        s->setSettings(R"({"strategy":"random"})");
    }
    auto s = SqliteStudyStorage::open(path.toStdString());
    StudyInfo info = s->study();
    QCOMPARE(info.id, id);
    QCOMPARE(info.name, std::string("study one"));
    QCOMPARE(info.spaceJson, std::string(kSpaceJson));
    QCOMPARE(info.settingsJson, std::string(R"({"strategy":"random"})"));
}

void TestSqliteStudyStorage::schemaIsReadableWithPlainSql()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("schema.db");
    {
        auto s = newStudy(path);
        TrialRecord t = makeTrial("op=conv");
        s->addTrial(t);
        s->markRunning(t.id, "w0");
        s->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 91.25}, {"params", 1234}},
                       {{"train_loss", 1, 0.75}}, "", 0);
    }
    PlainDb db(path, SQLITE_OPEN_READONLY);
    std::set<std::string> tables;
    for (const auto& r : db.rows("SELECT name FROM sqlite_master WHERE type = 'table'"))
        tables.insert(r[0]);
    for (const char* t : {"studies", "spaces", "trials", "metrics", "predictions", "artifacts"})
        QVERIFY2(tables.count(t), t);
    QCOMPARE(std::stoll(db.scalar("PRAGMA application_id")),
             static_cast<long long>(SqliteStudyStorage::kApplicationId));
    QCOMPARE(std::stoi(db.scalar("PRAGMA user_version")), SqliteStudyStorage::kSchemaVersion);

    auto rows = db.rows("SELECT t.number, t.state, t.encoding, t.worker, m.name, m.step, m.value "
                        "FROM trials t JOIN metrics m ON m.trial_id = t.id "
                        "ORDER BY m.name, m.step");
    QCOMPARE(rows.size(), size_t(3));
    QCOMPARE(rows[0], (std::vector<std::string>{"0", "complete", "op=conv", "w0", "params", "0", "1234.0"}));
    QCOMPARE(rows[1][4], std::string("train_loss"));
    QCOMPARE(rows[1][5], std::string("1"));
    QCOMPARE(std::stod(rows[1][6]), 0.75);
    QCOMPARE(rows[2][4], std::string("valid_acc"));
    QCOMPARE(std::stod(rows[2][6]), 91.25);
    QCOMPARE(db.scalar("SELECT s.name || '|' || p.json FROM studies s JOIN spaces p ON p.id = s.space_id"),
             std::string("study one|") + kSpaceJson);
    QCOMPARE(db.scalar("PRAGMA integrity_check"), std::string("ok"));
}

void TestSqliteStudyStorage::walMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("wal.db");
    auto s = newStudy(path);
    TrialRecord t = makeTrial("a=1");
    s->addTrial(t);
    // While the study is open, the write-ahead log sits beside it.
    QVERIFY(QFile::exists(path + "-wal"));
    PlainDb db(path, SQLITE_OPEN_READONLY);
    QCOMPARE(db.scalar("PRAGMA journal_mode"), std::string("wal"));
    // A reader sees committed trials while the study is still open for writing.
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM trials"), std::string("1"));
}

void TestSqliteStudyStorage::trialLifeCycle()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("life.db");
    std::vector<int64_t> ids;
    {
        auto s = newStudy(path);
        for (int i = 0; i < 3; ++i) {
            TrialRecord t = makeTrial("arch=" + std::to_string(i), i);
            s->addTrial(t);
            QCOMPARE(t.number, int64_t(i));
            QVERIFY(t.id > 0);
            QCOMPARE(t.state, TrialState::Queued);
            QVERIFY(!t.createdAt.empty());
            ids.push_back(t.id);
        }
        QCOMPARE(s->trialCount(), int64_t(3));
        auto trials = s->trials();
        QCOMPARE(trials.size(), size_t(3));
        for (const auto& t : trials) {
            QCOMPARE(t.state, TrialState::Queued);
            QVERIFY(t.startedAt.empty());
            QVERIFY(t.worker.empty());
            QVERIFY(!t.observedSeq);
        }

        s->markRunning(ids[0], "w3");
        trials = s->trials();
        QCOMPARE(trials[0].state, TrialState::Running);
        QCOMPARE(trials[0].worker, std::string("w3"));
        QVERIFY(!trials[0].startedAt.empty());
        QVERIFY(trials[0].finishedAt.empty());

        s->finishTrial(ids[0], TrialState::Complete,
                       {{"valid_acc", 90.5}, {"test_acc", 93.25}, {"params", 1.5e6}},
                       {{"train_loss", 1, 2.0}, {"train_loss", 2, 1.5}, {"valid_acc", 1, 80.0}},
                       "", 0);
        s->markRunning(ids[1], "w1");
        s->finishTrial(ids[1], TrialState::Failed, {}, {}, "the evaluator failed: boom", 1);
        s->markRunning(ids[2], "w2");
        s->finishTrial(ids[2], TrialState::Pruned, {{"valid_acc", 10.0}}, {}, "", 2);
    }
    // Everything survives closing and reopening.
    auto s = SqliteStudyStorage::open(path.toStdString());
    auto trials = s->trials();
    QCOMPARE(trials.size(), size_t(3));
    const TrialRecord& a = trials[0];
    QCOMPARE(a.number, int64_t(0));
    QCOMPARE(a.encoding, std::string("arch=0"));
    QCOMPARE(a.state, TrialState::Complete);
    QCOMPARE(a.observedSeq, std::optional<int64_t>(0));
    QCOMPARE(a.proposedAfter, int64_t(0));
    QVERIFY(!a.finishedAt.empty());
    QVERIFY(a.error.empty());
    QCOMPARE(a.metrics.size(), size_t(3));
    QCOMPARE(*a.metric("valid_acc"), 90.5);
    QCOMPARE(*a.metric("test_acc"), 93.25);
    QCOMPARE(*a.metric("params"), 1.5e6);
    QVERIFY(!a.metric("flops"));

    const TrialRecord& b = trials[1];
    QCOMPARE(b.state, TrialState::Failed);
    QCOMPARE(b.error, std::string("the evaluator failed: boom"));
    QVERIFY(b.metrics.empty());
    QCOMPARE(b.observedSeq, std::optional<int64_t>(1));
    QCOMPARE(b.proposedAfter, int64_t(1));
    QCOMPARE(b.worker, std::string("w1"));

    QCOMPARE(trials[2].state, TrialState::Pruned);
    QCOMPARE(trials[2].observedSeq, std::optional<int64_t>(2));

    // Curves: by name, then step.
    auto curves = s->curves(ids[0]);
    QCOMPARE(curves.size(), size_t(3));
    QCOMPARE(curves[0].name, std::string("train_loss"));
    QCOMPARE(curves[0].step, int64_t(1));
    QCOMPARE(curves[0].value, 2.0);
    QCOMPARE(curves[1].step, int64_t(2));
    QCOMPARE(curves[1].value, 1.5);
    QCOMPARE(curves[2].name, std::string("valid_acc"));
    QVERIFY(s->curves(ids[1]).empty());

    // Numbers keep counting after a reopen.
    TrialRecord next = makeTrial("arch=3", 3);
    s->addTrial(next);
    QCOMPARE(next.number, int64_t(3));
}

void TestSqliteStudyStorage::curvesAndFinalMetricsAreApart()
{
    QTemporaryDir dir;
    auto s = newStudy(dir.filePath("curves.db"));
    TrialRecord t = makeTrial("x=1");
    s->addTrial(t);
    s->markRunning(t.id, "w0");
    // A curve of valid_acc must not overwrite the final valid_acc.
    s->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 91.0}},
                   {{"valid_acc", 1, 50.0}, {"valid_acc", 2, 91.0}}, "", 0);
    auto trials = s->trials();
    QCOMPARE(trials[0].metrics.size(), size_t(1));
    QCOMPARE(*trials[0].metric("valid_acc"), 91.0);
    QCOMPARE(s->curves(t.id).size(), size_t(2));
}

void TestSqliteStudyStorage::finishTrialIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("atomic.db");
    auto s = newStudy(path);
    TrialRecord t = makeTrial("x=1");
    s->addTrial(t);
    s->markRunning(t.id, "w0");

    // "a_first" is written before "valid_acc" (metrics go in name order);
    // SQLite stores NaN as NULL, which the NOT NULL column refuses, so the
    // second insert fails after the first succeeded.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             s->finishTrial(t.id, TrialState::Complete,
                                            {{"a_first", 1.0}, {"valid_acc", nan}}, {}, "", 0));
    {
        PlainDb db(path, SQLITE_OPEN_READONLY);
        QCOMPARE(db.scalar("SELECT COUNT(*) FROM metrics"), std::string("0"));
        QCOMPARE(db.scalar("SELECT state || '|' || COALESCE(observed_seq, 'NULL') || '|' || "
                           "COALESCE(finished_at, 'NULL') FROM trials"),
                 std::string("running|NULL|NULL"));
    }
    // The same for a failing curve point after good metrics.
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             s->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 90.0}},
                                            {{"train_loss", 1, 1.0}, {"train_loss", 2, nan}}, "",
                                            0));
    QCOMPARE(s->trials()[0].state, TrialState::Running);
    QVERIFY(s->trials()[0].metrics.empty());
    QVERIFY(s->curves(t.id).empty());

    // The storage is still usable: the failed transactions were rolled back.
    s->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 90.0}}, {{"train_loss", 1, 1.0}}, "", 0);
    auto trials = s->trials();
    QCOMPARE(trials[0].state, TrialState::Complete);
    QCOMPARE(trials[0].metrics.size(), size_t(1));
    QCOMPARE(s->curves(t.id).size(), size_t(1));
}

void TestSqliteStudyStorage::finishTrialOfUnknownTrialWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("unknown.db");
    auto s = newStudy(path);
    TrialRecord t = makeTrial("x=1");
    s->addTrial(t);
    // Metrics of a trial that does not exist violate the foreign key.
    QVERIFY_THROWS_EXCEPTION(StorageError, s->finishTrial(t.id + 100, TrialState::Complete,
                                                          {{"valid_acc", 1.0}}, {}, "", 0));
    PlainDb db(path, SQLITE_OPEN_READONLY);
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM metrics"), std::string("0"));
    QCOMPARE(db.scalar("SELECT state FROM trials"), std::string("queued"));
}

void TestSqliteStudyStorage::requeueRunning()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("requeue.db");
    std::vector<int64_t> ids;
    {
        auto s = newStudy(path);
        for (int i = 0; i < 4; ++i) {
            TrialRecord t = makeTrial("a=" + std::to_string(i), i);
            s->addTrial(t);
            ids.push_back(t.id);
        }
        s->markRunning(ids[0], "w0");
        s->finishTrial(ids[0], TrialState::Complete, {{"valid_acc", 1.0}}, {}, "", 0);
        s->markRunning(ids[1], "w1");
        s->markRunning(ids[2], "w2");
        // The process dies here (the storage is dropped without finishing 1 and 2).
    }
    auto s = SqliteStudyStorage::open(path.toStdString());
    QCOMPARE(s->requeueRunning(), 2);
    auto trials = s->trials();
    QCOMPARE(trials[0].state, TrialState::Complete);
    QCOMPARE(trials[0].worker, std::string("w0"));
    QCOMPARE(*trials[0].metric("valid_acc"), 1.0);
    for (int i : {1, 2, 3}) {
        QCOMPARE(trials[size_t(i)].state, TrialState::Queued);
        QVERIFY(trials[size_t(i)].worker.empty());
        QVERIFY(trials[size_t(i)].startedAt.empty());
        QVERIFY(!trials[size_t(i)].observedSeq);
    }
    QCOMPARE(s->requeueRunning(), 0);
}

void TestSqliteStudyStorage::predictionsAndArtifacts()
{
    const std::string blob("\0\1\2onnx", 7);
    QTemporaryDir dir;
    const QString path = dir.filePath("extra.db");
    {
        auto s = newStudy(path);
        TrialRecord t = makeTrial("x=1");
        s->addTrial(t);
        s->addPredictions({{"xgb", t.id, 90.0, 91.0}, {"mlp", t.id, 89.0, std::nullopt}});
        s->addArtifact(t.id, "onnx", "model.onnx", blob);
    }
    PlainDb db(path, SQLITE_OPEN_READONLY);
    auto p = db.rows("SELECT predictor, predicted, measured FROM predictions ORDER BY predictor");
    QCOMPARE(p.size(), size_t(2));
    QCOMPARE(p[0][0], std::string("mlp"));
    QCOMPARE(p[0][2], std::string("NULL"));
    QCOMPARE(std::stod(p[1][2]), 91.0);
    QCOMPARE(db.scalar("SELECT kind || '|' || name || '|' || length(data) || '|' || typeof(data) "
                       "FROM artifacts"),
             std::string("onnx|model.onnx|7|blob"));

    auto reopened = SqliteStudyStorage::open(path.toStdString());
    QCOMPARE(reopened->predictorNames(), (std::vector<std::string>{"xgb", "mlp"}));
    auto mlp = reopened->predictions("mlp");
    QCOMPARE(mlp.size(), size_t(1));
    QCOMPARE(mlp[0].predicted, 89.0);
    QVERIFY(!mlp[0].measured);
    QCOMPARE(reopened->predictions().size(), size_t(2));
    QCOMPARE(reopened->artifact(mlp[0].trialId, "onnx"), std::optional<std::string>(blob));
    QVERIFY(!reopened->artifact(mlp[0].trialId, "weights"));

    reopened->setStudyArtifact("latency_table", "cpu", "{\"a\":1}");
    reopened->setStudyArtifact("latency_table", "cpu", "{\"a\":2}");
    QCOMPARE(reopened->studyArtifact("latency_table", "cpu"),
             std::optional<std::string>("{\"a\":2}"));
    QVERIFY(!reopened->studyArtifact("latency_table", "cuda:0"));
    QVERIFY(!reopened->artifact(mlp[0].trialId, "latency_table"));
}

// A process that created a study and was killed before SQLite's first
// checkpoint leaves the header (application id, schema version) only in the
// write-ahead log. The study must still open.
void TestSqliteStudyStorage::opensAfterCrashBeforeFirstCheckpoint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("crashed.db");
    pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        int code = 0;
        try {
            auto s = newStudy(path);
            TrialRecord t = makeTrial("x=1");
            s->addTrial(t);
            s->markRunning(t.id, "w0");
            s->finishTrial(t.id, TrialState::Complete, {{"valid_acc", 42.0}}, {}, "", 0);
            s.release(); // never closed, as in a killed process
        } catch (...) {
            code = 3;
        }
        ::_exit(code); // like kill -9: no destructor, no checkpoint, no close
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(QFile::exists(path + "-wal"));

    std::unique_ptr<SqliteStudyStorage> s;
    try {
        s = SqliteStudyStorage::open(path.toStdString());
    } catch (const StorageError& e) {
        QFAIL(qPrintable(QString("a study killed before its first checkpoint does not open: ")
                         + e.what()));
    }
    auto trials = s->trials();
    QCOMPARE(trials.size(), size_t(1));
    QCOMPARE(trials[0].state, TrialState::Complete);
    QCOMPARE(*trials[0].metric("valid_acc"), 42.0);
}

void TestSqliteStudyStorage::refusesNonSqliteFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("random bytes") << randomBytes(8192, 7);
    QTest::newRow("text file") << QByteArray("space,arch,valid_acc\nnb201,|none~0|,10.0\n"
                                             "this is a text file, not a database\n");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("short file") << QByteArray("SQLite format 3");
    QByteArray fakeHeader = randomBytes(4096, 11);
    fakeHeader.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    QTest::newRow("SQLite magic, then garbage") << fakeHeader;
}

void TestSqliteStudyStorage::refusesNonSqliteFile()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const QString path = dir.filePath("not-a-study.db");
    writeFile(path, bytes);
    const FileState before = fileState(path);
    expectOpenRefused(path, {"not an Archscape study"});
    QVERIFY2(fileState(path) == before, "the file or its folder changed");
}

void TestSqliteStudyStorage::refusesOtherApplicationsDatabase_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("address book")
        << "CREATE TABLE contacts(id INTEGER PRIMARY KEY, name TEXT, email TEXT);"
           "INSERT INTO contacts(name, email) VALUES ('Ada', 'ada@example.org');";
    // Optuna's RDB storage has tables named studies and trials, like ours.
    QTest::newRow("optuna-like, WAL")
        << "PRAGMA journal_mode = WAL; PRAGMA user_version = 1;"
           "CREATE TABLE studies(study_id INTEGER PRIMARY KEY, study_name TEXT);"
           "CREATE TABLE trials(trial_id INTEGER PRIMARY KEY, number INTEGER, state TEXT);"
           "INSERT INTO studies(study_name) VALUES ('x');";
    QTest::newRow("another application id")
        << "PRAGMA application_id = 1179603026; PRAGMA user_version = 1;"
           "CREATE TABLE t(x);";
}

void TestSqliteStudyStorage::refusesOtherApplicationsDatabase()
{
    QFETCH(QString, sql);
    QTemporaryDir dir;
    const QString path = dir.filePath("other.sqlite");
    {
        PlainDb db(path);
        db.exec(sql.toStdString());
    }
    QVERIFY(!QFile::exists(path + "-wal"));
    const FileState before = fileState(path);
    expectOpenRefused(path, {"not an Archscape study", "another application"});
    QVERIFY2(fileState(path) == before, "the file or its folder changed");
}

void TestSqliteStudyStorage::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("future.db");
    {
        auto s = newStudy(path);
        TrialRecord t = makeTrial("x=1");
        s->addTrial(t);
    }
    {
        PlainDb db(path);
        db.exec("PRAGMA user_version = " + std::to_string(SqliteStudyStorage::kSchemaVersion + 1));
    }
    QVERIFY(!QFile::exists(path + "-wal"));
    const FileState before = fileState(path);
    expectOpenRefused(path, {"schema version " + QString::number(SqliteStudyStorage::kSchemaVersion + 1),
                             "newer"});
    QVERIFY2(fileState(path) == before, "the file or its folder changed");
}

void TestSqliteStudyStorage::refusesMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("missing.db");
    expectOpenRefused(path, {"cannot open"});
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void TestSqliteStudyStorage::createRefusesExistingPath_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a study") << "study";
    QTest::newRow("a text file") << "text";
    QTest::newRow("an empty file") << "empty";
}

void TestSqliteStudyStorage::createRefusesExistingPath()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString path = dir.filePath("exists.db");
    if (kind == "study") {
        auto s = newStudy(path);
        TrialRecord t = makeTrial("x=1");
        s->addTrial(t);
    } else {
        writeFile(path, kind == "text" ? QByteArray("precious data\n") : QByteArray());
    }
    const FileState before = fileState(path);
    bool thrown = false;
    try {
        SqliteStudyStorage::create(path.toStdString(), "again", kSpaceJson);
    } catch (const StorageError& e) {
        thrown = true;
        QVERIFY2(QString(e.what()).contains(path), e.what());
        QVERIFY2(QString(e.what()).contains("exists"), e.what());
    }
    QVERIFY2(thrown, "create() accepted an existing path");
    QVERIFY2(fileState(path) == before, "the existing file or its folder changed");
    if (kind == "study") {
        auto s = SqliteStudyStorage::open(path.toStdString());
        QCOMPARE(s->trialCount(), int64_t(1));
        QCOMPARE(s->study().name, std::string("study one"));
    }
}

QTEST_GUILESS_MAIN(TestSqliteStudyStorage)
#include "tst_sqlitestudystorage.moc"
