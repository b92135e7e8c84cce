#include "LatencyMeter.h"

#include "NetworkModule.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#ifdef ARCHSCAPE_TORCH_CUDA
#include <ATen/cuda/CUDAEvent.h>
#include <c10/cuda/CUDAGuard.h>
#endif

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <vector>

namespace archscape {

LatencyMeter::LatencyMeter(c10::Device device, LatencySettings settings)
    : device_(device), settings_(settings)
{
    if (settings_.timedRuns < 1 || settings_.warmupRuns < 0 || settings_.batch < 1)
        throw std::invalid_argument("latency: timed runs and batch size must be at least 1 and "
                                    "warm-up runs at least 0");
    if (settings_.clock == LatencyClock::ThreadCpu &&
        (!device_.is_cpu() || torch::get_num_threads() != 1))
        throw std::invalid_argument("latency: the thread CPU clock times only CPU runs on one "
                                    "LibTorch thread");
}

double LatencyMeter::nowMs() const
{
    if (settings_.clock == LatencyClock::ThreadCpu) {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
    }
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void LatencyMeter::synchronize() const
{
    if (device_.is_cuda())
        torch::cuda::synchronize(device_.index() < 0 ? -1 : device_.index());
}

double LatencyMeter::timedRunMs(const std::function<void()>& run) const
{
#ifdef ARCHSCAPE_TORCH_CUDA
    if (device_.is_cuda()) {
        // Events on the device's stream time the GPU's own work, without
        // the host's launch overhead after the last kernel is queued.
        const c10::cuda::CUDAGuard guard(device_);
        at::cuda::CUDAEvent start(cudaEventDefault);
        at::cuda::CUDAEvent stop(cudaEventDefault);
        synchronize();
        start.record();
        run();
        stop.record();
        stop.synchronize();
        return double(start.elapsed_time(stop));
    }
#endif
    synchronize();
    const double start = nowMs();
    run();
    synchronize();
    return nowMs() - start;
}

double LatencyMeter::measureMs(const std::function<void()>& run) const
{
    torch::NoGradGuard noGrad;
    for (int i = 0; i < settings_.warmupRuns; ++i)
        run();
    std::vector<double> times;
    times.reserve(static_cast<size_t>(settings_.timedRuns));
    for (int i = 0; i < settings_.timedRuns; ++i)
        times.push_back(timedRunMs(run));
    const size_t middle = times.size() / 2;
    std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(middle),
                     times.end());
    double median = times[middle];
    if (times.size() % 2 == 0) {
        const double below = *std::max_element(times.begin(),
                                               times.begin() + static_cast<std::ptrdiff_t>(middle));
        median = (median + below) / 2.0;
    }
    return median;
}

double LatencyMeter::measureMs(NetworkModuleImpl& module) const
{
    const Shape in = module.network().inputShape();
    const torch::Tensor input =
        torch::randn({settings_.batch, in.channels, in.height, in.width},
                     torch::TensorOptions(device_));
    const bool wasTraining = module.is_training();
    module.eval();
    const double ms = measureMs([&] { module.forward(input); });
    module.train(wasTraining);
    return ms;
}

} // namespace archscape
