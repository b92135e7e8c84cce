// A real search on the CPU: 20 architectures of the Fashion-MNIST space,
// each trained for one epoch on the training split by the "train"
// evaluator, through the SearchRunner and a study file that stays for
// others to read (zero-cost proxies against trained accuracy, say). Prints
// the wall time, each trial, the best test accuracy, and then the test
// accuracy of the best architecture (by validation accuracy) trained for
// 10 epochs, stored in the study as its full training.
//
//   bench_train_search [--study /tmp/archscape-train20.db] [--budget 20]
//                      [--epochs 1] [--full-epochs 10] [--threads T]
//                      [--seed S] [--data FOLDER]

#include "BenchSupport.h"

#include "eval/EvaluatorRegistry.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "space/SpaceFile.h"
#include "study/Study.h"
#include "torch/FullTraining.h"
#include "torch/TorchThreads.h"
#include "torch/TrainEvaluator.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace archscape;
using namespace archscape::bench;

int main(int argc, char** argv)
{
    const std::string path = option(argc, argv, "--study", "/tmp/archscape-train20.db");
    RunSettings s;
    s.strategy = "random";
    s.evaluator = "train";
    s.budget = std::stoll(option(argc, argv, "--budget", "20"));
    s.epochs = std::stoi(option(argc, argv, "--epochs", "1"));
    s.seed = std::stoull(option(argc, argv, "--seed", "1"));
    s.data = option(argc, argv, "--data", "/usr/share/datasets/fashion-mnist");
    s.options["threads"] = std::stod(option(argc, argv, "--threads", "0"));
    const int fullEpochs = std::stoi(option(argc, argv, "--full-epochs", "10"));

    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    auto study = Study::create(path, SpaceFile::load(ARCHSCAPE_SOURCE_DIR "/resources/spaces/fashion_mnist.json"),
                               "train20");
    study->saveSettings(s);
    registerTrainEvaluator();
    StrategySettings strategySettings;
    strategySettings.objectives = s.objectives;
    strategySettings.seed = s.seed;
    strategySettings.budget = s.budget;
    auto strategy = StrategyRegistry::create(s.strategy, study->codec(), strategySettings);
    auto evaluator = EvaluatorRegistry::create(s, study->codec());
    std::printf("Search with training, %s, %d LibTorch thread(s)\n", machineDescription().c_str(),
                TorchThreads::current());
    std::printf("%lld random architectures of fashion_mnist.json, %d epoch(s) each on the "
                "training split (54,000 images; 6,000 held out for valid_acc), SGD, batch 128\n",
                (long long)s.budget, s.epochs);
    std::fflush(stdout);

    SearchRunner runner(study->storage(), study->codec(), *strategy, *evaluator, s.objectives,
                        RunLimits{s.budget, 0.0, 1});
    const double start = seconds();
    runner.run();
    const double searchS = seconds() - start;

    const TrialRecord* best = nullptr;
    double bestTest = -1.0;
    const std::vector<TrialRecord> trials = study->storage().trials();
    for (const TrialRecord& t : trials) {
        std::printf("  trial %2lld  %-8s valid %6.2f %%  test %6.2f %%  %7.0f params  %5.1f s  %s%s\n",
                    (long long)t.number, trialStateName(t.state), t.metric("valid_acc").value_or(0),
                    t.metric("test_acc").value_or(0), t.metric("params").value_or(0),
                    t.metric("train_time_s").value_or(0), t.encoding.c_str(), t.error.c_str());
        if (t.state != TrialState::Complete)
            continue;
        bestTest = std::max(bestTest, t.metric("test_acc").value_or(0));
        if (!best || t.metric("valid_acc") > best->metric("valid_acc"))
            best = &t;
    }
    std::printf("search: %lld trials in %.1f s (%.1f s a trial); best test_acc %.2f %%\n",
                (long long)s.budget, searchS, searchS / double(s.budget), bestTest);
    if (!best) {
        std::printf("no trial completed\n");
        return 1;
    }
    const int64_t number = best->number;
    std::printf("best by valid_acc: trial %lld (valid %.2f %%, test %.2f %%)\n", (long long)number,
                best->metric("valid_acc").value_or(0), best->metric("test_acc").value_or(0));
    std::fflush(stdout);

    const double fullStart = seconds();
    const FullTrainingResult full =
        FullTraining::run(*study, number, FullTraining::settingsFor(*study, fullEpochs));
    const double fullS = seconds() - fullStart;
    for (const CurvePoint& c : full.outcome.curves)
        if (c.name == "valid_acc")
            std::printf("  epoch %2lld: valid %.2f %%\n", (long long)c.step, c.value);
    if (full.outcome.state != TrialState::Complete) {
        std::printf("full training failed: %s\n", full.outcome.error.c_str());
        return 1;
    }
    std::printf("trial %lld trained for %d epochs in %.1f s: valid %.2f %%, test %.2f %%\n",
                (long long)number, fullEpochs, fullS, full.outcome.metrics.at("valid_acc"),
                full.outcome.metrics.at("test_acc"));
    std::printf("study: %s (full training in its study artifact %s/%s)\n", path.c_str(),
                FullTraining::kArtifactKind, FullTraining::artifactName(number).c_str());
    return 0;
}
