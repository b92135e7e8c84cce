// Training throughput: images per second of the engine's Trainer beside a
// plain hand-written LibTorch loop on the same network (the Fashion-MNIST
// space's default architecture, or --arch ENC), the same weights at the
// start, the same images, batch size, optimizer and thread count, in one
// run. The two alternate (--rounds times, each first in every other round)
// so that load on the machine falls on both; each side's best round is
// compared. The goal: the Trainer within 5 % of the plain loop.
//
// On a GPU (--device cuda:0) both sides train in float32, and the Trainer
// is also timed with its bfloat16 autocast.
//
//   bench_train_throughput [--images N] [--batch B] [--threads T] [--rounds R]
//                          [--arch ENC] [--data FOLDER] [--device cpu|cuda:N]

#include "BenchSupport.h"

#include "space/ArchitectureCodec.h"
#include "space/SpaceFile.h"
#include "torch/DeviceSelection.h"
#include "torch/HostMemory.h"
#include "torch/NetworkModule.h"
#include "torch/TorchThreads.h"
#include "torch/Trainer.h"
#include "torch/TrainingData.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace archscape;
using namespace archscape::bench;

namespace {

// What anyone would write first: shuffle, cut batches out of the tensors,
// forward, cross-entropy, backward, step, and keep the running loss.
double plainLoopRate(NetworkModule& module, const TrainingData& data, const torch::Tensor& cpuIndices,
                     int64_t batch, double lr, uint64_t seed, const torch::Device& device)
{
    const auto& t = data.on(device);
    const torch::Tensor indices = cpuIndices.to(device);
    module->to(device);
    torch::optim::SGD optimizer(module->parameters(),
                                torch::optim::SGDOptions(lr).momentum(0.9).weight_decay(5e-4));
    module->train();
    auto generator = at::detail::createCPUGenerator(seed);
    const double start = seconds();
    const int64_t n = indices.numel();
    const torch::Tensor order = indices.index_select(0, torch::randperm(n, generator).to(device));
    double lossSum = 0.0;
    int64_t seen = 0;
    for (int64_t begin = 0; begin + 1 < n; begin += batch) {
        const torch::Tensor idx = order.slice(0, begin, std::min(n, begin + batch));
        const torch::Tensor x = t.trainImages.index_select(0, idx);
        const torch::Tensor y = t.trainLabels.index_select(0, idx);
        optimizer.zero_grad();
        torch::Tensor loss = torch::nn::functional::cross_entropy(module->forward(x), y);
        loss.backward();
        optimizer.step();
        lossSum += loss.item<double>() * double(idx.numel());
        seen += idx.numel();
    }
    const double elapsed = seconds() - start;
    std::printf("  plain loop: %6lld images in %6.2f s  %7.0f images/s  (loss %.3f)\n",
                (long long)seen, elapsed, double(seen) / elapsed, lossSum / double(seen));
    return double(seen) / elapsed;
}

double trainerRate(NetworkModule& module, const TrainingData& data, const TrainingSettings& s,
                   const char* label = "Trainer:   ")
{
    const TrainingResult r = Trainer(s).train(module, data);
    if (!r.finished) {
        std::printf("  Trainer failed: %s\n", r.failure.c_str());
        return 0.0;
    }
    const double rate = double(r.imagesTrained) / r.trainTimeS;
    std::printf("  %s %6lld images in %6.2f s  %7.0f images/s  (loss %.3f)\n", label,
                (long long)r.imagesTrained, r.trainTimeS, rate, r.epochs.front().trainLoss);
    return rate;
}

} // namespace

int main(int argc, char** argv)
{
    const int64_t images = std::stoll(option(argc, argv, "--images", "12000"));
    const int64_t batch = std::stoll(option(argc, argv, "--batch", "128"));
    HostMemory::keepFreedMemory(); // as the train evaluator does, for both sides
    const int threads = TorchThreads::apply(std::stoi(option(argc, argv, "--threads", "0")));
    const int rounds = std::stoi(option(argc, argv, "--rounds", "3"));
    const std::string folder = option(argc, argv, "--data", "/usr/share/datasets/fashion-mnist");

    ArchitectureCodec codec(SpaceFile::load(ARCHSCAPE_SOURCE_DIR "/resources/spaces/fashion_mnist.json"));
    const std::string encoding = option(argc, argv, "--arch", "");
    const std::string deviceName = option(argc, argv, "--device", "cpu");
    const torch::Device device = DeviceSelection::parse(deviceName);
    const Architecture arch = encoding.empty() ? codec.defaultArchitecture() : codec.decode(encoding);
    const Network network = codec.network(arch);

    // No validation split: both sides time the training pass alone.
    auto data = TrainingData::load(folder, 0.0, 1);
    const double fraction = std::min(1.0, double(images) / double(data->trainIndices(1.0).numel()));
    const torch::Tensor indices = data->trainIndices(fraction);

    TrainingSettings s;
    s.epochs = 1;
    s.batchSize = batch;
    s.trainFraction = fraction;
    s.validationFraction = 0.0;
    s.learningRate = 0.05;
    s.seed = 1;
    s.threads = threads;
    s.device = deviceName;
    s.mixedPrecision = false;

    std::printf("Training throughput, %s\n", machineDescription().c_str());
    std::printf("network: %s (%lld parameters)\n", codec.encode(arch).c_str(),
                (long long)NetworkModule(network)->parameterCount());
    std::printf("data: %lld Fashion-MNIST images, batch %lld, SGD momentum 0.9, %d LibTorch "
                "thread(s), float32 on %s, %d rounds\n",
                (long long)indices.numel(), (long long)batch, threads, device.str().c_str(), rounds);

    double bestPlain = 0.0, bestTrainer = 0.0, bestMixed = 0.0;
    // Which side runs first alternates: the second run of a round profits
    // from caches and allocator state the first one left behind.
    for (int round = 1; round <= rounds; ++round) {
        std::printf("round %d\n", round);
        const auto runPlain = [&] {
            NetworkModule plain(network);
            Trainer::initialise(plain, 1);
            bestPlain = std::max(bestPlain, plainLoopRate(plain, *data, indices, batch,
                                                          s.learningRate, 1, device));
        };
        const auto runTrainer = [&] {
            NetworkModule engine(network);
            Trainer::initialise(engine, 1);
            bestTrainer = std::max(bestTrainer, trainerRate(engine, *data, s));
        };
        if (round % 2 == 1) {
            runPlain();
            runTrainer();
        } else {
            runTrainer();
            runPlain();
        }
        if (device.is_cuda()) {
            TrainingSettings mixed = s;
            mixed.mixedPrecision = true;
            NetworkModule bf16(network);
            Trainer::initialise(bf16, 1);
            bestMixed = std::max(bestMixed, trainerRate(bf16, *data, mixed, "Trainer bf16:"));
        }
    }
    if (device.is_cuda())
        std::printf("best of %d: Trainer with bfloat16 autocast %.0f images/s\n", rounds, bestMixed);
    std::printf("best of %d: plain loop %.0f images/s, Trainer %.0f images/s: Trainer at %.1f %% "
                "of the plain loop (goal: at least 95 %%)\n",
                rounds, bestPlain, bestTrainer, 100.0 * bestTrainer / bestPlain);
    return 0;
}
