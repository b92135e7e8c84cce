// A plugin whose factory ends the process with exit(3): loaded in the
// host, it would end Archscape without a word. The probe sees its process
// end before it reported and the host refuses the plugin.

#include "plugin/PluginInterface.h"

#include <cstdlib>

extern "C" ARCHSCAPE_PLUGIN_EXPORT int archscape_plugin_api_version()
{
    return ARCHSCAPE_PLUGIN_API_VERSION;
}

extern "C" ARCHSCAPE_PLUGIN_EXPORT archscape::Plugin* archscape_create_plugin(int)
{
    std::exit(3);
}
