#pragma once
// Names architectures: the canonical form (inactive decisions cleared), the
// stable encoding string "key=option;key=option" with its 64-bit hash, the
// way back from a string, and a fixed-length feature vector for predictors.
// Two assignments that build the same network get the same encoding.

#include "Architecture.h"
#include "DecisionSet.h"
#include "Network.h"
#include "NetworkResolver.h"
#include "SearchSpace.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace archscape {

class ArchitectureCodec
{
public:
    // Keeps a copy of the space, so the codec outlives the caller's document.
    explicit ArchitectureCodec(SearchSpace space);
    ArchitectureCodec(const ArchitectureCodec&) = delete;
    ArchitectureCodec& operator=(const ArchitectureCodec&) = delete;

    const SearchSpace& space() const { return space_; }
    const DecisionSet& decisions() const { return decisions_; }

    // Every decision at its default option.
    Architecture defaultArchitecture() const;

    // Without labels the layers carry no names (enough for counting costs).
    Network network(const Architecture& arch, bool withLabels = true) const;
    Architecture canonical(const Architecture& arch) const;

    std::string encode(const Architecture& arch) const;
    // Encoding of an architecture already in canonical form (no resolving).
    std::string encodeCanonical(const Architecture& canonicalArch) const;
    uint64_t hash(const Architecture& arch) const;
    uint64_t hashCanonical(const Architecture& canonicalArch) const;
    static uint64_t hashText(const std::string& text); // FNV-1a, stable everywhere
    static std::string hashToHex(uint64_t hash);

    // Parses "key=option;...": unknown keys or options throw SpaceError;
    // decisions left out take their default. The result is canonical.
    Architecture decode(const std::string& encoding) const;

    // One-hot per decision, all zeros for an inactive one.
    std::vector<float> features(const Architecture& arch) const;
    int featureLength() const;

private:
    SearchSpace space_;
    DecisionSet decisions_;
    NetworkResolver resolver_;
    // Canonical forms already worked out, by raw assignment: searches ask
    // for the same ones again and again. Shared by the runner's threads.
    static constexpr size_t kMemoLimit = 1u << 18;
    mutable std::mutex memoMutex_;
    mutable std::unordered_map<std::string, std::vector<int>> memo_;
};

} // namespace archscape
