// ONNX export: how long exporting the largest bundled architecture takes,
// how close onnxruntime's outputs come to LibTorch's over every verified
// architecture (each bundled space's default and 50 samples, plus the
// largest), and the batch-1 CPU latency of the exported model in
// onnxruntime against the LibTorch module, single-threaded and with each
// runtime's default thread count.
//   build/bench/bench_export [--runs N] [--samples S]

#include "BenchSupport.h"

#include "cost/NetworkCost.h"
#include "export/ModelExport.h"
#include "export/ModuleTensors.h"
#include "export/OnnxExporter.h"
#include "export/OrtBatchRunner.h"
#include "space/ArchitectureSampler.h"
#include "space/SpaceFile.h"
#include "torch/NetworkModule.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

using namespace archscape;
using namespace archscape::bench;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Every decision at the option with the most parameters, one decision at a
// time (parameters grow with kernel, expansion and depth independently).
Architecture largestArchitecture(const ArchitectureCodec& codec)
{
    Architecture arch = codec.defaultArchitecture();
    for (int round = 0; round < 2; ++round)
        for (size_t d = 0; d < arch.choices.size(); ++d) {
            int best = arch.choices[d];
            int64_t bestParams = -1;
            for (int o = 0; o < codec.decisions()[static_cast<int>(d)].size(); ++o) {
                arch.choices[d] = o;
                const int64_t params = NetworkCost::of(codec.network(arch, false)).params;
                if (params > bestParams) {
                    bestParams = params;
                    best = o;
                }
            }
            arch.choices[d] = best;
        }
    return codec.canonical(arch);
}

struct Verified
{
    OrtJob job;
    torch::Tensor expected;
};

Verified exportForCheck(const Network& net, uint64_t seed, const std::string& model)
{
    torch::manual_seed(seed);
    NetworkModule module(net);
    torch::NoGradGuard noGrad;
    module->train();
    for (int step = 0; step < 2; ++step) // non-trivial batch-norm statistics
        module->forward(torch::randn({2, net.inputShape().channels, net.inputShape().height,
                                      net.inputShape().width}) * 1.5 + 0.3);
    module->eval();
    const torch::Tensor input =
        torch::randn({2, net.inputShape().channels, net.inputShape().height, net.inputShape().width});
    Verified v;
    v.expected = module->forward(input);
    const std::vector<LayerTensors> tensors = moduleTensors(module);
    OnnxExporter(net, tensors).write(model);
    v.job.model = model;
    const torch::Tensor c = input.contiguous();
    v.job.input.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    v.job.shape = input.sizes().vec();
    return v;
}

double torchLatencyMs(NetworkModule& module, const torch::Tensor& input, int runs)
{
    torch::NoGradGuard noGrad;
    for (int i = 0; i < 5; ++i)
        module->forward(input);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double start = seconds();
        module->forward(input);
        ms.push_back((seconds() - start) * 1e3);
    }
    return median(ms);
}

} // namespace

int main(int argc, char** argv)
{
    const int runs = std::stoi(option(argc, argv, "--runs", "50"));
    const int samples = std::stoi(option(argc, argv, "--samples", "50"));
    const std::string spaces = std::string(ARCHSCAPE_SOURCE_DIR) + "/resources/spaces";
    const std::string scratch = scratchFolder();
    const int defaultThreads = torch::get_num_threads();
    OrtBatchRunner ort(ARCHSCAPE_NODE, ARCHSCAPE_SOURCE_DIR "/engine/export/ort_run.js",
                       ARCHSCAPE_ORT_NODE_DIR, scratch);
    std::cout << "bench_export on " << machineDescription() << "\n";

    // Export time of the largest bundled architecture (the largest MBConv).
    ArchitectureCodec mbconv(SpaceFile::load(spaces + "/mbconv.json"));
    const Architecture largest = largestArchitecture(mbconv);
    const Network largestNet = mbconv.network(largest);
    std::vector<double> exportMs;
    ExportReport report;
    for (int i = 0; i < 5; ++i) {
        const double start = seconds();
        report = ModelExport::exportArchitecture(mbconv, largest, 1, scratch + "/largest.onnx", {});
        exportMs.push_back((seconds() - start) * 1e3);
    }
    std::cout << "largest architecture (mbconv, " << largestNet.layers.size() << " layers, "
              << report.parameters << " parameters, "
              << std::filesystem::file_size(scratch + "/largest.onnx") / 1024 << " KiB):\n"
              << "  export time (build module, copy weights, checker, shape inference, write): "
              << median(exportMs) << " ms median of 5\n";

    // Max abs difference over every verified architecture.
    torch::set_num_threads(1);
    std::vector<Verified> checks;
    for (const char* file : {"fashion_mnist.json", "mbconv.json", "nb201.json"}) {
        ArchitectureCodec codec(SpaceFile::load(spaces + "/" + file));
        ArchitectureSampler sampler(codec);
        std::mt19937_64 rng(99);
        std::vector<Architecture> archs{codec.defaultArchitecture()};
        for (int k = 0; k < samples; ++k)
            archs.push_back(sampler.sample(rng));
        for (size_t k = 0; k < archs.size(); ++k)
            checks.push_back(exportForCheck(codec.network(archs[k]), k,
                                            scratch + "/" + file + std::to_string(k) + ".onnx"));
    }
    checks.push_back(exportForCheck(largestNet, 7, scratch + "/largest_check.onnx"));
    std::vector<OrtJob> jobs;
    for (const auto& c : checks)
        jobs.push_back(c.job);
    const std::vector<OrtResult> results = ort.run(jobs);
    double worst = 0.0;
    for (size_t i = 0; i < checks.size(); ++i) {
        const torch::Tensor got = torch::tensor(results[i].output).reshape(checks[i].expected.sizes());
        worst = std::max(worst, (got - checks[i].expected).abs().max().item<double>());
    }
    std::cout << "max abs difference onnxruntime vs LibTorch over " << checks.size()
              << " architectures (3 bundled spaces × (default + " << samples
              << " sampled) + the largest; batch 2, float32): " << worst << "\n";

    // Batch-1 latency of the largest exported model.
    torch::manual_seed(1);
    NetworkModule module(largestNet);
    module->eval();
    const Shape in = largestNet.inputShape();
    const torch::Tensor image = torch::randn({1, in.channels, in.height, in.width});
    std::cout << "batch-1 CPU latency of the largest architecture, median of " << runs
              << " runs after warm-up:\n";
    OrtJob timed;
    timed.model = scratch + "/largest.onnx";
    const torch::Tensor c = image.contiguous();
    timed.input.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    timed.shape = image.sizes().vec();
    timed.repeat = runs + 5;
    OrtJob single = timed;
    single.threads = 1;
    const std::vector<OrtResult> ortTimes = ort.run({single, timed});
    auto ortMedian = [&](const OrtResult& r) {
        return median(std::vector<double>(r.latenciesMs.begin() + 5, r.latenciesMs.end()));
    };
    torch::set_num_threads(1);
    const double torchSingle = torchLatencyMs(module, image, runs);
    torch::set_num_threads(defaultThreads);
    const double torchDefault = torchLatencyMs(module, image, runs);
    std::printf("  1 thread:            onnxruntime %.2f ms, LibTorch %.2f ms\n",
                ortMedian(ortTimes[0]), torchSingle);
    std::printf("  default threads:     onnxruntime %.2f ms (its default: one per core), "
                "LibTorch %.2f ms (%d threads, its default)\n",
                ortMedian(ortTimes[1]), torchDefault, defaultThreads);
    std::filesystem::remove_all(scratch);
    return 0;
}
