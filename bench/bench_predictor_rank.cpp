// How well predictors rank NAS-Bench-201 architectures (CIFAR-10 valid
// accuracy): trained on 50, 100, 200 and 1000 random architectures, Kendall
// tau and Spearman rho on all the other distinct architectures, mean over
// seeds; beside the published range (White et al. 2021, "How Powerful are
// Performance Predictors in NAS?": the best model-based predictors reach a
// Kendall tau of about 0.6-0.8 with a few hundred training architectures).

#include "BenchSupport.h"

#include "cost/NetworkCost.h"
#include "eval/Nb201TableEvaluator.h"
#include "predict/ArchitectureFeatures.h"
#include "predict/XgboostPredictor.h"
#include "space/ArchitectureSampler.h"
#include "space/SpaceFile.h"
#include "stats/RankCorrelation.h"
#ifdef ARCHSCAPE_HAVE_TORCH
#include "torch/MlpPredictor.h"
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <random>

using namespace archscape;
using namespace archscape::bench;

namespace {

struct Dataset
{
    FeatureMatrix oneHot, withCost;
    std::vector<std::vector<double>> freeStatistics; // log10 params, log10 FLOPs
    std::vector<double> validAcc;
};

Dataset everyArchitecture(const ArchitectureCodec& codec, std::shared_ptr<const Nb201Table> table)
{
    Dataset d;
    Nb201TableEvaluator evaluator(codec, table);
    ArchitectureFeatures plain(codec, false);
    ArchitectureSampler(codec).enumerate([&](const Architecture& a) {
        d.validAcc.push_back(evaluator.evaluate(a).metrics.at("valid_acc"));
        d.oneHot.push_back(plain.of(a));
        std::vector<float> f = d.oneHot.back();
        NetworkCost cost = NetworkCost::of(codec.network(a, false));
        double logParams = std::log10(double(std::max<int64_t>(1, cost.params)));
        double logFlops = std::log10(double(std::max<int64_t>(1, cost.macs)));
        f.push_back(float(logParams));
        f.push_back(float(logFlops));
        d.withCost.push_back(std::move(f));
        d.freeStatistics.push_back({logParams, logFlops});
        return true;
    });
    return d;
}

template <typename T>
std::vector<T> pick(const std::vector<T>& all, const std::vector<size_t>& rows)
{
    std::vector<T> out;
    out.reserve(rows.size());
    for (size_t r : rows)
        out.push_back(all[r]);
    return out;
}

struct Result
{
    std::vector<double> tau, rho;
    double seconds = 0.0;
};

} // namespace

int main(int argc, char** argv)
{
    const std::string table = option(argc, argv, "--table", ARCHSCAPE_SHARED_DATA "/nb201/nb201_cifar10.csv");
    const std::string spacePath = option(argc, argv, "--space", ARCHSCAPE_SOURCE_DIR "/resources/spaces/nb201.json");
    const int seeds = std::stoi(option(argc, argv, "--seeds", "10"));
    const std::vector<size_t> sizes{50, 100, 200, 1000};

    std::printf("Predictor rank quality on NAS-Bench-201 CIFAR-10 valid accuracy\n");
    std::printf("machine: %s; %d seeds; table %s\n", machineDescription().c_str(), seeds, table.c_str());
    ArchitectureCodec codec(SpaceFile::load(spacePath));
    Dataset data = everyArchitecture(codec, std::make_shared<const Nb201Table>(table));
    std::printf("%zu distinct architectures; each predictor is tested on all those it was not trained on\n\n",
                data.validAcc.size());

    // One model per row of the table; a model is made once per seed (the
    // MLP's pretraining on free statistics happens there, once) and then
    // fitted on each training-set size in turn.
    struct Model
    {
        std::string name;
        std::function<std::unique_ptr<Predictor>(uint64_t seed)> make;
        const FeatureMatrix* features;
    };
    std::vector<Model> models;
    models.push_back({"xgboost (one-hot + log params, FLOPs)",
                      [](uint64_t seed) -> std::unique_ptr<Predictor> {
                          XgboostSettings s;
                          s.seed = seed;
                          return std::make_unique<XgboostPredictor>(s);
                      },
                      &data.withCost});
#ifdef ARCHSCAPE_HAVE_TORCH
    for (bool pretrain : {false, true})
        models.push_back({pretrain ? "mlp (one-hot), pretrained params/FLOPs" : "mlp (one-hot)",
                          [&, pretrain](uint64_t seed) -> std::unique_ptr<Predictor> {
                              MlpSettings s;
                              s.seed = seed;
                              s.pretrainEpochs = 100; // on every architecture: keeps the bench to minutes
                              auto p = std::make_unique<MlpPredictor>(s);
                              if (pretrain) // free statistics of every architecture
                                  p->pretrain(data.oneHot, data.freeStatistics);
                              return p;
                          },
                          &data.oneHot});
#endif

    std::map<std::pair<size_t, size_t>, Result> results; // (model, size)
    for (int seed = 0; seed < seeds; ++seed) {
        std::vector<size_t> order(data.validAcc.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::mt19937_64 rng(static_cast<uint64_t>(seed));
        std::shuffle(order.begin(), order.end(), rng);
        for (size_t m = 0; m < models.size(); ++m) {
            double made = seconds();
            std::unique_ptr<Predictor> predictor = models[m].make(uint64_t(seed));
            double setup = seconds() - made;
            for (size_t n : sizes) {
                std::vector<size_t> train(order.begin(), order.begin() + long(n));
                std::vector<size_t> rest(order.begin() + long(n), order.end());
                double started = seconds();
                predictor->fit(pick(*models[m].features, train), pick(data.validAcc, train));
                std::vector<double> p;
                for (const auto& pr : predictor->predict(pick(*models[m].features, rest)))
                    p.push_back(pr.mean);
                Result& r = results[{m, n}];
                r.seconds += seconds() - started + (n == sizes.front() ? setup : 0.0);
                std::vector<double> measured = pick(data.validAcc, rest);
                r.tau.push_back(kendallTau(p, measured));
                r.rho.push_back(spearmanRho(p, measured));
            }
        }
    }

    std::printf("%-40s %6s  %-15s %-15s %8s\n", "predictor", "train", "Kendall tau", "Spearman rho", "s/fit");
    for (size_t m = 0; m < models.size(); ++m)
        for (size_t n : sizes) {
            const Result& r = results[{m, n}];
            MeanStd tau = meanStd(r.tau), rho = meanStd(r.rho);
            std::printf("%-40s %6zu  %5.3f ± %-6.3f  %5.3f ± %-6.3f  %8.2f\n", models[m].name.c_str(), n,
                        tau.mean, tau.std, rho.mean, rho.std, r.seconds / seeds);
        }
    std::printf("(s/fit: fit and predict; the first size also carries the pretraining)\n");
    std::printf("\npublished (White et al. 2021, NAS-Bench-201 CIFAR-10): best model-based predictors\n"
                "reach Kendall tau of about 0.6-0.8 with a few hundred training architectures\n");
    return 0;
}
