#pragma once
// Small shared pieces of the benchmarks: the machine they ran on, a
// scratch folder, wall-clock timing, and mean ± standard deviation.

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace archscape::bench {

inline std::string machineDescription()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line, model = "unknown CPU";
    while (std::getline(cpuinfo, line))
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores";
}

inline std::string scratchFolder()
{
    std::string pattern = "/tmp/archscape-bench-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data()))
        std::abort();
    return buffer.data();
}

inline double seconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

struct MeanStd
{
    double mean = 0.0;
    double std = 0.0;
};

inline MeanStd meanStd(const std::vector<double>& values)
{
    MeanStd r;
    if (values.empty())
        return r;
    for (double v : values)
        r.mean += v;
    r.mean /= double(values.size());
    for (double v : values)
        r.std += (v - r.mean) * (v - r.mean);
    r.std = std::sqrt(r.std / double(values.size()));
    return r;
}

// The value of `--name VALUE` on the command line, or `fallback`.
inline std::string option(int argc, char** argv, const std::string& name, const std::string& fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name)
            return argv[i + 1];
    return fallback;
}

} // namespace archscape::bench
