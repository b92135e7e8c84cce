#pragma once
// The interface a plugin implements to add strategies, evaluators and block
// kinds to Archscape without rebuilding it. A plugin is a shared library exporting two
// C functions: archscape_plugin_api_version(), which the host calls first and
// compares with its own ARCHSCAPE_PLUGIN_API_VERSION, and, only when they
// agree, archscape_create_plugin(), which returns the plugin object. The
// object names itself and hands its factories to the host's registrar.
//
// The objects crossing the boundary are C++ (std::string, std::function, the
// engine's Strategy and Evaluator): build a plugin with the same compiler and
// standard library as Archscape, against the headers of the same version.
// Raise the version whenever this header or a type it reaches changes.

#include "eval/EvaluatorRegistry.h"
#include "search/StrategyRegistry.h"
#include "space/BlockKindExtension.h"

#include <memory>
#include <string>

// 2: block kinds (PluginRegistrar::addBlockKind); phase progress for
// Evaluator::prepare and strategies (PhaseReporter).
#define ARCHSCAPE_PLUGIN_API_VERSION 2

#if defined(_WIN32)
#define ARCHSCAPE_PLUGIN_EXPORT __declspec(dllexport)
#else
#define ARCHSCAPE_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

namespace archscape {

// What a plugin adds, collected by the host: it checks the names against
// what is known already before anything becomes visible.
class PluginRegistrar
{
public:
    virtual ~PluginRegistrar() = default;
    virtual void addStrategy(const std::string& name, StrategyRegistry::Factory factory) = 0;
    virtual void addEvaluator(const std::string& name, EvaluatorRegistry::Factory factory) = 0;
    // The kind's name is its description's (BlockKindExtension::describe()).
    virtual void addBlockKind(std::shared_ptr<const BlockKindExtension> kind) = 0;
};

class Plugin
{
public:
    virtual ~Plugin() = default;
    virtual std::string name() const = 0;
    virtual std::string version() const = 0;
    virtual std::string description() const = 0;
    // Called once, right after the plugin is created. May throw: the plugin
    // is then refused and nothing it registered is kept.
    virtual void registerComponents(PluginRegistrar& registrar) = 0;
};

} // namespace archscape

extern "C" {
// The entry points' names and types, as the host looks them up.
using ArchscapePluginApiVersionFunction = int (*)();
using ArchscapeCreatePluginFunction = archscape::Plugin* (*)(int hostApiVersion);
}

#define ARCHSCAPE_PLUGIN_API_VERSION_SYMBOL "archscape_plugin_api_version"
#define ARCHSCAPE_CREATE_PLUGIN_SYMBOL "archscape_create_plugin"

// Defines both entry points for a plugin class with a default constructor.
// The host owns the returned object and deletes it at exit.
#define ARCHSCAPE_DECLARE_PLUGIN(PluginClass)                                                      \
    extern "C" ARCHSCAPE_PLUGIN_EXPORT int archscape_plugin_api_version()                          \
    {                                                                                              \
        return ARCHSCAPE_PLUGIN_API_VERSION;                                                       \
    }                                                                                              \
    extern "C" ARCHSCAPE_PLUGIN_EXPORT archscape::Plugin* archscape_create_plugin(                 \
        int hostApiVersion)                                                                        \
    {                                                                                              \
        if (hostApiVersion != ARCHSCAPE_PLUGIN_API_VERSION)                                        \
            return nullptr;                                                                        \
        return new PluginClass();                                                                  \
    }
