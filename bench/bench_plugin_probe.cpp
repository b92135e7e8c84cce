// What trying a plugin in archscape-plugin-probe costs before it is loaded
// (engine/plugin/PluginProbe): the probe's run on the built-in plugin,
// median and fastest of 30, next to loading the same file in-process once.

#include "BenchSupport.h"

#include "plugin/PluginFolders.h"
#include "plugin/PluginLoader.h"
#include "plugin/PluginProbe.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

using namespace archscape;

int main()
{
    const PluginProbe probe = PluginProbe::forThisProgram();
    if (probe.executable().empty()) {
        std::fprintf(stderr,
                     "no archscape-plugin-probe found (build it: archscape-plugin-probe)\n");
        return 1;
    }
    const std::string plugin =
        (std::filesystem::path(PluginFolders::builtIn()) / "libarchscape_builtin_strategies.so")
            .string();
    std::printf("machine: %s\nplugin: %s\nprobe: %s\n", bench::machineDescription().c_str(),
                plugin.c_str(), probe.executable().c_str());

    std::vector<double> probeMs;
    for (int run = 0; run < 30; ++run) {
        const double start = bench::seconds();
        const std::string refusal = probe.refusalOf(plugin);
        probeMs.push_back((bench::seconds() - start) * 1000.0);
        if (!refusal.empty()) {
            std::fprintf(stderr, "the probe refused the built-in plugin: %s\n", refusal.c_str());
            return 1;
        }
    }
    std::sort(probeMs.begin(), probeMs.end());

    const double start = bench::seconds();
    PluginLoader::load(plugin);
    const double inProcessMs = (bench::seconds() - start) * 1000.0;

    std::printf("probe per plugin: median %.1f ms, fastest %.1f ms (30 runs)\n",
                probeMs[probeMs.size() / 2], probeMs.front());
    std::printf("in-process load of the same plugin (first dlopen): %.1f ms\n", inProcessMs);
    return 0;
}
