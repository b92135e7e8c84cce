// Zero-cost proxies against trained accuracy: for every complete trial of
// a study trained by the "train" evaluator, the proxies of its
// architecture (one Fashion-MNIST mini-batch of 64, weights seeded by the
// architecture), and the rank correlation of each with test_acc and
// valid_acc, printed beside the published NAS-Bench-201 / CIFAR-10
// figures (Abdelfattah et al., ICLR 2021, Spearman ρ over 15,625 cells).
//
// usage: bench_zc_rank STUDY.db [DATA=/usr/share/datasets/fashion-mnist] [THREADS=0: all]

#include "BenchSupport.h"

#include "stats/RankCorrelation.h"
#include "study/Study.h"
#include "torch/ModuleFlopCounter.h"
#include "torch/NetworkModule.h"
#include "torch/TorchThreads.h"
#include "torch/ZeroCostEvaluator.h"
#include "torch/ZeroCostProxies.h"

#include <torch/torch.h>

#include <cstdio>
#include <exception>
#include <map>
#include <string>
#include <vector>

using namespace archscape;

namespace {

struct Published
{
    const char* name;
    double spearman; // NAS-Bench-201, CIFAR-10 (their Table / Figure 1)
};

int run(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_zc_rank STUDY.db [DATA] [THREADS]\n");
        return 2;
    }
    const std::string data = argc > 2 ? argv[2] : "/usr/share/datasets/fashion-mnist";
    const int threads = TorchThreads::apply(argc > 3 ? std::atoi(argv[3]) : 0);
    auto study = Study::open(argv[1]);
    if (study->settings() && study->settings()->evaluator != "train")
        std::printf("note: this study's evaluator is '%s', not 'train'\n",
                    study->settings()->evaluator.c_str());
    const ZeroCostBatch batch = ZeroCostEvaluator::loadBatch(data, 1, torch::kCPU);

    std::map<std::string, std::vector<double>> scores;
    std::vector<double> testAcc, validAcc;
    const double start = bench::seconds();
    for (const TrialRecord& trial : study->storage().trials()) {
        const auto test = trial.metric("test_acc"), valid = trial.metric("valid_acc");
        if (trial.state != TrialState::Complete || !test || !valid)
            continue;
        const Architecture arch = study->codec().decode(trial.encoding);
        torch::manual_seed(1 * 0x9E3779B97F4A7C15ull + study->codec().hash(arch));
        NetworkModule module(study->codec().network(arch, false));
        scores["params"].push_back(double(module->parameterCount()));
        scores["flops"].push_back(double(ModuleFlopCounter::count(*module).macs));
        scores["synflow"].push_back(ZeroCostProxies::synflow(*module));
        scores["grad_norm"].push_back(ZeroCostProxies::gradNorm(*module, batch.images, batch.labels));
        scores["jacob_cov"].push_back(ZeroCostProxies::jacobCov(*module, batch.images));
        scores["snip"].push_back(ZeroCostProxies::snip(*module, batch.images, batch.labels));
        testAcc.push_back(*test);
        validAcc.push_back(*valid);
    }
    const double elapsed = bench::seconds() - start;
    std::printf("bench_zc_rank: zero-cost proxies vs trained accuracy\n");
    std::printf("machine: %s; LibTorch %d thread(s)\n", bench::machineDescription().c_str(),
                threads);
    std::printf("study: %s, %zu complete trials with test_acc and valid_acc; proxies in %.1f s "
                "(%.2f s per architecture), mini-batch of %lld from %s\n",
                argv[1], testAcc.size(), elapsed, testAcc.empty() ? 0.0 : elapsed / testAcc.size(),
                static_cast<long long>(batch.images.size(0)), data.c_str());
    if (testAcc.size() < 3) {
        std::printf("too few trained trials to rank (need 3)\n");
        return 1;
    }
    std::printf("\n%-10s %10s %10s %12s %12s   %s\n", "proxy", "tau(test)", "rho(test)",
                "tau(valid)", "rho(valid)", "published rho, NB201 CIFAR-10");
    const std::vector<Published> rows{
        {"synflow", 0.74}, {"jacob_cov", 0.73}, {"grad_norm", 0.58},
        {"snip", 0.58},    {"params", -1},    {"flops", -1}};
    for (const Published& row : rows) {
        const auto& s = scores[row.name];
        char published[32] = "-";
        if (row.spearman >= 0)
            std::snprintf(published, sizeof published, "%.2f", row.spearman);
        std::printf("%-10s %10.3f %10.3f %12.3f %12.3f   %s\n", row.name, kendallTau(s, testAcc),
                    spearmanRho(s, testAcc), kendallTau(s, validAcc), spearmanRho(s, validAcc),
                    published);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_zc_rank: %s\n", e.what());
        return 1;
    }
}
