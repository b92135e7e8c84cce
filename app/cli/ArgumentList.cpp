#include "ArgumentList.h"

#include <cerrno>
#include <cstdlib>

namespace archscape::cli {

ArgumentList::ArgumentList(const std::vector<std::string>& args,
                           const std::set<std::string>& valued, const std::set<std::string>& flags)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() < 2 || a[0] != '-' || a == "-") {
            positional_.push_back(a);
            continue;
        }
        std::string name = a;
        std::string inlineValue;
        bool hasInline = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            inlineValue = a.substr(eq + 1);
            hasInline = true;
        }
        if (flags.count(name) && !hasInline) {
            values_[name] = "";
        } else if (valued.count(name)) {
            if (hasInline) {
                values_[name] = inlineValue;
            } else {
                if (i + 1 >= args.size())
                    throw UsageError("option " + name + " needs a value");
                values_[name] = args[++i];
            }
        } else {
            throw UsageError("unknown option " + name);
        }
    }
}

std::optional<std::string> ArgumentList::value(const std::string& option) const
{
    auto it = values_.find(option);
    if (it == values_.end())
        return std::nullopt;
    return it->second;
}

std::string ArgumentList::valueOr(const std::string& option, const std::string& fallback) const
{
    return value(option).value_or(fallback);
}

std::optional<int64_t> ArgumentList::integer(const std::string& option) const
{
    auto v = value(option);
    if (!v)
        return std::nullopt;
    errno = 0;
    char* end = nullptr;
    long long n = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || errno == ERANGE)
        throw UsageError("option " + option + " needs a whole number, not '" + *v + "'");
    return n;
}

} // namespace archscape::cli
