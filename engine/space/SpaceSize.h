#pragma once
// The number of distinct architectures in a space. Small spaces are counted
// by enumerating every assignment and its canonical encoding; larger ones by
// the structure (products over independent decisions, sums over Choice
// alternatives and Repeat depths, cells enumerated once per definition).
// Counts past 2^127 are kept as log10.

#include "ArchitectureCodec.h"

#include <string>

namespace archscape {

struct SpaceCount
{
    bool exact = true;       // false: an upper bound (pruning the structure cannot see)
    bool huge = false;       // true: only log10 is known
    unsigned __int128 value = 0;
    double log10 = 0.0;
    std::string method;      // "enumerated" or "structure"

    std::string toString() const; // "15625", "1.3e+42", prefixed "at most " when inexact
    static SpaceCount fromValue(unsigned __int128 v);
    SpaceCount times(const SpaceCount& other) const;
    SpaceCount plus(const SpaceCount& other) const;
};

std::string toDecimal(unsigned __int128 v);

class SpaceSize
{
public:
    static constexpr uint64_t kEnumerateLimit = 50000;

    // Assignments of all decisions, duplicates included.
    static SpaceCount rawCount(const DecisionSet& decisions);
    static SpaceCount distinctCount(const ArchitectureCodec& codec,
                                    uint64_t enumerateLimit = kEnumerateLimit);
};

} // namespace archscape
