// A plugin whose factory dereferences a null pointer: a segfault while
// loading, which no exception handler catches. The host must try it in a
// separate process, refuse it and live on.

#include "plugin/PluginInterface.h"

extern "C" ARCHSCAPE_PLUGIN_EXPORT int archscape_plugin_api_version()
{
    return ARCHSCAPE_PLUGIN_API_VERSION;
}

extern "C" ARCHSCAPE_PLUGIN_EXPORT archscape::Plugin* archscape_create_plugin(int)
{
    // volatile: the compiler can neither see the null nor drop the store.
    volatile int* volatile nowhere = nullptr;
    *nowhere = 42;
    return nullptr;
}
