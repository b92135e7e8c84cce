// Search overhead: trials per second of a random search with the tabular
// NAS-Bench-201 evaluator and SQLite storage (every finished trial committed
// before the next is proposed), beside Optuna's RandomSampler with RDB
// storage on SQLite over the same table, in one run.

#include "BenchSupport.h"

#include "eval/Nb201TableEvaluator.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "space/SpaceFile.h"
#include "study/Study.h"

#include <array>
#include <cstdio>
#include <memory>

using namespace archscape;
using namespace archscape::bench;

namespace {

double archscapeRate(const SearchSpace& space, std::shared_ptr<const Nb201Table> table,
                     const std::string& path, int64_t trials, uint64_t seed)
{
    auto study = Study::create(path, space, "overhead");
    StrategySettings settings;
    settings.objectives = {{"valid_acc", true}};
    settings.seed = seed;
    auto strategy = StrategyRegistry::create("random", study->codec(), settings);
    Nb201TableEvaluator evaluator(study->codec(), table);
    SearchRunner runner(study->storage(), study->codec(), *strategy, evaluator, settings.objectives,
                        RunLimits{trials, 0.0, 1});
    double start = seconds();
    runner.run();
    double elapsed = seconds() - start;
    if (study->storage().trialCount() != trials)
        std::fprintf(stderr, "warning: only %lld trials ran\n",
                     static_cast<long long>(study->storage().trialCount()));
    return double(trials) / elapsed;
}

// Runs bench/optuna_random.py with Debian's Python and reads its rate.
double optunaRate(const std::string& table, const std::string& db, int trials)
{
    std::string command = "/usr/bin/python3 " ARCHSCAPE_SOURCE_DIR "/bench/optuna_random.py --table '"
                          + table + "' --db '" + db + "' --trials " + std::to_string(trials);
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return -1.0;
    std::array<char, 256> line{};
    double rate = -1.0;
    while (std::fgets(line.data(), line.size(), pipe))
        if (std::sscanf(line.data(), "trials_per_second %lf", &rate) == 1)
            break;
    int status = ::pclose(pipe);
    return status == 0 ? rate : -1.0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string table = option(argc, argv, "--table", ARCHSCAPE_SHARED_DATA "/nb201/nb201_cifar10.csv");
    const int64_t trials = std::stoll(option(argc, argv, "--trials", "5000"));
    const int optunaTrials = std::stoi(option(argc, argv, "--optuna-trials", "300"));
    const int repeats = std::stoi(option(argc, argv, "--repeats", "3"));

    std::printf("Search overhead: random search, NAS-Bench-201 table, SQLite storage\n");
    std::printf("machine: %s\n\n", machineDescription().c_str());
    SearchSpace space = SpaceFile::load(ARCHSCAPE_SOURCE_DIR "/resources/spaces/nb201.json");
    auto nb201 = std::make_shared<const Nb201Table>(table);
    const std::string folder = scratchFolder();

    double best = 0.0;
    for (int r = 0; r < repeats; ++r) {
        std::string path = folder + "/archscape-" + std::to_string(r) + ".db";
        double rate = archscapeRate(space, nb201, path, trials, uint64_t(r));
        std::printf("archscape: %lld trials, %.0f trials/s\n", static_cast<long long>(trials), rate);
        best = std::max(best, rate);
    }
    double optuna = optunaRate(table, folder + "/optuna.db", optunaTrials);
    if (optuna <= 0) {
        std::printf("optuna: could not run /usr/bin/python3 bench/optuna_random.py "
                    "(install python3-optuna)\n");
        return 1;
    }
    std::printf("optuna:    %d trials, %.1f trials/s (RandomSampler, RDB storage on SQLite)\n",
                optunaTrials, optuna);
    std::printf("\nratio: %.0fx Optuna's rate (best of %d archscape runs); bar 100x, goal 1000x\n",
                best / optuna, repeats);
    std::string cleanup = "rm -rf '" + folder + "'";
    return std::system(cleanup.c_str()) == 0 ? 0 : 1;
}
