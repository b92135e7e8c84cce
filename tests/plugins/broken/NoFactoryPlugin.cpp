// A plugin that reports its interface version but has no factory.

#include "plugin/PluginInterface.h"

extern "C" ARCHSCAPE_PLUGIN_EXPORT int archscape_plugin_api_version()
{
    return ARCHSCAPE_PLUGIN_API_VERSION;
}
