#pragma once
// The command line of one subcommand: positional arguments and --options,
// with the usage error the CLI turns into exit code 2.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace archscape::cli {

class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class ArgumentList
{
public:
    // `valued`: options that take a value; `flags`: options that do not.
    ArgumentList(const std::vector<std::string>& args, const std::set<std::string>& valued,
                 const std::set<std::string>& flags);

    const std::vector<std::string>& positional() const { return positional_; }
    bool has(const std::string& option) const { return values_.count(option) > 0; }
    std::optional<std::string> value(const std::string& option) const;
    std::string valueOr(const std::string& option, const std::string& fallback) const;
    // A whole number, or UsageError naming the option.
    std::optional<int64_t> integer(const std::string& option) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
};

} // namespace archscape::cli
