#pragma once
// Shared by the CLI tests: running archscape-cli (its path comes from the
// ARCHSCAPE_CLI compile definition), the bundled spaces and the real
// NAS-Bench-201 table, and reading a study with plain SQL, as any SQLite
// tool would, without checkpointing its write-ahead log.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

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

// A plain SQLite connection that never checkpoints on close, so the study
// file and its write-ahead log stay as the CLI left them.
class PlainDb
{
public:
    explicit PlainDb(const QString& path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &db_, SQLITE_OPEN_READWRITE, nullptr)
            != SQLITE_OK) {
            std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("cannot open " + path.toStdString() + ": " + why);
        }
        sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_busy_timeout(db_, 10000);
    }
    ~PlainDb() { sqlite3_close_v2(db_); }
    PlainDb(const PlainDb&) = delete;
    PlainDb& operator=(const PlainDb&) = delete;

    std::vector<std::vector<std::string>> rows(const std::string& sql)
    {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
        std::vector<std::vector<std::string>> result;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                const unsigned char* t = sqlite3_column_text(stmt, c);
                row.push_back(t ? reinterpret_cast<const char*>(t) : "NULL");
            }
            result.push_back(std::move(row));
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
        return result;
    }

    std::string scalar(const std::string& sql)
    {
        auto r = rows(sql);
        if (r.empty() || r.front().empty())
            throw std::runtime_error(sql + ": no row");
        return r.front().front();
    }

private:
    sqlite3* db_ = nullptr;
};

} // namespace clitest
