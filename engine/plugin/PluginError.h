#pragma once
// Why a plugin file was refused, with the file it concerns: the message a
// user reads in `archscape-cli plugins` and in Help > Plugins.

#include <stdexcept>
#include <string>

namespace archscape {

class PluginError : public std::runtime_error
{
public:
    PluginError(const std::string& file, const std::string& reason)
        : std::runtime_error(file + ": " + reason), file_(file), reason_(reason)
    {
    }
    const std::string& file() const { return file_; }
    const std::string& reason() const { return reason_; }

private:
    std::string file_;
    std::string reason_;
};

} // namespace archscape
