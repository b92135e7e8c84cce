// DESIGN.md's reliability target: "kill -9 at any moment of a search, then
// resume: no finished trial lost, none run twice". A real `archscape-cli
// run` (nb201, evolution, seed 7) is killed with SIGKILL at random moments,
// many times; after each kill the study is checked with plain SQL, then
// `archscape-cli resume` continues it (and is killed in turn). At the end
// the study must hold exactly the trials of a clean, uninterrupted run with
// the same seed, in the same order: determinism through crashes.

#include "CliTestSupport.h"

#include <algorithm>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <map>
#include <random>
#include <set>

using namespace clitest;

namespace {

constexpr int kBudget = 3000;
constexpr int kKills = 100;         // kills to survive (the issue asks for at least 25)
constexpr unsigned kDelaySeed = 20240607; // the random kill moments are reproducible
constexpr int64_t kMaxAllowance = 25;      // new trials a round may add before its kill
static_assert(kKills * kMaxAllowance < kBudget, "the kills must all land mid-search");

QStringList runArgs(const QString& study)
{
    return {"run",    study,        "--strategy", "evolution", "--evaluator",
            "nb201",  "--data",     nb201Table(), "--budget",  QString::number(kBudget),
            "--seed", "7",          "--quiet"};
}

struct Finished
{
    std::string hash;
    std::string encoding;
    std::map<std::string, std::string> metrics;
};

int64_t trialCount(const QString& study)
{
    try {
        StudyDb db(study);
        return std::stoll(db.scalar("SELECT COUNT(*) FROM trials"));
    } catch (const std::exception&) {
        return -1; // being created, or locked for a moment
    }
}

} // namespace

class TestKillResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killAndResume();

private:
    // Checks the study with plain SQL after a kill; `finished` holds every
    // trial seen complete before and gains the new ones.
    void checkStudy(const QString& study, std::map<int64_t, Finished>& finished, int round);
};

void TestKillResume::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    QVERIFY2(QFile::exists(nb201Table()), qPrintable(nb201Table()));
}

