#pragma once
// Tries a plugin file in a separate process (archscape-plugin-probe) before
// the host loads it, so that a plugin that crashes or hangs while loading is
// refused instead of taking the host down. The child does what the host does
// at load time (PluginLoader::load); its verdict decides:
// killed by a signal, still busy after the timeout (then killed), or ended
// before it reported: refused, saying so; refused by the loader: refused
// with the loader's reason; loaded: the host loads it in-process. Without a
// probe executable, nothing is refused here.

#include <chrono>
#include <string>

namespace archscape {

class PluginProbe
{
public:
    // The probe installed beside this program (lib/archscape beside bin/),
    // else, for a program run from the build tree, the build tree's, else
    // none. The timeout is ARCHSCAPE_PLUGIN_PROBE_TIMEOUT (seconds), else 20 s.
    static PluginProbe forThisProgram();

    PluginProbe(std::string executable, std::chrono::milliseconds timeout);

    const std::string& executable() const { return executable_; }
    std::chrono::milliseconds timeout() const { return timeout_; }

    // Why the file must not be loaded in this process, or "" when it loaded
    // in the probe, or when there is no probe to run.
    std::string refusalOf(const std::string& file) const;

    // What the probe executable does with the file: 0 when it loads; 1,
    // with the loader's reason written to reportFd, when it is refused.
    static int probeInThisProcess(const std::string& file, int reportFd);

private:
    std::string executable_;
    std::chrono::milliseconds timeout_;
};

} // namespace archscape
