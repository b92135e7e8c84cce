// Search quality on NAS-Bench-201 CIFAR-10, by the benchmark's protocol:
// search on valid_acc, report the test_acc of the architecture with the
// best valid_acc seen within a budget of queries; mean ± std over seeds.
// Each run goes through the real engine: a study file, the runner, SQLite.

#include "BenchSupport.h"

#include "eval/Nb201TableEvaluator.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "space/SpaceFile.h"
#include "study/Study.h"

#include <cstdio>
#include <map>
#include <memory>

using namespace archscape;
using namespace archscape::bench;

namespace {

// Test accuracy of the best-by-validation trial among the first `budget`.
double reportedTestAcc(const std::vector<TrialRecord>& trials, size_t budget)
{
    const TrialRecord* best = nullptr;
    for (size_t i = 0; i < trials.size() && i < budget; ++i) {
        const TrialRecord& t = trials[i];
        if (t.state != TrialState::Complete)
            continue;
        if (!best || *t.metric("valid_acc") > *best->metric("valid_acc"))
            best = &t;
    }
    return best ? *best->metric("test_acc") : 0.0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string table = option(argc, argv, "--table", ARCHSCAPE_SHARED_DATA "/nb201/nb201_cifar10.csv");
    const std::string spacePath = option(argc, argv, "--space", ARCHSCAPE_SOURCE_DIR "/resources/spaces/nb201.json");
    const int seeds = std::stoi(option(argc, argv, "--seeds", "50"));
    const int firstSeed = std::stoi(option(argc, argv, "--first-seed", "0"));
    const std::string only = option(argc, argv, "--strategy", "");
    const double population = std::stod(option(argc, argv, "--population", "10"));
    const double sample = std::stod(option(argc, argv, "--sample", "5"));
    const std::vector<size_t> budgets{100, 300, 1000};
    const std::vector<std::string> strategies{"random", "evolution", "local"};
    // A plain reference implementation, as the issue gives it.
    const std::map<std::string, std::vector<double>> reference{
        {"random", {93.80, 93.98, 94.11}}, {"evolution", {94.07, 94.31, 94.36}}};

    std::printf("Search quality on NAS-Bench-201 CIFAR-10 (search on valid_acc, report test_acc)\n");
    std::printf("machine: %s; %d seeds; table %s\n\n", machineDescription().c_str(), seeds, table.c_str());
    auto nb201 = std::make_shared<const Nb201Table>(table);
    SearchSpace space = SpaceFile::load(spacePath);
    const std::string folder = scratchFolder();

    std::printf("%-10s %8s  %-16s %-10s %s\n", "strategy", "queries", "test_acc (%)", "reference", "");
    for (const auto& name : strategies) {
        if (!only.empty() && name != only)
            continue;
        std::map<size_t, std::vector<double>> results;
        double started = seconds();
        for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
            const std::string path = folder + "/" + name + "-" + std::to_string(seed) + ".db";
            auto study = Study::create(path, space, name);
            StrategySettings settings;
            settings.objectives = {{"valid_acc", true}};
            settings.seed = static_cast<uint64_t>(seed);
            settings.options = {{"population", population}, {"sample", sample}};
            auto strategy = StrategyRegistry::create(name, study->codec(), settings);
            Nb201TableEvaluator evaluator(study->codec(), nb201);
            SearchRunner runner(study->storage(), study->codec(), *strategy, evaluator,
                                settings.objectives, RunLimits{int64_t(budgets.back()), 0.0, 1});
            runner.run();
            std::vector<TrialRecord> trials = study->storage().trials();
            for (size_t b : budgets)
                results[b].push_back(reportedTestAcc(trials, b));
            study.reset();
            std::remove(path.c_str());
            std::remove((path + "-wal").c_str());
            std::remove((path + "-shm").c_str());
        }
        double elapsed = seconds() - started;
        for (size_t i = 0; i < budgets.size(); ++i) {
            MeanStd m = meanStd(results[budgets[i]]);
            auto ref = reference.find(name);
            char refText[32] = "-";
            const char* verdict = "";
            if (ref != reference.end()) {
                std::snprintf(refText, sizeof refText, "%.2f", ref->second[i]);
                verdict = m.mean >= ref->second[i] ? "at least as good" : "BELOW reference";
            }
            std::printf("%-10s %8zu  %6.2f ± %-6.2f  %-10s %s\n", name.c_str(), budgets[i], m.mean,
                        m.std, refText, verdict);
        }
        std::printf("%-10s (%d runs of %zu queries in %.1f s)\n", "", seeds, budgets.back(), elapsed);
    }
    std::printf("\noptimum: 94.37 (test_acc of index 6111)\n");
    ::rmdir(folder.c_str());
    return 0;
}