void TestKillResume::checkStudy(const QString& study, std::map<int64_t, Finished>& finished,
                                int round)
{
    const QString where = QString(" (after kill %1)").arg(round);
    StudyDb db(study);
    QCOMPARE(db.scalar("PRAGMA integrity_check"), std::string("ok"));
    QCOMPARE(db.scalar("PRAGMA journal_mode"), std::string("wal"));

    // Trial numbers 0..n-1, no gaps; each architecture at most once.
    auto trials = db.rows("SELECT id, number, arch_hash, encoding, state, observed_seq, "
                          "proposed_after FROM trials ORDER BY number");
    std::set<std::string> hashes;
    int notComplete = 0;
    for (size_t i = 0; i < trials.size(); ++i) {
        const auto& t = trials[i];
        QVERIFY2(t[1] == std::to_string(i),
                 qPrintable(QString("trial numbers have a gap at %1%2").arg(i).arg(where)));
        QVERIFY2(hashes.insert(t[2]).second,
                 qPrintable(QString("architecture %1 appears twice%2").arg(t[2].c_str(), where)));
        QVERIFY2(t[4] == "complete" || t[4] == "running" || t[4] == "queued",
                 qPrintable(QString("trial %1 is %2%3").arg(i).arg(t[4].c_str(), where)));
        if (t[4] == "complete") {
            // One worker: trial k was proposed after k results and observed k-th.
            QCOMPARE(t[5], std::to_string(i));
            QCOMPARE(t[6], std::to_string(i));
        } else {
            ++notComplete;
            QCOMPARE(t[5], std::string("NULL"));
        }
    }
    // With one worker only the last trial can be unfinished.
    QVERIFY2(notComplete <= 1, qPrintable(QString("%1 unfinished trials%2").arg(notComplete).arg(where)));
    if (notComplete == 1)
        QVERIFY(trials.back()[4] != "complete");

    // Every complete trial has all its final metrics; unfinished ones have none
    // (a result is written in one transaction, or not at all).
    auto incomplete = db.rows(
        "SELECT t.number, COUNT(m.name) FROM trials t LEFT JOIN metrics m "
        "ON m.trial_id = t.id AND m.step = 0 AND m.name IN ('valid_acc', 'test_acc', 'params', "
        "'flops', 'latency_ms', 'train_time_s') WHERE t.state = 'complete' GROUP BY t.id "
        "HAVING COUNT(m.name) <> 6");
    QVERIFY2(incomplete.empty(),
             qPrintable(QString("complete trial %1 has %2 of its 6 metrics%3")
                            .arg(incomplete.empty() ? "" : incomplete[0][0].c_str())
                            .arg(incomplete.empty() ? "" : incomplete[0][1].c_str())
                            .arg(where)));
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM metrics m JOIN trials t ON t.id = m.trial_id "
                       "WHERE t.state <> 'complete'"),
             std::string("0"));

    // Nothing finished before is lost or changed.
    std::map<int64_t, Finished> now;
    std::map<std::string, int64_t> numberOfId;
    for (const auto& t : trials)
        if (t[4] == "complete") {
            now[std::stoll(t[1])] = Finished{t[2], t[3], {}};
            numberOfId[t[0]] = std::stoll(t[1]);
        }
    for (const auto& m : db.rows("SELECT trial_id, name, value FROM metrics WHERE step = 0")) {
        auto it = numberOfId.find(m[0]);
        if (it != numberOfId.end())
            now[it->second].metrics[m[1]] = m[2];
    }
    for (const auto& [number, before] : finished) {
        auto it = now.find(number);
        QVERIFY2(it != now.end(),
                 qPrintable(QString("complete trial %1 was lost%2").arg(number).arg(where)));
        QVERIFY2(it->second.hash == before.hash && it->second.encoding == before.encoding,
                 qPrintable(QString("trial %1 changed its architecture%2").arg(number).arg(where)));
        QVERIFY2(it->second.metrics == before.metrics,
                 qPrintable(QString("trial %1 changed its metrics%2").arg(number).arg(where)));
    }
    finished = std::move(now);
}

// How long the executable takes to load (LibTorch alone costs about half a
// second): kill delays count from then, so the kills land in the search
// rather than in the dynamic loader.
static int startupMs()
{
    int slowest = 0;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        runCli({"--version"});
        slowest = std::max(slowest, int(t.elapsed()));
    }
    return slowest;
}

