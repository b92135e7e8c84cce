#pragma once
// Measured inference latency on the local device: warm-up runs, then the
// median of N timed runs, at batch size 1 by default, without gradients,
// in eval mode. On CUDA the device is synchronised before each timed run,
// which CUDA events then time (built against a CUDA LibTorch, whose ATen/cuda
// headers Debian's CPU-only LibTorch lacks: ARCHSCAPE_TORCH_CUDA).

#include <c10/core/Device.h>

#include <cstdint>
#include <functional>

namespace archscape {

struct NetworkModuleImpl;

// Wall: the latency a user sees. ThreadCpu: the CPU time of the calling
// thread, for a CPU run on one LibTorch thread (all its work is on the
// calling thread): what the run costs without the time other processes
// took the core away, for comparing timings on a busy machine.
enum class LatencyClock { Wall, ThreadCpu };

struct LatencySettings
{
    int warmupRuns = 10;
    int timedRuns = 50;
    int64_t batch = 1;
    LatencyClock clock = LatencyClock::Wall;
};

class LatencyMeter
{
public:
    // Throws std::invalid_argument for runs or a batch below 1 (warm-up: 0),
    // and for the ThreadCpu clock on CUDA or with more than one thread.
    explicit LatencyMeter(c10::Device device, LatencySettings settings = {});

    const c10::Device& device() const { return device_; }
    const LatencySettings& settings() const { return settings_; }

    // Median milliseconds of one forward pass of a random batch; the module
    // must be on this meter's device. Its training mode is restored after.
    double measureMs(NetworkModuleImpl& module) const;
    // Median milliseconds of `run` (the same warm-up and synchronisation).
    double measureMs(const std::function<void()>& run) const;

private:
    void synchronize() const;
    double nowMs() const;
    double timedRunMs(const std::function<void()>& run) const;

    c10::Device device_;
    LatencySettings settings_;
};

} // namespace archscape
