#include "Block.h"

namespace archscape {

const Parameter& Block::param(const std::string& paramName) const
{
    auto it = params.find(paramName);
    if (it != params.end())
        return it->second;
    const ParamSpec* spec = info().param(paramName);
    static const Parameter none;
    return spec ? spec->fixedDefault : none;
}

int Block::inputCount() const
{
    if (!info().variableInputs)
        return info().fixedInputs;
    Parameter p = param("inputs");
    return p.mode == Parameter::Mode::Fixed ? static_cast<int>(p.value.toInt()) : 0;
}

bool Block::sameStructure(const Block& other) const
{
    if (id != other.id || kind != other.kind || info().name != other.info().name
        || alternatives.size() != other.alternatives.size()
        || body.size() != other.body.size())
        return false;
    for (const auto& spec : info().params)
        if (param(spec.name) != other.param(spec.name))
            return false;
    for (size_t i = 0; i < alternatives.size(); ++i)
        if (!alternatives[i].sameStructure(other.alternatives[i]))
            return false;
    for (size_t i = 0; i < body.size(); ++i)
        if (!body[i].sameStructure(other.body[i]))
            return false;
    return true;
}

} // namespace archscape
