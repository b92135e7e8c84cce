// A plugin whose factory throws.

#include "plugin/PluginInterface.h"

#include <stdexcept>

extern "C" ARCHSCAPE_PLUGIN_EXPORT int archscape_plugin_api_version()
{
    return ARCHSCAPE_PLUGIN_API_VERSION;
}

extern "C" ARCHSCAPE_PLUGIN_EXPORT archscape::Plugin* archscape_create_plugin(int)
{
    throw std::runtime_error("deliberate failure in the factory");
}
