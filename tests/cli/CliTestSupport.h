#pragma once
// Shared by the CLI tests: running archscape-cli (its path comes from the
// ARCHSCAPE_CLI compile definition), the bundled spaces and the real
// NAS-Bench-201 table, and reading a study with plain SQL, as any SQLite
// tool would, without checkpointing its write-ahead log.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "../support/PlainDb.h"

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace clitest {

inline QString cliPath()
{
    return QStringLiteral(ARCHSCAPE_CLI);
}

inline QString nb201Table()
{
    return qEnvironmentVariable("ARCHSCAPE_SHARED_DATA") + "/nb201/nb201_cifar10.csv";
}

inline QString bundledSpace(const QString& name)
{
    return qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/resources/spaces/" + name;
}

struct CliResult
{
    int code = -1;
    QString out;
    QString err;
    bool crashed = false;
    QString all() const { return out + err; }
};

inline CliResult runCli(const QStringList& args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(cliPath(), args);
    CliResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "cannot start " + cliPath();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline QString describe(const CliResult& r)
{
    return QString("exit %1%2\n--- stdout:\n%3--- stderr:\n%4")
        .arg(r.code)
        .arg(r.crashed ? " (crashed)" : "")
        .arg(r.out, r.err);
}

// A study as the CLI left it, read without disturbing its write-ahead log.
class StudyDb : public testsupport::PlainDb
{
public:
    explicit StudyDb(const QString& path) : PlainDb(path, SQLITE_OPEN_READWRITE, OnClose::LeaveWal) {}
};

} // namespace clitest

#define EXPECT_EXIT(result, expected)                                                              \
    do {                                                                                           \
        const clitest::CliResult& r_ = (result);                                                   \
        QVERIFY2(!r_.crashed && r_.code == (expected),                                             \
                 qPrintable(QString("expected exit %1, got ").arg(expected)                        \
                            + clitest::describe(r_)));                                             \
    } while (false)
