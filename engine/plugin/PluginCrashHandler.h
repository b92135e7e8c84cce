#pragma once
// Names the plugin when a plugin's code crashes the process (a segfault in
// a strategy's propose() cannot be caught): on SIGSEGV, SIGBUS, SIGILL,
// SIGFPE or SIGABRT it writes one line to standard error saying which
// plugin file crashed, in which function, and that the finished trials are
// safe, then lets the signal end the process as it would have, so the exit
// status still shows it. A crash elsewhere gets a plain "crashed" line.
// The handler only looks up addresses (dladdr) and writes prepared text.

#include <string>

namespace archscape {

class PluginCrashHandler
{
public:
    // Once per process, at start-up: `program` begins the messages; with a
    // reportFile, the message is also written there without the program's
    // name ("the plugin ... crashed ..."), for the next start to show (the
    // file's folder must exist).
    static void install(const std::string& program, const std::string& reportFile = {});

    // A file about to be loaded as a plugin: a crash in its code is blamed
    // on it. Called by PluginCatalog for every file it loads.
    static void watch(const std::string& pluginFile);
};

} // namespace archscape
