// Zero-cost proxies as predictor features, on the Fashion-MNIST space:
// for every complete trial of a study trained by the "train" evaluator,
// the proxies of its architecture (the "zc" scorer: one Fashion-MNIST
// mini-batch of 64, weights seeded by the architecture), and
//  1. Kendall tau and Spearman rho of each proxy (and of params and FLOPs,
//     as baselines) against trained test_acc, beside the published
//     NAS-Bench-201 CIFAR-10 Spearman figures (Abdelfattah et al., ICLR
//     2021, over 15,625 cells);
//  2. leave-one-out rank quality of the predictors (xgb, mlp) fitted on the
//     other trials, with and without the proxies among the features.
//
// usage: bench_zc_predictor STUDY.db [DATA=/usr/share/datasets/fashion-mnist] [THREADS=0: all]
// The study is opened for reading: pass a copy of one another program writes.

#include "BenchSupport.h"

#include "cost/NetworkCost.h"
#include "predict/ArchitectureFeatures.h"
#include "predict/PredictorRegistry.h"
#include "stats/RankCorrelation.h"
#include "study/Study.h"
#include "torch/MlpPredictor.h"
#include "torch/TorchThreads.h"
#include "torch/ZeroCostScorer.h"

#include <cmath>
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
    double spearman; // NAS-Bench-201, CIFAR-10; negative: not published there
};

struct Sample
{
    std::vector<std::vector<float>> oneHot, cost, zc; // feature blocks per architecture
    std::map<std::string, std::vector<double>> scores;
    std::vector<double> testAcc;
};

Sample collect(Study& study, ArchitectureScorer& scorer)
{
    Sample s;
    const ArchitectureCodec& codec = study.codec();
    for (const TrialRecord& trial : study.storage().trials()) {
        const auto test = trial.metric("test_acc");
        if (trial.state != TrialState::Complete || !test)
            continue;
        const Architecture arch = codec.canonical(codec.decode(trial.encoding));
        const NetworkCost cost = NetworkCost::of(codec.network(arch, false));
        const std::map<std::string, double> zc = scorer.scores(arch);
        s.scores["params"].push_back(double(cost.params));
        s.scores["flops"].push_back(double(cost.macs));
        std::vector<float> zcRow;
        for (const std::string& name : scorer.scoreNames()) {
            s.scores[name].push_back(zc.at(name));
            zcRow.push_back(ArchitectureFeatures::scaledScore(name, zc.at(name)));
        }
        s.oneHot.push_back(codec.features(arch));
        s.cost.push_back({float(std::log10(std::max<int64_t>(1, cost.params))),
                          float(std::log10(std::max<int64_t>(1, cost.macs)))});
        s.zc.push_back(zcRow);
        s.testAcc.push_back(*test);
    }
    return s;
}

FeatureMatrix assemble(const Sample& s, bool oneHot, bool zc)
{
    FeatureMatrix rows;
    for (size_t i = 0; i < s.testAcc.size(); ++i) {
        std::vector<float> row;
        if (oneHot)
            row = s.oneHot[i];
        row.insert(row.end(), s.cost[i].begin(), s.cost[i].end());
        if (zc)
            row.insert(row.end(), s.zc[i].begin(), s.zc[i].end());
        rows.push_back(std::move(row));
    }
    return rows;
}

// Each trial predicted by a model fitted on all the others.
std::vector<double> leaveOneOut(const std::string& model, const FeatureMatrix& rows,
                                const std::vector<double>& targets)
{
    std::vector<double> predicted;
    for (size_t out = 0; out < rows.size(); ++out) {
        FeatureMatrix train;
        std::vector<double> trainTargets;
        for (size_t i = 0; i < rows.size(); ++i)
            if (i != out) {
                train.push_back(rows[i]);
                trainTargets.push_back(targets[i]);
            }
        PredictorRequest request;
        request.members = model == "mlp" ? 3 : 1;
        request.trees = 100;
        request.seed = out;
        auto predictor = PredictorRegistry::create(model, request);
        predictor->fit(train, trainTargets);
        predicted.push_back(predictor->predict({rows[out]}).front().mean);
    }
    return predicted;
}

