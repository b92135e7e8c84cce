#include "Value.h"

#include <cstdio>
#include <cstdlib>

namespace archscape {

Value Value::integer(int64_t v)
{
    Value value;
    value.type_ = Type::Int;
    value.int_ = v;
    return value;
}

Value Value::real(double v)
{
    Value value;
    value.type_ = Type::Real;
    value.real_ = v;
    return value;
}

Value Value::flag(bool v)
{
    Value value;
    value.type_ = Type::Bool;
    value.int_ = v ? 1 : 0;
    return value;
}

Value Value::text(std::string v)
{
    Value value;
    value.type_ = Type::Text;
    value.text_ = std::move(v);
    return value;
}

int64_t Value::toInt() const
{
    return type_ == Type::Real ? static_cast<int64_t>(real_) : int_;
}

double Value::toReal() const
{
    return type_ == Type::Real ? real_ : static_cast<double>(int_);
}

bool Value::toBool() const
{
    return type_ == Type::Real ? real_ != 0.0 : int_ != 0;
}

std::string Value::toString() const
{
    switch (type_) {
    case Type::Int:
        return std::to_string(int_);
    case Type::Bool:
        return int_ ? "true" : "false";
    case Type::Text:
        return text_;
    case Type::Real:
        break;
    }
    char buffer[32];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, real_);
        if (std::strtod(buffer, nullptr) == real_)
            break;
    }
    return buffer;
}

bool Value::operator==(const Value& other) const
{
    if (isNumber() && other.isNumber())
        return toReal() == other.toReal();
    return type_ == other.type_ && int_ == other.int_ && text_ == other.text_;
}

const char* Value::typeName(Type type)
{
    switch (type) {
    case Type::Int:
        return "integer";
    case Type::Real:
        return "number";
    case Type::Bool:
        return "true/false";
    case Type::Text:
        return "text";
    }
    return "?";
}

} // namespace archscape
