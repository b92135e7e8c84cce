// Single-path one-shot search against stand-alone training: trains one
// SPOS supernet over the Fashion-MNIST space, scores every architecture a
// "train" study trained stand-alone (its complete trials) with the weights
// it inherits (batch norms recalibrated), and prints the Kendall tau and
// Spearman rho between inherited and stand-alone accuracy, the wall time of
// the supernet's training beside the summed stand-alone training time of
// those architectures, and the time to score one candidate (also with the
// cheaper settings a long search would use, over random architectures).
// The study is copied first and only read; the data split is the study's
// (its seed and validation fraction), so valid_acc is the same images.
//
//   bench_supernet_rank [--study /tmp/s3/train20.db] [--epochs 3]
//                       [--train-fraction 1] [--sampling 0|1] [--bn-batches 20]
//                       [--threads 0] [--device cpu] [--data /usr/share/datasets/fashion-mnist]
//                       [--random 100]

#include "BenchSupport.h"

#include "space/ArchitectureSampler.h"
#include "stats/RankCorrelation.h"
#include "study/Study.h"
#include "torch/DeviceSelection.h"
#include "torch/TorchThreads.h"
#include "torch/TrainingData.h"
#include "torch/oneshot/InheritedWeightsScorer.h"
#include "torch/oneshot/SinglePathSupernet.h"
#include "torch/oneshot/SupernetTrainer.h"

#include <torch/torch.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace archscape;
using namespace archscape::bench;

