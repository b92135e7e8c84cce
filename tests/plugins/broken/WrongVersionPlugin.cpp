// A plugin built for another interface version: the host must refuse it
// without calling its factory (which would abort the process).

#include "plugin/PluginInterface.h"

#include <cstdlib>

extern "C" ARCHSCAPE_PLUGIN_EXPORT int archscape_plugin_api_version()
{
    return ARCHSCAPE_PLUGIN_API_VERSION + 41;
}

extern "C" ARCHSCAPE_PLUGIN_EXPORT archscape::Plugin* archscape_create_plugin(int)
{
    std::abort();
}
