// First-order DARTS on the NAS-Bench-201 cell, searched on Fashion-MNIST on
// this machine: the settings, each epoch's losses, the softmax of the
// alphas per edge, the derived cell (NAS-Bench-201's argmax over every
// operation, and the argmax without "none"), its parameters and its
// CIFAR-10 test accuracy in the NAS-Bench-201 table beside the table's best
// and the published DARTS-V1 result on NAS-Bench-201, and the wall time.
//
// bench_darts [--epochs 2] [--train-fraction 0.015] [--cells 1] [--batch-size 64]
//             [--seed 0] [--threads 0] [--device cpu] [--data FOLDER] [--table CSV]

#include "BenchSupport.h"

#include "cost/NetworkCost.h"
#include "eval/Nb201Table.h"
#include "space/Nb201Format.h"
#include "space/SpaceFile.h"
#include "torch/TorchThreads.h"
#include "torch/TrainingData.h"
#include "torch/darts/DartsSearch.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace archscape;
using namespace archscape::bench;

namespace {

void printAlphas(const DartsEpoch& e, const CellDefinition& cell)
{
    std::printf("%-8s", "edge");
    for (const auto& op : cell.ops)
        std::printf(" %13s", op.c_str());
    std::printf("\n");
    const auto edges = cell.edges();
    for (size_t r = 0; r < edges.size(); ++r) {
        std::printf("%d<-%d    ", edges[r].second, edges[r].first);
        const torch::Tensor row = e.alphaSoftmax[0][int64_t(r)];
        const int64_t best = row.argmax().item<int64_t>();
        for (int64_t k = 0; k < row.size(0); ++k)
            std::printf(" %12.4f%s", row[k].item<double>(), k == best ? "*" : " ");
        std::printf("\n");
    }
}

void printCell(const char* title, const ArchitectureCodec& cifarCodec, const Architecture& arch,
               const Nb201Table& table)
{
    const std::string text = Nb201Format::format(cifarCodec, arch);
    const Nb201Row* row = table.find(text);
    std::printf("%s: %s\n", title, text.c_str());
    std::printf("  params (NAS-Bench-201 network, CIFAR-10 3x32x32): %lld\n",
                (long long)NetworkCost::of(cifarCodec.network(arch, false)).params);
    if (row)
        std::printf("  NAS-Bench-201 CIFAR-10: test %.2f %%, valid %.2f %% (index %d)\n",
                    row->testAcc, row->validAcc, row->index);
    else
        std::printf("  not in the NAS-Bench-201 table\n");
}

} // namespace

int main(int argc, char** argv)
{
    DartsSettings s;
    s.searchEpochs = std::stoi(option(argc, argv, "--epochs", "2"));
    s.trainFraction = std::stod(option(argc, argv, "--train-fraction", "0.015"));
    s.cellsPerStage = std::stoi(option(argc, argv, "--cells", "1"));
    s.batchSize = std::stoll(option(argc, argv, "--batch-size", "64"));
    s.seed = std::stoull(option(argc, argv, "--seed", "0"));
    s.threads = std::stoi(option(argc, argv, "--threads", "0"));
    s.device = option(argc, argv, "--device", "cpu");
    s.data = option(argc, argv, "--data", "/usr/share/datasets/fashion-mnist");
    const std::string tablePath =
        option(argc, argv, "--table", ARCHSCAPE_SHARED_DATA "/nb201/nb201_cifar10.csv");
    const double start = seconds();

    TorchThreads::apply(s.threads);
    std::printf("First-order DARTS on the NAS-Bench-201 cell, searched on Fashion-MNIST\n");
    std::printf("machine: %s; LibTorch threads: %d; device: %s\n", machineDescription().c_str(),
                TorchThreads::current(), s.device.c_str());
    auto data = TrainingData::load(s.data, s.validationFraction, s.seed);
    const ArchitectureCodec cifarCodec(SpaceFile::load(ARCHSCAPE_SOURCE_DIR "/resources/spaces/nb201.json"));
    torch::manual_seed(s.seed);
    DartsSupernet supernet(cifarCodec.space(),
                           Shape{data->channels(), data->height(), data->width(), false},
                           s.cellsPerStage);
    std::printf("settings: %s\n", s.toJson().c_str());
    std::printf("supernet: input %lldx%lldx%lld (the stem's input channels are the images'), "
                "%d cells (%d per stage), %lld operation weights; %lld training images "
                "(weight steps), %lld validation images (architecture steps)\n\n",
                (long long)data->channels(), (long long)data->height(), (long long)data->width(),
                supernet->cellCount(), s.cellsPerStage, (long long)supernet->weightCount(),
                (long long)data->trainIndices(s.trainFraction).numel(),
                (long long)data->validationIndices().numel());

    DartsSearch search(supernet, s);
    std::printf("%5s %10s %9s %10s %9s %8s  %s\n", "epoch", "train loss", "train acc",
                "valid loss", "valid acc", "seconds", "argmax cell");
    const auto history = search.run(*data, [&](const DartsEpoch& e) {
        supernet->to(torch::kCPU);
        const std::string cell = Nb201Format::format(cifarCodec, supernet->derive(cifarCodec, true));
        supernet->to(search.device());
        std::printf("%5d %10.4f %8.2f%% %10.4f %8.2f%% %8.1f  %s\n", e.epoch, e.trainLoss,
                    e.trainAcc, e.validLoss, e.validAcc, e.seconds, cell.c_str());
        std::fflush(stdout);
    });
    supernet->to(torch::kCPU);

    const CellDefinition& cell = supernet->definitions().at(0);
    std::printf("\nsoftmax(alpha) per edge before the search (* = largest):\n");
    printAlphas(history.front(), cell);
    std::printf("\nsoftmax(alpha) per edge after %d epochs (* = largest):\n", s.searchEpochs);
    printAlphas(history.back(), cell);

    const Nb201Table table(tablePath);
    double best = 0.0;
    for (const auto& [arch, row] : table.rows())
        best = std::max(best, row.testAcc);
    std::printf("\n");
    printCell("derived cell (argmax over all operations, NAS-Bench-201's protocol)", cifarCodec,
              supernet->derive(cifarCodec, true), table);
    printCell("derived cell without 'none'", cifarCodec, supernet->derive(cifarCodec, false), table);
    std::printf("NAS-Bench-201 table best: %.2f %%; published DARTS-V1 on NAS-Bench-201 "
                "(Dong & Yang 2020, CIFAR-10): 54.30 %% (collapses to an all-skip cell)\n",
                best);
    std::printf("wall time: %.1f s (search %.1f s)\n", seconds() - start,
                [&] {
                    double t = 0;
                    for (const auto& e : history)
                        t += e.seconds;
                    return t;
                }());
    return 0;
}