namespace {

std::string copyStudy(const std::string& path)
{
    const std::string copy = scratchFolder() + "/study.db";
    for (const char* suffix : {"", "-wal", "-shm"})
        if (std::filesystem::exists(path + suffix))
            std::filesystem::copy_file(path + suffix, copy + suffix);
    return copy;
}

void printCorrelation(const char* what, const std::vector<double>& x, const std::vector<double>& y)
{
    std::printf("  %-44s Kendall tau %6.3f   Spearman rho %6.3f\n", what, kendallTau(x, y),
                spearmanRho(x, y));
}

int run(int argc, char** argv)
{
    const std::string source = option(argc, argv, "--study", "/tmp/s3/train20.db");
    const std::string data = option(argc, argv, "--data", "/usr/share/datasets/fashion-mnist");
    const int randomCount = std::stoi(option(argc, argv, "--random", "100"));
    auto study = Study::open(copyStudy(source));
    if (!study->settings() || study->settings()->evaluator != "train")
        throw std::runtime_error(source + " is not a study of the train evaluator");

    RunSettings run = *study->settings();
    const std::string trainedOn = run.device;
    run.device = option(argc, argv, "--device", "cpu");
    run.options["threads"] = std::stod(option(argc, argv, "--threads", "0"));
    run.options["train_fraction"] = std::stod(option(argc, argv, "--train-fraction", "1"));
    TrainingSettings settings = TrainingSettings::fromRunSettings(run);
    settings.epochs = std::stoi(option(argc, argv, "--epochs", "3"));
    const auto sampling = SupernetPathSampler::modeFromOption(
        std::stod(option(argc, argv, "--sampling", "0")));
    InheritedScoring scoring;
    scoring.recalibrationBatches = std::stoi(option(argc, argv, "--bn-batches", "20"));
    const int threads = TorchThreads::apply(settings.threads);
    const auto trainingData = TrainingData::load(data, settings.validationFraction, settings.seed);

    std::vector<Architecture> archs;
    std::vector<double> aloneValid, aloneTest;
    double aloneSeconds = 0.0;
    for (const TrialRecord& t : study->storage().trials()) {
        const auto valid = t.metric("valid_acc"), test = t.metric("test_acc");
        if (t.state != TrialState::Complete || !valid || !test)
            continue;
        archs.push_back(study->codec().decode(t.encoding));
        aloneValid.push_back(*valid);
        aloneTest.push_back(*test);
        aloneSeconds += t.metric("train_time_s").value_or(0.0);
    }
    if (archs.size() < 3)
        throw std::runtime_error(source + " has fewer than 3 complete trials with accuracies");

    std::printf("bench_supernet_rank: SPOS supernet-inherited vs stand-alone accuracy\n");
    std::printf("machine: %s; LibTorch %d thread(s), device %s\n", machineDescription().c_str(),
                threads, settings.device.c_str());
    std::printf("study: %s (copied), %zu architectures trained stand-alone for %d epoch(s) "
                "on %s\n",
                source.c_str(), archs.size(), run.epochs, trainedOn.c_str());
    std::printf("supernet: %d epoch(s) on %.0f %% of the training split, batch %lld, lr %g "
                "cosine, %s sampling; %d batch-norm recalibration batches per candidate\n",
                settings.epochs, 100.0 * settings.trainFraction, (long long)settings.batchSize,
                settings.learningRate, SupernetPathSampler::modeName(sampling),
                scoring.recalibrationBatches);
    std::fflush(stdout);

    SinglePathSupernet supernet(study->codec(), DeviceSelection::parse(settings.device),
                                settings.seed);
    const SupernetTrainer trainer(settings, sampling);
    const SupernetTrainingResult trained =
        trainer.train(supernet, *trainingData, [](int epoch, double loss) {
            std::printf("  supernet epoch %d: mean training loss %.4f\n", epoch, loss);
            std::fflush(stdout);
        });
    if (!trained.finished)
        throw std::runtime_error(trained.failure);

    InheritedWeightsScorer scorer(supernet, trainingData, settings, scoring);
    std::vector<double> inheritedValid, inheritedTest;
    double scoringSeconds = 0.0;
    std::printf("\n  %-3s %9s %9s %11s %11s   %s\n", "#", "alone val", "alone test",
                "inherit val", "inherit test", "architecture");
    for (size_t i = 0; i < archs.size(); ++i) {
        const InheritedScore s = scorer.score(archs[i]);
        inheritedValid.push_back(s.validAcc);
        inheritedTest.push_back(s.testAcc);
        scoringSeconds += s.seconds;
        std::printf("  %-3zu %8.2f %% %8.2f %% %9.2f %% %10.2f %%   %s\n", i, aloneValid[i],
                    aloneTest[i], s.validAcc, s.testAcc, study->codec().encode(archs[i]).c_str());
    }

    std::printf("\nrank correlation over %zu architectures:\n", archs.size());
    printCorrelation("inherited valid_acc vs stand-alone valid_acc", inheritedValid, aloneValid);
    printCorrelation("inherited valid_acc vs stand-alone test_acc", inheritedValid, aloneTest);
    printCorrelation("inherited test_acc vs stand-alone test_acc", inheritedTest, aloneTest);
    printCorrelation("(stand-alone valid_acc vs test_acc, for scale)", aloneValid, aloneTest);

    std::printf("\nwall time:\n");
    std::printf("  supernet training: %.1f s (%lld steps, %zu candidate layers)\n",
                trained.seconds, (long long)trained.steps, trained.candidates);
    std::printf("  stand-alone training of the %zu: %.1f s summed (their train_time_s, on %s), "
                "%.2f times the supernet's (on %s)\n",
                archs.size(), aloneSeconds, trainedOn.c_str(), aloneSeconds / trained.seconds,
                settings.device.c_str());
    std::printf("  per candidate with inherited weights: %.3f s (%d recalibration batches, "
                "%lld validation and %lld test images)\n",
                scoringSeconds / double(archs.size()), scoring.recalibrationBatches,
                (long long)trainingData->validationIndices().numel(),
                (long long)trainingData->on(torch::kCPU).testImages.size(0));

    if (randomCount > 0) {
        InheritedScoring quick = scoring;
        quick.recalibrationBatches = 5;
        quick.validationImages = 2000;
        quick.testImages = 1;
        InheritedWeightsScorer quickScorer(supernet, trainingData, settings, quick);
        std::mt19937_64 rng(1);
        ArchitectureSampler sampler(study->codec());
        const double start = seconds();
        for (int i = 0; i < randomCount; ++i)
            quickScorer.score(sampler.sample(rng));
        const double each = (seconds() - start) / randomCount;
        std::printf("  per candidate, search settings (bn_batches=5, valid_images=2000, "
                    "test_images=1), %d random architectures: %.3f s, %.0f candidates per hour\n",
                    randomCount, each, 3600.0 / each);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_supernet_rank: %s\n", e.what());
        return 1;
    }
}
