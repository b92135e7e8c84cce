#pragma once
// The error for a study file that cannot be read or written: names the file
// and says what went wrong (not a study, another version, disk full, ...).

#include <stdexcept>
#include <string>

namespace archscape {

class StorageError : public std::runtime_error
{
public:
    StorageError(const std::string& file, const std::string& problem)
        : std::runtime_error(file.empty() ? problem : file + ": " + problem), file_(file)
    {
    }
    const std::string& file() const { return file_; }

private:
    std::string file_;
};

} // namespace archscape
