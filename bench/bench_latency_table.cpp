// Latency lookup table against measurement: for 50 sampled architectures
// of the Fashion-MNIST and MBConv spaces, each network's measured latency
// (median of 30 runs after 10 warm-up runs, batch 1, CPU) beside the
// table's estimate (each distinct operation timed alone: median of 15
// runs after 3 warm-up runs; the sum over the network's operations), the
// mean absolute percentage error, and the time to build the table; with
// one thread, once by the wall clock and once by the thread's CPU clock.
//
// On a GPU (DEVICE cuda:0) the wall clock is CUDA events (LatencyMeter).
//
// usage: bench_latency_table [ARCHS=50] [THREADS=1] [DEVICE=cpu]

#include "BenchSupport.h"

#include "space/ArchitectureCodec.h"
#include "space/ArchitectureSampler.h"
#include "space/SpaceFile.h"
#include "torch/DeviceSelection.h"
#include "torch/LatencyMeter.h"
#include "torch/LatencyTable.h"
#include "torch/NetworkModule.h"
#include "torch/TorchThreads.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace archscape;

namespace {

void benchSpace(const std::string& file, int count, LatencyClock clock, const torch::Device& device)
{
    const ArchitectureCodec codec(SpaceFile::load(std::string(ARCHSCAPE_SOURCE_DIR) +
                                                  "/resources/spaces/" + file));
    const ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(2026);
    std::vector<Network> nets;
    for (int i = 0; i < count; ++i)
        nets.push_back(codec.network(sampler.sample(rng), false));

    LatencyTable table(LatencyTable::deviceLabel(device));
    const LatencyMeter opMeter(device, {3, 15, 1, clock});
    const double start = bench::seconds();
    int timed = 0;
    for (const Network& net : nets)
        timed += table.measureMissing(net, opMeter);
    const double buildS = bench::seconds() - start;

    const LatencyMeter meter(device, {10, 30, 1, clock});
    std::vector<double> errors, measured;
    double worst = 0.0;
    torch::manual_seed(1);
    for (const Network& net : nets) {
        NetworkModule module(net, device);
        const double ms = meter.measureMs(*module);
        const double estimate = table.estimateMs(net);
        const double error = std::abs(estimate - ms) / ms;
        errors.push_back(error);
        measured.push_back(ms);
        worst = std::max(worst, error);
    }
    const auto err = bench::meanStd(errors);
    const auto lat = bench::meanStd(measured);
    std::printf("%-11s %-19s %3d archs  table: %4d operations in %6.1f s   measured %7.3f ± %6.3f ms"
                "   MAPE %5.1f %% (± %4.1f, worst %5.1f %%)\n",
                clock == LatencyClock::Wall ? "wall" : "thread-cpu", file.c_str(), count, timed, buildS, lat.mean, lat.std, 100.0 * err.mean,
                100.0 * err.std, 100.0 * worst);
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50;
    const int threads = TorchThreads::apply(argc > 2 ? std::atoi(argv[2]) : 1);
    const torch::Device device = DeviceSelection::parse(argc > 3 ? argv[3] : "cpu");
    std::printf("bench_latency_table: lookup-table estimate vs measured latency, %s, batch 1\n",
                device.str().c_str());
    std::printf("machine: %s; LibTorch %d thread(s)\n", bench::machineDescription().c_str(),
                threads);
    // Wall-clock latency is the figure; on a shared, busy machine other
    // processes stretch long runs more than short ones, so the same runs are
    // also timed by the thread's CPU clock (one thread only).
    for (LatencyClock clock : {LatencyClock::Wall, LatencyClock::ThreadCpu}) {
        if (clock == LatencyClock::ThreadCpu && (threads != 1 || !device.is_cpu()))
            continue;
        for (const char* file : {"fashion_mnist.json", "mbconv.json"})
            benchSpace(file, count, clock, device);
    }
    return 0;
}