int run(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows while the slow part runs
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_zc_predictor STUDY.db [DATA] [THREADS]\n");
        return 2;
    }
    const std::string data = argc > 2 ? argv[2] : ZeroCostScorer::kDefaultData;
    const int threads = TorchThreads::apply(argc > 3 ? std::atoi(argv[3]) : 0);
    registerMlpPredictor();
    auto study = Study::open(argv[1]);
    if (study->settings() && study->settings()->evaluator != "train")
        std::printf("note: this study's evaluator is '%s', not 'train'\n",
                    study->settings()->evaluator.c_str());
    auto scorer = ZeroCostScorer::create(study->codec(), ScorerSettings{data, "cpu", 1});

    double start = bench::seconds();
    const Sample s = collect(*study, *scorer);
    const double zcSeconds = bench::seconds() - start;
    const size_t n = s.testAcc.size();
    std::printf("bench_zc_predictor: zero-cost proxies vs trained accuracy, and as predictor features\n");
    std::printf("machine: %s; LibTorch %d thread(s)\n", bench::machineDescription().c_str(), threads);
    std::printf("study: %s, %zu complete trials with test_acc; proxies in %.1f s "
                "(%.2f s per architecture), mini-batch of 64 from %s\n",
                argv[1], n, zcSeconds, n ? zcSeconds / n : 0.0,
                data.c_str());
    if (n < 4) {
        std::printf("too few trained trials to rank (need 4)\n");
        return 1;
    }
    const int epochs = study->settings() ? study->settings()->epochs : 0;
    std::printf("CAUTION: %zu architectures trained for %d epoch(s) each is a small, noisy sample: "
                "one rank correlation over %zu points has a standard error of about %.2f; the "
                "published figures rank 15,625 cells trained for 200 epochs.\n",
                n, epochs, n, 1.0 / std::sqrt(double(n) - 1.0));

    std::printf("\n1. Proxies against trained test_acc\n");
    std::printf("%-10s %9s %9s   %s\n", "proxy", "tau", "rho", "published rho (NB201 CIFAR-10, Abdelfattah et al. 2021)");
    const std::vector<Published> rows{{"synflow", 0.74}, {"jacob_cov", 0.73}, {"grad_norm", 0.58},
                                      {"snip", 0.58},    {"params", -1},      {"flops", -1}};
    for (const Published& row : rows) {
        char published[16] = "-";
        if (row.spearman >= 0)
            std::snprintf(published, sizeof published, "%.2f", row.spearman);
        auto it = s.scores.find(row.name);
        if (it == s.scores.end()) {
            std::printf("%-10s %9s %9s   %s (not computed here)\n", row.name, "-", "-", published);
            continue;
        }
        std::printf("%-10s %9.3f %9.3f   %s\n", row.name, kendallTau(it->second, s.testAcc),
                    spearmanRho(it->second, s.testAcc), published);
    }

    std::printf("\n2. Predictors, leave-one-out over the %zu trials (each predicted by a model fitted "
                "on the other %zu), rank quality of the predictions against test_acc\n",
                n, n - 1);
    std::printf("%-5s %-44s %9s %9s %9s\n", "model", "features", "tau", "rho", "time s");
    struct FeatureSet
    {
        const char* name;
        bool oneHot, zc;
    };
    const std::vector<FeatureSet> sets{{"one-hot + log params/flops", true, false},
                                       {"one-hot + log params/flops + zc proxies", true, true},
                                       {"log params/flops only", false, false},
                                       {"log params/flops + zc proxies", false, true}};
    for (const std::string model : {"xgb", "mlp"})
        for (const FeatureSet& set : sets) {
            start = bench::seconds();
            const std::vector<double> predicted =
                leaveOneOut(model, assemble(s, set.oneHot, set.zc), s.testAcc);
            std::printf("%-5s %-44s %9.3f %9.3f %9.1f\n", model.c_str(), set.name,
                        kendallTau(predicted, s.testAcc), spearmanRho(predicted, s.testAcc),
                        bench::seconds() - start);
        }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_zc_predictor: %s\n", e.what());
        return 1;
    }
}
