// archscape-plugin-probe FILE: loads one plugin file as Archscape would
// (PluginLoader), in a process of its own, for a host that must not crash
// or hang with it (engine/plugin/PluginProbe). Its verdict goes to standard
// output, which is all the host reads: exit 0 when the plugin loaded,
// 1 with the reason when it is refused; a crash or a hang is the host's
// to see. Whatever the plugin itself prints goes to /dev/null.

#include "plugin/PluginProbe.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: archscape-plugin-probe PLUGIN.so\n");
        return 2;
    }
    const int report = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (report < 0 || devNull < 0 || ::dup2(devNull, STDOUT_FILENO) < 0) {
        std::perror("archscape-plugin-probe");
        return 2;
    }
    ::close(devNull);
    return archscape::PluginProbe::probeInThisProcess(argv[1], report);
}
