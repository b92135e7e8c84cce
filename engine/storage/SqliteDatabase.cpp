#include "SqliteDatabase.h"

#include <sqlite3.h>

namespace archscape {

namespace {
std::string describe(sqlite3* db, int rc)
{
    std::string text = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (rc == SQLITE_FULL || (rc & 0xff) == SQLITE_FULL)
        text += " (the disk is full: nothing was lost, free space and resume)";
    else if ((rc & 0xff) == SQLITE_BUSY)
        text += " (another process holds the study locked)";
    return text;
}
} // namespace

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql, const std::string& file)
    : db_(db), file_(file)
{
    check(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt_, nullptr));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(stmt_);
}

void SqliteStatement::check(int rc) const
{
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        throw StorageError(file_, describe(db_, rc));
}

SqliteStatement& SqliteStatement::bind(int index, int64_t value)
{
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::string& value)
{
    check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, const std::string& bytes)
{
    check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    check(sqlite3_bind_null(stmt_, index));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<int64_t>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

int SqliteStatement::parameterIndex(const char* name) const
{
    return sqlite3_bind_parameter_index(stmt_, name);
}

bool SqliteStatement::step()
{
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    int code = rc;
    sqlite3_reset(stmt_);
    throw StorageError(file_, describe(db_, code));
}

void SqliteStatement::run()
{
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int64_t SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

std::string SqliteStatement::text(int column) const
{
    const unsigned char* t = sqlite3_column_text(stmt_, column);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

std::string SqliteStatement::blob(int column) const
{
    const void* b = sqlite3_column_blob(stmt_, column);
    return b ? std::string(static_cast<const char*>(b),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

SqliteDatabase::SqliteDatabase(const std::string& path, Mode mode) : path_(path)
{
    int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
                | SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::Create)
        flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StorageError(path, "cannot open the study: " + why);
    }
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_extended_result_codes(db_, 1);
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close_v2(db_);
}

bool SqliteDatabase::inTransaction() const
{
    return sqlite3_get_autocommit(db_) == 0;
}

// BEGIN, COMMIT and ROLLBACK of a read snapshot change no data, so a const
// connection may run them.
void SqliteDatabase::execReadOnly(const char* sql) const
{
    const_cast<SqliteDatabase*>(this)->exec(sql);
}

void SqliteDatabase::exec(const std::string& sql)
{
    char* message = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : describe(db_, rc);
        sqlite3_free(message);
        if ((rc & 0xff) == SQLITE_FULL)
            text += " (the disk is full: nothing was lost, free space and resume)";
        throw StorageError(path_, text);
    }
}

int64_t SqliteDatabase::lastInsertId() const
{
    return sqlite3_last_insert_rowid(db_);
}

} // namespace archscape
