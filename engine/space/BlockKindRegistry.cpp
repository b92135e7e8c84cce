#include "BlockKindRegistry.h"

#include "plugin/PluginCatalog.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <set>
#include <stdexcept>

namespace archscape {

namespace {

std::mutex& registryMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::vector<std::shared_ptr<const BlockKindInfo>>& kinds()
{
    static std::vector<std::shared_ptr<const BlockKindInfo>> added;
    return added;
}

bool isLowerWord(const std::string& text, const char* extra)
{
    if (text.empty() || text.size() > 32 || !(text[0] >= 'a' && text[0] <= 'z'))
        return false;
    return std::all_of(text.begin(), text.end(), [extra](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || std::strchr(extra, c);
    });
}

[[noreturn]] void refuse(const std::string& kindName, const std::string& problem)
{
    throw std::invalid_argument("block kind '" + kindName + "': " + problem);
}

void checkPort(const std::string& kindName, PortType port, const char* which)
{
    if (port == PortType::None)
        refuse(kindName, std::string("its ") + which +
                             " port must be a feature map, a vector or any (not none)");
}

void checkNumberRange(const std::string& kindName, const ParamSpec& spec)
{
    const double value = spec.defaultValue.toReal();
    if (spec.minimum > spec.maximum)
        refuse(kindName, "parameter '" + spec.name + "' has a minimum above its maximum");
    if (value < spec.minimum || value > spec.maximum)
        refuse(kindName, "parameter '" + spec.name + "' has its default " +
                             spec.defaultValue.toString() + " outside its range");
}

void checkParam(const std::string& kindName, const ParamSpec& spec)
{
    if (!isLowerWord(spec.name, "_"))
        refuse(kindName, "parameter name '" + spec.name +
                             "' must be lower-case letters, digits and '_' (at most 32)");
    if (spec.name == "inputs" || spec.name == "cell")
        refuse(kindName, "parameter name '" + spec.name + "' is reserved");
    if (spec.defaultValue.type() != spec.type)
        refuse(kindName, "parameter '" + spec.name + "' is " + Value::typeName(spec.type) +
                             " but its default is " + Value::typeName(spec.defaultValue.type()));
    switch (spec.type) {
    case Value::Type::Int:
    case Value::Type::Real:
        checkNumberRange(kindName, spec);
        break;
    case Value::Type::Text:
        if (spec.words.empty())
            refuse(kindName, "text parameter '" + spec.name + "' lists no allowed words");
        if (std::find(spec.words.begin(), spec.words.end(), spec.defaultValue.toText()) ==
            spec.words.end())
            refuse(kindName, "parameter '" + spec.name + "' has the default '" +
                                 spec.defaultValue.toText() + "', which is not one of its words");
        break;
    case Value::Type::Bool:
        break;
    }
}

std::shared_ptr<const BlockKindInfo> findLocked(const std::string& name)
{
    for (const auto& kind : kinds())
        if (kind->name == name)
            return kind;
    return nullptr;
}

} // namespace

std::shared_ptr<const BlockKindInfo>
BlockKindRegistry::describe(const std::shared_ptr<const BlockKindExtension>& extension)
{
    if (!extension)
        throw std::invalid_argument("a block kind without an implementation (null)");
    BlockKindInfo info = extension->describe();
    if (!isLowerWord(info.name, "_-"))
        refuse(info.name, "the name must be lower-case letters, digits, '_' and '-', starting "
                          "with a letter (at most 32)");
    if (blockKindFromName(info.name))
        refuse(info.name, "Archscape has a built-in kind of that name");
    if (info.displayName.empty())
        info.displayName = info.name;
    checkPort(info.name, info.input, "input");
    checkPort(info.name, info.output, "output");
    std::set<std::string> names;
    for (auto& spec : info.params) {
        checkParam(info.name, spec);
        if (!names.insert(spec.name).second)
            refuse(info.name, "parameter '" + spec.name + "' is declared twice");
        spec.fixedDefault = Parameter::fixed(spec.defaultValue);
    }
    info.kind = BlockKind::Extension;
    info.fixedInputs = 1;
    info.variableInputs = false;
    info.extension = extension;
    return std::make_shared<const BlockKindInfo>(std::move(info));
}

void BlockKindRegistry::add(const std::shared_ptr<const BlockKindInfo>& kind)
{
    std::lock_guard<std::mutex> lock(registryMutex());
    if (blockKindFromName(kind->name))
        refuse(kind->name, "Archscape has a built-in kind of that name");
    if (findLocked(kind->name))
        refuse(kind->name, "a block kind of that name is known already");
    kinds().push_back(kind);
}

bool BlockKindRegistry::has(const std::string& name)
{
    std::lock_guard<std::mutex> lock(registryMutex());
    return findLocked(name) != nullptr;
}

std::vector<std::shared_ptr<const BlockKindInfo>> BlockKindRegistry::all()
{
    PluginCatalog::global().loadDefaultFolders();
    std::lock_guard<std::mutex> lock(registryMutex());
    return kinds();
}

std::shared_ptr<const BlockKindInfo> BlockKindRegistry::find(const std::string& name)
{
    PluginCatalog::global().loadDefaultFolders();
    std::lock_guard<std::mutex> lock(registryMutex());
    return findLocked(name);
}

std::optional<Block> BlockKindRegistry::blockOfKind(const std::string& name)
{
    Block block;
    if (auto builtIn = blockKindFromName(name)) {
        block.kind = *builtIn;
        return block;
    }
    auto extension = find(name);
    if (!extension)
        return std::nullopt;
    block.kind = BlockKind::Extension;
    block.extension = std::move(extension);
    return block;
}

std::string BlockKindRegistry::knownNames()
{
    std::string text;
    for (const auto& info : allBlockKinds())
        text += (text.empty() ? "" : ", ") + info.name;
    for (const auto& info : all())
        text += ", " + info->name;
    return text;
}

} // namespace archscape
