// A shared library that is not an Archscape plugin: no entry points at all.

extern "C" __attribute__((visibility("default"))) int archscape_something_else()
{
    return 1;
}
