#pragma once
// Checks a search space as a whole: one input and one output, every port
// connected exactly once, no cycles, a path from input to output, known
// cells and shared choices, parameters in range, and tensor shapes that
// agree under every choice. Each problem names the block it concerns, so
// the editor can point at it.

#include "SearchSpace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace archscape {

struct Problem
{
    enum class Kind {
        MissingInput,
        MultipleInputs,
        MissingOutput,
        MultipleOutputs,
        BadId,
        DuplicateId,
        UnknownBlock,
        BadPort,
        PortTaken,
        DanglingInput,
        DanglingOutput,
        Cycle,
        NoPath,
        BadNesting,
        UnknownCell,
        UnknownChoice,
        BadParameter,
        ShapeMismatch,
    };
    Kind kind;
    std::string blockId; // "" when the problem is the space's as a whole
    std::string message;

    static const char* kindName(Kind kind);
};

class SpaceValidator
{
public:
    static constexpr int kMaxShapeCombinations = 4096;
    // The shape check stops early once its networks hold this many layers
    // in all, so that a large space with many shaping choices takes seconds.
    static constexpr uint64_t kMaxShapeLayers = uint64_t(1) << 22;

    static std::vector<Problem> validate(const SearchSpace& space);
};

} // namespace archscape
