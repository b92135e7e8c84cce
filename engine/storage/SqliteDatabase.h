#pragma once
// A thin owner of one SQLite connection and its prepared statements, turning
// SQLite's error codes into StorageError with the file name and the reason.

#include "StorageError.h"

#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace archscape {

class SqliteStatement
{
public:
    SqliteStatement(sqlite3* db, const std::string& sql, const std::string& file);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, int64_t value);
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind(int index, const std::string& value);
    SqliteStatement& bindNull(int index);
    SqliteStatement& bindBlob(int index, const std::string& bytes);
    SqliteStatement& bind(int index, const std::optional<int64_t>& value);
    // The index of a named parameter (":name"), 0 when the statement has none.
    int parameterIndex(const char* name) const;

    // Steps once: true while a row is available.
    bool step();
    // Runs to completion and resets, for statements without result rows.
    void run();
    void reset();

    int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;
    bool isNull(int column) const;

private:
    void check(int rc) const;

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string file_;
};

class SqliteDatabase
{
public:
    enum class Mode { OpenExisting, Create, ReadOnly };
    SqliteDatabase(const std::string& path, Mode mode);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    void exec(const std::string& sql);
    int64_t lastInsertId() const;
    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    // Runs `body` in one IMMEDIATE transaction, rolled back if it throws.
    template <typename Body>
    void transaction(Body&& body)
    {
        exec("BEGIN IMMEDIATE");
        try {
            body();
        } catch (...) {
            exec("ROLLBACK");
            throw;
        }
        exec("COMMIT");
    }

    // Runs `body`, whose reads all see one snapshot of the file even while
    // another connection writes (a deferred read transaction; inside an
    // open transaction, that one).
    template <typename Body>
    auto readSnapshot(Body&& body) const
    {
        if (inTransaction())
            return body();
        execReadOnly("BEGIN");
        try {
            auto result = body();
            execReadOnly("COMMIT");
            return result;
        } catch (...) {
            execReadOnly("ROLLBACK");
            throw;
        }
    }

private:
    bool inTransaction() const;
    void execReadOnly(const char* sql) const;

    sqlite3* db_ = nullptr;
    std::string path_;
};

} // namespace archscape
