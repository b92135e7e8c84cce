#include "ArchitectureCodec.h"

#include "SpaceError.h"

#include <cstdio>

namespace archscape {

ArchitectureCodec::ArchitectureCodec(SearchSpace space)
    : space_(std::move(space)), decisions_(space_), resolver_(space_, decisions_)
{
}

Architecture ArchitectureCodec::defaultArchitecture() const
{
    Architecture a;
    for (const auto& d : decisions_.decisions())
        a.choices.push_back(d.defaultOption);
    return a;
}

Network ArchitectureCodec::network(const Architecture& arch, bool withLabels) const
{
    return resolver_.resolve(arch.choices, withLabels);
}

Architecture ArchitectureCodec::canonical(const Architecture& arch) const
{
    std::string key(reinterpret_cast<const char*>(arch.choices.data()),
                    arch.choices.size() * sizeof(int));
    {
        std::lock_guard<std::mutex> lock(memoMutex_);
        auto it = memo_.find(key);
        if (it != memo_.end())
            return Architecture{it->second};
    }
    // Which decisions matter can hinge on one that does not (an edge into a
    // node that reaches nothing can still make that node live), so clear
    // the inactive ones and look again until nothing changes: the result is
    // then canonical for itself too.
    Architecture result = arch;
    for (int pass = 0; pass <= decisions_.size(); ++pass) {
        Architecture next;
        next.choices.assign(arch.choices.size(), -1);
        for (int d : resolver_.activeDecisions(result.choices)) {
            int c = result.choices[static_cast<size_t>(d)];
            next.choices[static_cast<size_t>(d)] = c < 0 ? decisions_[d].defaultOption : c;
        }
        bool stable = next == result;
        result = std::move(next);
        if (stable)
            break;
    }
    std::lock_guard<std::mutex> lock(memoMutex_);
    if (memo_.size() >= kMemoLimit)
        memo_.clear();
    memo_.emplace(std::move(key), result.choices);
    return result;
}

std::string ArchitectureCodec::encode(const Architecture& arch) const
{
    return encodeCanonical(canonical(arch));
}

std::string ArchitectureCodec::encodeCanonical(const Architecture& c) const
{
    std::string text;
    for (int d = 0; d < decisions_.size(); ++d) {
        int option = c.choices[static_cast<size_t>(d)];
        if (option < 0)
            continue;
        if (!text.empty())
            text += ';';
        text += decisions_[d].key + "=" + decisions_[d].labels[static_cast<size_t>(option)];
    }
    return text;
}

uint64_t ArchitectureCodec::hash(const Architecture& arch) const
{
    return hashText(encode(arch));
}

uint64_t ArchitectureCodec::hashCanonical(const Architecture& canonicalArch) const
{
    return hashText(encodeCanonical(canonicalArch));
}

uint64_t ArchitectureCodec::hashText(const std::string& text)
{
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string ArchitectureCodec::hashToHex(uint64_t hash)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

Architecture ArchitectureCodec::decode(const std::string& encoding) const
{
    Architecture a = defaultArchitecture();
    size_t start = 0;
    while (start < encoding.size()) {
        size_t end = encoding.find(';', start);
        if (end == std::string::npos)
            end = encoding.size();
        std::string item = encoding.substr(start, end - start);
        start = end + 1;
        if (item.empty())
            continue;
        size_t eq = item.rfind('=');
        if (eq == std::string::npos)
            throw SpaceError("", "", "'" + item + "' in the encoding is not key=option");
        std::string key = item.substr(0, eq);
        std::string label = item.substr(eq + 1);
        int d = decisions_.find(key);
        if (d < 0)
            throw SpaceError("", "", "the encoding names '" + key
                                         + "', which is not a decision of this space");
        const auto& labels = decisions_[d].labels;
        int option = -1;
        for (size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == label)
                option = static_cast<int>(i);
        if (option < 0) {
            std::string known;
            for (const auto& l : labels)
                known += (known.empty() ? "" : ", ") + l;
            throw SpaceError("", decisions_[d].blockId, "'" + label + "' is not an option of '"
                                                            + key + "' (options: " + known + ")");
        }
        a.choices[static_cast<size_t>(d)] = option;
    }
    return canonical(a);
}

int ArchitectureCodec::featureLength() const
{
    int n = 0;
    for (const auto& d : decisions_.decisions())
        n += d.size();
    return n;
}

std::vector<float> ArchitectureCodec::features(const Architecture& arch) const
{
    Architecture c = canonical(arch);
    std::vector<float> f(static_cast<size_t>(featureLength()), 0.0f);
    size_t offset = 0;
    for (int d = 0; d < decisions_.size(); ++d) {
        int option = c.choices[static_cast<size_t>(d)];
        if (option >= 0)
            f[offset + static_cast<size_t>(option)] = 1.0f;
        offset += static_cast<size_t>(decisions_[d].size());
    }
    return f;
}

} // namespace archscape
