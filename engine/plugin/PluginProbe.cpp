#include "PluginProbe.h"

#include "PluginFolders.h"

#include "PluginError.h"
#include "PluginLoader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <system_error>

extern char** environ;

namespace archscape {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::chrono::milliseconds kDefaultTimeout{20000};
// Written by the probe when the plugin loaded: an exit status of 0 alone
// could also come from a plugin that calls exit(0) while loading.
constexpr char kLoadedToken[] = "archscape-plugin-probe: loaded";
const char* const kSeparateProcess = "it was tried in a separate process and not loaded";

std::chrono::milliseconds timeoutFromEnvironment()
{
    const char* value = std::getenv("ARCHSCAPE_PLUGIN_PROBE_TIMEOUT");
    if (!value || !*value)
        return kDefaultTimeout;
    char* end = nullptr;
    const double seconds = std::strtod(value, &end);
    if (*end != '\0' || !std::isfinite(seconds) || seconds <= 0 || seconds > 86400)
        return kDefaultTimeout;
    return std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000)));
}

std::string secondsText(std::chrono::milliseconds duration)
{
    std::ostringstream text;
    text << static_cast<double>(duration.count()) / 1000.0 << " s";
    return text.str();
}

void writeAll(int fd, const std::string& text)
{
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        written += static_cast<size_t>(n);
    }
}

// The probe's process, started with its output on a pipe to us, every other
// standard stream on /dev/null, and default signal handling: whatever this
// program ignores or blocks, the probe must not.
struct SpawnedProbe
{
    pid_t pid = -1;
    int output = -1;
};

SpawnedProbe spawnProbe(const std::string& executable, const std::string& file)
{
    int pipeFds[2];
    // O_CLOEXEC: no other child started meanwhile by another thread keeps
    // the pipe open.
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t signals;
    sigemptyset(&signals);
    posix_spawnattr_setsigmask(&attributes, &signals);
    sigfillset(&signals);
    posix_spawnattr_setsigdefault(&attributes, &signals);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    std::string program = executable, argument = file;
    char* argv[] = {program.data(), argument.data(), nullptr};
    SpawnedProbe probe;
    const int error =
        posix_spawn(&probe.pid, executable.c_str(), &actions, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (error != 0) {
        ::close(pipeFds[0]);
        return {};
    }
    probe.output = pipeFds[0];
    return probe;
}

struct ProbeOutcome
{
    enum class End { Exited, TimedOut, Unknown } end = End::Unknown;
    int status = 0; // waitpid's, when it exited
    std::string report;
};

// Appends what the output has now, waiting at most `waitMs`; false once it
// is closed.
bool readAvailable(int output, int waitMs, std::string& report)
{
    pollfd ready{output, POLLIN, 0};
    if (::poll(&ready, 1, waitMs) <= 0)
        return true;
    char buffer[4096];
    const ssize_t n = ::read(output, buffer, sizeof buffer);
    if (n > 0 && report.size() < 65536)
        report.append(buffer, static_cast<size_t>(n));
    return n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN));
}

// What is left in the output once the probe has exited, without waiting.
void drain(int output, std::string& report)
{
    while (readAvailable(output, 0, report)) {
        pollfd more{output, POLLIN, 0};
        if (::poll(&more, 1, 0) <= 0)
            return;
    }
}

// Reads the probe's report while it runs and waits for its end, at most
// until the deadline; then it is killed.
ProbeOutcome awaitProbe(const SpawnedProbe& probe, std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    ProbeOutcome outcome;
    bool outputOpen = true;
    for (;;) {
        const pid_t done = ::waitpid(probe.pid, &outcome.status, WNOHANG);
        if (done == probe.pid) {
            outcome.end = ProbeOutcome::End::Exited;
            if (outputOpen)
                drain(probe.output, outcome.report);
            break;
        }
        if (done < 0 && errno != EINTR)
            break; // not our child any more (SIGCHLD ignored): no verdict
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            ::kill(probe.pid, SIGKILL);
            int status = 0;
            while (::waitpid(probe.pid, &status, 0) < 0 && errno == EINTR) {
            }
            outcome.end = ProbeOutcome::End::TimedOut;
            break;
        }
        // The output closes when the probe exits; after that, poll its
        // status in short steps (a grandchild might hold the pipe open).
        const int step = static_cast<int>(std::min<long long>(left.count(), outputOpen ? 50 : 1));
        if (outputOpen)
            outputOpen = readAvailable(probe.output, step, outcome.report);
        else
            ::poll(nullptr, 0, step);
    }
    ::close(probe.output);
    return outcome;
}

std::string verdict(const ProbeOutcome& outcome, std::chrono::milliseconds timeout)
{
    if (outcome.end == ProbeOutcome::End::Unknown)
        return {}; // no verdict: load in-process, as without a probe
    if (outcome.end == ProbeOutcome::End::TimedOut)
        return "did not finish loading within " + secondsText(timeout) + " and was stopped; " +
               kSeparateProcess;
    if (WIFSIGNALED(outcome.status)) {
        const int signal = WTERMSIG(outcome.status);
        return "crashed while loading (signal " + std::to_string(signal) + ", " +
               ::strsignal(signal) + "); " + kSeparateProcess;
    }
    const int code = WIFEXITED(outcome.status) ? WEXITSTATUS(outcome.status) : -1;
    if (code == 0 && outcome.report == kLoadedToken)
        return {};
    if (code == 1 && !outcome.report.empty() && outcome.report != kLoadedToken)
        return outcome.report;
    return "ended its process while loading (exit status " + std::to_string(code) + "); " +
           kSeparateProcess;
}

} // namespace

PluginProbe PluginProbe::forThisProgram()
{
    return PluginProbe(PluginFolders::probeExecutable(), timeoutFromEnvironment());
}

PluginProbe::PluginProbe(std::string executable, std::chrono::milliseconds timeout)
    : executable_(std::move(executable)), timeout_(timeout)
{
}

std::string PluginProbe::refusalOf(const std::string& file) const
{
    if (executable_.empty())
        return {};
    const SpawnedProbe probe = spawnProbe(executable_, file);
    if (probe.pid < 0)
        return {}; // it cannot run here: load in-process, as without a probe
    return verdict(awaitProbe(probe, timeout_), timeout_);
}

int PluginProbe::probeInThisProcess(const std::string& file, int reportFd)
{
    // A crash is an expected answer here, not worth a core file.
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    try {
        PluginLoader::load(file);
    } catch (const PluginError& e) {
        writeAll(reportFd, e.reason());
        return 1;
    } catch (const std::exception& e) {
        writeAll(reportFd, e.what());
        return 1;
    }
    writeAll(reportFd, kLoadedToken);
    return 0;
}

} // namespace archscape
