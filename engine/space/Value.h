#pragma once
// A parameter value of a block: an integer, a real, a flag or a word.
// Values print to the canonical text used in architecture encodings.

#include <cstdint>
#include <string>

namespace archscape {

class Value
{
public:
    enum class Type { Int, Real, Bool, Text };

    Value() = default;
    static Value integer(int64_t v);
    static Value real(double v);
    static Value flag(bool v);
    static Value text(std::string v);

    Type type() const { return type_; }
    bool isNumber() const { return type_ == Type::Int || type_ == Type::Real; }
    int64_t toInt() const;
    double toReal() const;
    bool toBool() const;
    const std::string& toText() const { return text_; }

    // Canonical text: integers as digits, flags as true/false, reals in the
    // shortest form that reads back to the same double, words as they are.
    std::string toString() const;

    bool operator==(const Value& other) const;
    bool operator!=(const Value& other) const { return !(*this == other); }

    static const char* typeName(Type type);

private:
    Type type_ = Type::Int;
    int64_t int_ = 0;
    double real_ = 0.0;
    std::string text_;
};

} // namespace archscape
