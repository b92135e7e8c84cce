#include "ArchitectureSampler.h"

#include <unordered_set>

namespace archscape {

namespace {
int uniform(std::mt19937_64& rng, int n)
{
    return static_cast<int>(std::uniform_int_distribution<int>(0, n - 1)(rng));
}
} // namespace

Architecture ArchitectureSampler::sample(std::mt19937_64& rng) const
{
    Architecture a;
    for (const auto& d : codec_.decisions().decisions())
        a.choices.push_back(uniform(rng, d.size()));
    return codec_.canonical(a);
}

Architecture ArchitectureSampler::fillInactive(const Architecture& a, std::mt19937_64& rng) const
{
    Architecture filled = a;
    const auto& decisions = codec_.decisions();
    for (int d = 0; d < decisions.size(); ++d)
        if (filled.choices[static_cast<size_t>(d)] < 0)
            filled.choices[static_cast<size_t>(d)] = uniform(rng, decisions[d].size());
    return filled;
}

Architecture ArchitectureSampler::mutate(const Architecture& parent, std::mt19937_64& rng) const
{
    Architecture base = codec_.canonical(parent);
    std::vector<int> mutable_;
    for (int d = 0; d < codec_.decisions().size(); ++d)
        if (base.choices[static_cast<size_t>(d)] >= 0 && codec_.decisions()[d].size() > 1)
            mutable_.push_back(d);
    if (mutable_.empty())
        return base;
    const std::string before = codec_.encodeCanonical(base);
    // A change can be invisible (e.g. an edge into a node that no longer
    // reaches the output): retry a few times for a different network.
    for (int attempt = 0; attempt < 16; ++attempt) {
        Architecture child = fillInactive(base, rng);
        int d = mutable_[static_cast<size_t>(uniform(rng, static_cast<int>(mutable_.size())))];
        int size = codec_.decisions()[d].size();
        int& c = child.choices[static_cast<size_t>(d)];
        c = (c + 1 + uniform(rng, size - 1)) % size;
        Architecture result = codec_.canonical(child);
        if (codec_.encodeCanonical(result) != before)
            return result;
    }
    return base;
}

Architecture ArchitectureSampler::crossover(const Architecture& a, const Architecture& b,
                                           std::mt19937_64& rng) const
{
    // A decision only one parent has comes from that parent; one neither has
    // keeps its default, as in the parents' own networks, so that a parent
    // crossed with itself is itself.
    Architecture child = a;
    std::bernoulli_distribution coin(0.5);
    for (size_t d = 0; d < child.choices.size(); ++d) {
        int fromA = a.choices[d], fromB = b.choices[d];
        if (fromA < 0 || (fromB >= 0 && coin(rng)))
            child.choices[d] = fromB;
    }
    return codec_.canonical(child);
}

void ArchitectureSampler::enumerate(const std::function<bool(const Architecture&)>& visit) const
{
    const auto& decisions = codec_.decisions();
    Architecture raw;
    raw.choices.assign(static_cast<size_t>(decisions.size()), 0);
    std::unordered_set<uint64_t> seen;
    while (true) {
        Architecture c = codec_.canonical(raw);
        if (seen.insert(ArchitectureCodec::hashText(codec_.encodeCanonical(c))).second && !visit(c))
            return;
        int d = decisions.size() - 1;
        for (; d >= 0; --d) {
            int& v = raw.choices[static_cast<size_t>(d)];
            if (++v < decisions[d].size())
                break;
            v = 0;
        }
        if (d < 0)
            return;
    }
}

} // namespace archscape