void TestKillResume::killAndResume()
{
    QElapsedTimer wall;
    wall.start();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString study = dir.filePath("killed.db");
    const QString clean = dir.filePath("clean.db");
    for (const QString& s : {study, clean}) {
        CliResult r = runCli({"new", s, "--space", bundledSpace("nb201.json")});
        QVERIFY2(r.code == 0, qPrintable(r.all()));
    }

    // The reference: the same search, never interrupted, alongside.
    QProcess reference;
    reference.start(cliPath(), runArgs(clean));
    QVERIFY(reference.waitForStarted());

    const int startup = startupMs();
    std::mt19937 rng(kDelaySeed);
    std::uniform_int_distribution<int> delayMs(startup + 20, startup + 400);
    std::uniform_int_distribution<int64_t> allowanceDist(1, kMaxAllowance);
    std::map<int64_t, Finished> finished;
    int kills = 0, killsMidSearch = 0, killsBeforeAnyResult = 0, rounds = 0, runStarts = 0,
        resumes = 0;
    bool done = false;
    while (!done && kills < kKills) {
        ++rounds;
        const int64_t before = trialCount(study);
        std::string settings;
        {
            StudyDb db(study);
            settings = db.scalar("SELECT settings FROM studies");
        }
        // Until the settings are stored, the search has not started: `run`
        // again; afterwards `resume`.
        const QStringList args =
            settings.empty() ? runArgs(study) : QStringList{"resume", study, "--quiet"};
        (settings.empty() ? runStarts : resumes)++;
        QProcess p;
        p.start(cliPath(), args);
        QVERIFY(p.waitForStarted());
        // The kill comes `delay` ms after the start, or as soon as `allowance`
        // more trials exist, whichever is first: the moments are random, and
        // the search cannot finish between kills however fast the engine is
        // (kKills * kMaxAllowance < kBudget).
        const int delay = delayMs(rng);
        const int64_t allowance = allowanceDist(rng);
        {
            StudyDb poll(study);
            auto count = [&] {
                try {
                    return int64_t(std::stoll(poll.scalar("SELECT COUNT(*) FROM trials")));
                } catch (const std::exception&) {
                    return int64_t(-1);
                }
            };
            QElapsedTimer since;
            since.start();
            while (since.elapsed() < delay && p.state() == QProcess::Running
                   && count() < before + allowance)
                p.waitForFinished(1);
        }
        if (p.state() == QProcess::NotRunning) {
            // It finished the whole budget before the kill.
            const QString out = QString::fromUtf8(p.readAll());
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                     qPrintable(QString("round %1: exit %2\n%3").arg(rounds).arg(p.exitCode()).arg(out)));
            done = true;
        } else {
            ::kill(pid_t(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            ++kills;
        }
        const size_t finishedBefore = finished.size();
        checkStudy(study, finished, kills);
        if (QTest::currentTestFailed())
            return;
        if (!done && int64_t(finished.size()) < kBudget)
            ++killsMidSearch;
        if (!done && finished.size() == finishedBefore)
            ++killsBeforeAnyResult; // while loading, replaying or on the first trial
    }
    const int64_t reachedByKills = int64_t(finished.size());

    // Now let it finish.
    if (!done) {
        CliResult r = runCli({"resume", study, "--quiet"}, 300000);
        QVERIFY2(r.code == 0 && !r.crashed, qPrintable(r.all()));
        ++resumes;
        checkStudy(study, finished, kills);
    }
    QCOMPARE(int64_t(finished.size()), int64_t(kBudget));

    QVERIFY(reference.waitForFinished(300000));
    QVERIFY2(reference.exitCode() == 0, reference.readAll().constData());
    std::map<int64_t, Finished> referenceTrials;
    checkStudy(clean, referenceTrials, 0);
    QCOMPARE(int64_t(referenceTrials.size()), int64_t(kBudget));
    {
        StudyDb a(study), b(clean);
        const std::string q = "SELECT number, encoding, arch_hash, state, observed_seq, "
                              "proposed_after FROM trials ORDER BY number";
        auto killedRows = a.rows(q), cleanRows = b.rows(q);
        QCOMPARE(killedRows.size(), size_t(kBudget));
        for (size_t i = 0; i < killedRows.size(); ++i)
            QVERIFY2(killedRows[i] == cleanRows[i],
                     qPrintable(QString("trial %1 differs from the uninterrupted run: %2 vs %3")
                                    .arg(i)
                                    .arg(killedRows[i][1].c_str(), cleanRows[i][1].c_str())));
    }
    for (const auto& [number, t] : referenceTrials)
        QVERIFY2(finished[number].metrics == t.metrics, qPrintable(QString("trial %1 metrics").arg(number)));

    qInfo("survived %d SIGKILLs (%d of them mid-search, %d before the round's first result) "
          "in %d rounds (%d run, %d resume); "
          "%lld of %d trials were complete when the kills ended; the study equals the "
          "uninterrupted run; %.1f s (start-up %d ms)",
          kills, killsMidSearch, killsBeforeAnyResult, rounds, runStarts, resumes, static_cast<long long>(reachedByKills),
          kBudget, wall.elapsed() / 1000.0, startup);
    QVERIFY2(kills >= 25, qPrintable(QString("only %1 kills before the search finished").arg(kills)));
    QVERIFY2(killsMidSearch >= 25,
             qPrintable(QString("only %1 kills landed mid-search").arg(killsMidSearch)));
}

QTEST_GUILESS_MAIN(TestKillResume)
#include "tst_killresume.moc"
