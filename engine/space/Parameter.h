#pragma once
// A block parameter: a fixed value, a choice among values (one decision of
// its own), or a reference to a named choice shared by several blocks.

#include "Value.h"

#include <string>
#include <vector>

namespace archscape {

struct Parameter
{
    enum class Mode { Fixed, Choice, Shared };

    Mode mode = Mode::Fixed;
    Value value;                // Fixed
    std::vector<Value> options; // Choice
    std::string sharedName;     // Shared

    static Parameter fixed(Value v)
    {
        Parameter p;
        p.value = std::move(v);
        return p;
    }
    static Parameter choice(std::vector<Value> values)
    {
        Parameter p;
        p.mode = Mode::Choice;
        p.options = std::move(values);
        return p;
    }
    static Parameter shared(std::string name)
    {
        Parameter p;
        p.mode = Mode::Shared;
        p.sharedName = std::move(name);
        return p;
    }

    bool operator==(const Parameter& o) const
    {
        return mode == o.mode && value == o.value && options == o.options
               && sharedName == o.sharedName;
    }
    bool operator!=(const Parameter& o) const { return !(*this == o); }
};

} // namespace archscape
