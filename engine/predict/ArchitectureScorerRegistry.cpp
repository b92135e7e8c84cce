#include "ArchitectureScorerRegistry.h"

#include <map>
#include <stdexcept>

namespace archscape {

namespace {

std::map<std::string, ArchitectureScorerRegistry::Factory>& factories()
{
    static std::map<std::string, ArchitectureScorerRegistry::Factory> known;
    return known;
}

} // namespace

void ArchitectureScorerRegistry::add(const std::string& name, Factory factory)
{
    factories()[name] = std::move(factory);
}

std::vector<std::string> ArchitectureScorerRegistry::names()
{
    std::vector<std::string> result;
    for (const auto& entry : factories())
        result.push_back(entry.first);
    return result;
}

std::unique_ptr<ArchitectureScorer> ArchitectureScorerRegistry::create(const std::string& name,
                                                                       const ArchitectureCodec& codec,
                                                                       const ScorerSettings& settings)
{
    auto it = factories().find(name);
    if (it != factories().end())
        return it->second(codec, settings);
    std::string known;
    for (const auto& n : names())
        known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("no architecture scorer '" + name + "' in this build (known: "
                                + (known.empty() ? std::string("none; zero-cost proxies need the LibTorch library")
                                                 : known)
                                + ")");
}

} // namespace archscape
