#pragma once
// Shared by the tests that look into study files the way an outside tool
// does: plain SQL through SQLite's C API, no Archscape code in between.

#include <QString>

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace testsupport {

// A plain SQLite connection, as any tool other than Archscape would open the
// file. With LeaveWal it does not checkpoint on close, so a study file and
// its write-ahead log stay as Archscape left them (a crash test looks at
// them mid-run).
class PlainDb
{
public:
    enum class OnClose { Checkpoint, LeaveWal };

    explicit PlainDb(const QString& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                     OnClose onClose = OnClose::Checkpoint)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &db_, flags, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("cannot open ") + path.toStdString() + ": "
                                     + sqlite3_errmsg(db_));
        if (onClose == OnClose::LeaveWal)
            sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_busy_timeout(db_, 10000);
    }
    ~PlainDb() { sqlite3_close_v2(db_); }
    PlainDb(const PlainDb&) = delete;
    PlainDb& operator=(const PlainDb&) = delete;

    void exec(const std::string& sql)
    {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "?";
            sqlite3_free(message);
            throw std::runtime_error(sql + ": " + text);
        }
    }

    // Every row, every column as text ("NULL" for NULL).
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

} // namespace testsupport
