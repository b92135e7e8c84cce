// Predictor-guided search on NAS-Bench-201 CIFAR-10, beside random search
// and regularized evolution in the same run: search on valid_acc, report
// the test_acc of the best-by-validation trial within 50, 100, 150 and 300
// queries; mean ± std over seeds. Each run goes through the real engine: a
// study file, the runner, SQLite.

#include "BenchSupport.h"

#include "eval/Nb201TableEvaluator.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "space/SpaceFile.h"
#include "study/Study.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

using namespace archscape;
using namespace archscape::bench;

namespace {

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

// "initial=20,batch=5" -> options
std::map<std::string, double> parseOptions(const std::string& text)
{
    std::map<std::string, double> options;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(',', start);
        std::string item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        size_t eq = item.find('=');
        if (eq != std::string::npos)
            options[item.substr(0, eq)] = std::stod(item.substr(eq + 1));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string table = option(argc, argv, "--table", ARCHSCAPE_SHARED_DATA "/nb201/nb201_cifar10.csv");
    const std::string spacePath = option(argc, argv, "--space", ARCHSCAPE_SOURCE_DIR "/resources/spaces/nb201.json");
    const int seeds = std::stoi(option(argc, argv, "--seeds", "20"));
    const int firstSeed = std::stoi(option(argc, argv, "--first-seed", "0"));
    const std::string only = option(argc, argv, "--strategy", "");
    const bool perSeed = option(argc, argv, "--per-seed", "0") == "1";
    const std::map<std::string, double> predictorOptions = parseOptions(option(argc, argv, "--options", ""));
    // --max-queries 150 stops each run early (for quick tuning runs).
    std::vector<size_t> budgets{50, 100, 150, 300};
    const size_t maxQueries = std::stoul(option(argc, argv, "--max-queries", "300"));
    budgets.erase(std::remove_if(budgets.begin(), budgets.end(), [&](size_t b) { return b > maxQueries; }),
                  budgets.end());
    const std::vector<std::string> strategies{"random", "evolution", "predictor"};
    // The reference (plain regularized evolution, population 10,
    // sample 3; random search) where it gives one, and the goal.
    const std::map<std::string, std::map<size_t, double>> reference{
        {"random", {{100, 93.80}, {300, 93.98}}},
        {"evolution", {{100, 94.07}, {300, 94.31}}},
        {"predictor", {{100, 94.30}}}};

    std::printf("Predictor-guided search on NAS-Bench-201 CIFAR-10 (search on valid_acc, report test_acc)\n");
    std::printf("machine: %s; seeds %d-%d; table %s\n\n", machineDescription().c_str(), firstSeed,
                firstSeed + seeds - 1, table.c_str());
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
            settings.budget = int64_t(budgets.back());
            if (name == "evolution")
                settings.options = {{"population", 10}, {"sample", 3}};
            if (name == "predictor")
                settings.options = predictorOptions;
            auto strategy = StrategyRegistry::create(name, study->codec(), settings);
            Nb201TableEvaluator evaluator(study->codec(), nb201);
            SearchRunner runner(study->storage(), study->codec(), *strategy, evaluator,
                                settings.objectives, RunLimits{int64_t(budgets.back()), 0.0, 1});
            runner.run();
            std::vector<TrialRecord> trials = study->storage().trials();
            for (size_t b : budgets)
                results[b].push_back(reportedTestAcc(trials, b));
            if (perSeed) {
                std::printf("  %s seed %d:", name.c_str(), seed);
                for (size_t b : budgets)
                    std::printf(" %zu: %.2f", b, results[b].back());
                std::printf("\n");
            }
            study.reset();
            std::remove(path.c_str());
            std::remove((path + "-wal").c_str());
            std::remove((path + "-shm").c_str());
        }
        double elapsed = seconds() - started;
        for (size_t b : budgets) {
            MeanStd m = meanStd(results[b]);
            char refText[32] = "-";
            const char* verdict = "";
            auto ref = reference.find(name);
            if (ref != reference.end() && ref->second.count(b)) {
                double r = ref->second.at(b);
                std::snprintf(refText, sizeof refText, "%.2f", r);
                verdict = m.mean >= r ? (name == "predictor" ? "goal met" : "at least as good")
                                      : (name == "predictor" ? "BELOW goal" : "BELOW reference");
            }
            std::printf("%-10s %8zu  %6.2f ± %-6.2f  %-10s %s\n", name.c_str(), b, m.mean, m.std,
                        refText, verdict);
        }
        std::printf("%-10s (%d runs of %zu queries in %.1f s)\n", "", seeds, budgets.back(), elapsed);
    }
    std::printf("\nevolution here: population 10, sample 3 (the reference's settings)\n");
    std::printf("optimum: 94.37 (test_acc of index 6111, also the best valid_acc)\n");
    ::rmdir(folder.c_str());
    return 0;
}
