#include "StudyCommand.h"

#include "ArgumentList.h"
#include "TableWriter.h"
#include "TrainingOptions.h"

#include "space/SpaceFile.h"
#include "space/SpaceSize.h"
#include "study/Study.h"
#include "study/StudySearch.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace archscape::cli {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int)
{
    interrupted = true;
}

std::string duration(double seconds)
{
    if (seconds < 0)
        return "?";
    char buffer[32];
    if (seconds < 60)
        std::snprintf(buffer, sizeof buffer, "%.1fs", seconds);
    else if (seconds < 3600)
        std::snprintf(buffer, sizeof buffer, "%dm%02ds", int(seconds) / 60, int(seconds) % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%dh%02dm", int(seconds) / 3600, int(seconds) / 60 % 60);
    return buffer;
}

// "training the supernet: epoch 2/10, step 542/4220 (12 %)  elapsed ...".
std::string phaseLine(const PhaseProgress& phase)
{
    std::string line = phase.name + ": ";
    if (phase.epochs > 0)
        line += "epoch " + std::to_string(phase.epoch) + "/" + std::to_string(phase.epochs) + ", ";
    line += "step " + std::to_string(phase.step) + "/" + std::to_string(phase.steps) + " ("
            + std::to_string(int(phase.fraction() * 100.0)) + " %)  elapsed "
            + duration(phase.elapsedS) + "  eta " + duration(phase.etaS);
    return line;
}

// Runs the study's search with its stored settings; prints progress now
// and then, and stops cleanly on Ctrl-C or SIGTERM.
int runSearch(Study& study, bool quiet, std::unique_ptr<Evaluator> evaluator = nullptr)
{
    const RunSettings& settings = *study.settings();
    std::unique_ptr<StudySearch> search;
    try {
        search = std::make_unique<StudySearch>(study, std::move(evaluator));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    SearchRunner& runner = search->runner();

    const std::string objective = settings.objectives.front().metric;
    auto lastPrint = std::chrono::steady_clock::now();
    int64_t printed = -1;
    std::string phaseShown;
    RunProgress last;
    runner.setProgressCallback([&](const RunProgress& p) {
        last = p;
        auto now = std::chrono::steady_clock::now();
        if (p.phase) {
            // A phase's first and last step are always shown, so a short
            // phase is seen too.
            const bool due = p.phase->name != phaseShown || p.phase->step == p.phase->steps
                             || now - lastPrint > std::chrono::seconds(2);
            if (quiet || !due)
                return;
            lastPrint = now;
            phaseShown = p.phase->name;
            std::cout << phaseLine(*p.phase) << std::endl;
            return;
        }
        bool due = now - lastPrint > std::chrono::seconds(2)
                   || (p.budget > 0 && p.trials == p.budget);
        if (quiet || !due || p.trials == printed)
            return;
        lastPrint = now;
        printed = p.trials;
        std::cout << "[" << p.trials << "/" << (p.budget > 0 ? std::to_string(p.budget) : "?")
                  << "] best " << objective << " "
                  << (p.best ? TableWriter::number(*p.best) : std::string("-"))
                  << (p.failed ? "  failed " + std::to_string(p.failed) : std::string())
                  << "  elapsed " << duration(p.elapsedS) << "  eta " << duration(p.etaS)
                  << std::endl;
    });

    interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        while (!finished) {
            if (interrupted) {
                runner.requestStop();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    SearchRunner::Outcome outcome;
    try {
        outcome = runner.run();
    } catch (...) {
        finished = true;
        watcher.join();
        throw;
    }
    finished = true;
    watcher.join();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    if (runner.requeuedAtStart() > 0)
        std::cout << runner.requeuedAtStart()
                  << " trial(s) left running by an interrupted run were queued again\n";
    const std::string path = study.storage().location();
    switch (outcome) {
    case SearchRunner::Outcome::BudgetReached:
        std::cout << "done: " << last.trials << " trials";
        break;
    case SearchRunner::Outcome::Stopped:
        std::cout << "stopped after " << last.trials << " trials; continue with: archscape-cli resume "
                  << path << "\n";
        return 130;
    case SearchRunner::Outcome::Exhausted:
        std::cout << "the strategy has nothing left to propose after " << last.trials
                  << " trials";
        break;
    }
    std::cout << " in " << duration(last.elapsedS);
    if (last.best)
        std::cout << "; best " << objective << " " << TableWriter::number(*last.best);
    std::cout << "\nsee: archscape-cli best " << path << "   |   archscape-cli pareto " << path
              << "\n";
    return 0;
}

} // namespace

const char* StudyCommand::newUsage()
{
    return "usage: archscape-cli new STUDY.db --space FILE.json [--name NAME]\n"
           "\n"
           "Creates a study file for a valid search space. The space is copied into\n"
           "the study, so later edits of FILE.json do not change it.\n";
}

const char* StudyCommand::runUsage()
{
    return "usage: archscape-cli run STUDY.db --strategy NAME --evaluator NAME\n"
           "         [--objectives acc:max,params:min] [--constraints params<=1e6]\n"
           "         [--budget N] [--time-budget SECONDS] [--seed S] [--workers W]\n"
           "         [--device cpu|cuda:0] [--data PATH] [--epochs E]\n"
           "         [--latency-device DEV] [--population P] [--sample S]\n"
           "         [--options NAME=VALUE,...] [--quiet]\n"
           "\n"
           "Starts the study's search and runs it until the budget is spent.\n"
           "Strategies: random, evolution, nsga2, local, predictor. Evaluators: nb201\n"
           "(--data points at nb201_cifar10.csv), cost. Metrics: valid_acc (alias acc),\n"
           "test_acc, params, flops, latency_ms (alias latency), train_time_s.\n"
           "Evaluator zc (zero-cost proxies, no training; --data is an IDX folder):\n"
           "synflow, grad_norm, jacob_cov (higher is better), params, flops, and\n"
           "latency_ms when an objective or constraint names it.\n"
           "--budget counts trials (default 100); --time-budget counts summed\n"
           "train_time_s (simulated by nb201). --options sets a strategy's options,\n"
           "e.g. predictor's initial=20,batch=5,candidates=1000,model=xgb|mlp,\n"
           "zc_features=1,zc_prefilter=K,zc_data=FOLDER (see docs/cli.md).\n"
           "Strategy darts (LibTorch): differentiable search of a cell space; options\n"
           "search_epochs, cells, train_fraction, batch_size, search_data=FOLDER.\n"
           "Evaluator supernet (LibTorch; --data is an IDX folder): trains one SPOS\n"
           "supernet for --epochs, then scores by inherited weights; options sampling,\n"
           "bn_batches, valid_images, test_images. Strategy spos: SPOS evolution;\n"
           "options population, parents, mutation.\n"
           "Ctrl-C stops cleanly; continue with\n"
           "`archscape-cli resume STUDY.db`.\n";
}

const char* StudyCommand::resumeUsage()
{
    return "usage: archscape-cli resume STUDY.db [--budget N] [--quiet]\n"
           "\n"
           "Continues a stopped or killed study with its stored settings. Trials that\n"
           "were running when it stopped are queued again; finished trials are kept\n"
           "and never repeated. --budget raises the total number of trials.\n";
}

int StudyCommand::runNew(const std::vector<std::string>& args)
{
    ArgumentList list(args, {"--space", "--name"}, {"--help"});
    if (list.has("--help")) {
        std::cout << newUsage();
        return 0;
    }
    if (list.positional().size() != 1 || !list.has("--space"))
        throw UsageError("new needs STUDY.db and --space FILE.json");
    SearchSpace space = SpaceFile::load(*list.value("--space"));
    std::string name = list.valueOr("--name", space.name.empty() ? "study" : space.name);
    auto study = Study::create(list.positional().front(), space, name);
    std::cout << "created " << list.positional().front() << ": space '" << space.name << "', "
              << SpaceSize::distinctCount(study->codec()).toString()
              << " distinct architectures\n";
    return 0;
}

int StudyCommand::runRun(const std::vector<std::string>& args)
{
    ArgumentList list(args,
                      TrainingOptions::with(
                      {"--strategy", "--evaluator", "--objectives", "--constraints", "--budget",
                       "--time-budget", "--seed", "--workers", "--device", "--data", "--epochs",
                       "--latency-device", "--population", "--sample", "--options"}),
                      {"--help", "--quiet"});
    if (list.has("--help")) {
        std::cout << runUsage() << "\n" << TrainingOptions::usage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("run needs exactly one STUDY.db");
    if (!list.has("--strategy") || !list.has("--evaluator"))
        throw UsageError("run needs --strategy NAME and --evaluator NAME");
    auto study = Study::open(list.positional().front());
    if (study->settings() && study->storage().trialCount() > 0)
        throw UsageError("this study has run already (strategy '" + study->settings()->strategy
                         + "'); continue it with `archscape-cli resume "
                         + list.positional().front() + "` or create a new study");
    RunSettings s;
    s.strategy = *list.value("--strategy");
    s.evaluator = *list.value("--evaluator");
    try {
        s.objectives = Objective::parseList(list.valueOr("--objectives", "valid_acc:max"));
        s.constraints = Constraint::parseList(list.valueOr("--constraints", ""));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    s.budget = list.integer("--budget").value_or(100);
    if (s.budget < 1)
        throw UsageError("--budget must be at least 1");
    if (auto t = list.value("--time-budget")) {
        try {
            s.timeBudgetS = std::stod(*t);
        } catch (const std::exception&) {
            throw UsageError("--time-budget needs seconds, not '" + *t + "'");
        }
    }
    s.seed = static_cast<uint64_t>(list.integer("--seed").value_or(0));
    s.workers = static_cast<int>(list.integer("--workers").value_or(1));
    if (s.workers < 1 || s.workers > 256)
        throw UsageError("--workers must be between 1 and 256");
    s.device = list.valueOr("--device", "cpu");
    if (s.device != "cpu" && s.device.rfind("cuda", 0) != 0)
        throw UsageError("--device is cpu or cuda:N, not '" + s.device + "'");
    s.data = list.valueOr("--data", "");
    s.epochs = static_cast<int>(list.integer("--epochs").value_or(1));
    TrainingOptions::apply(list, s);
    s.latencyDevice = list.valueOr("--latency-device", s.latencyDevice);
    if (auto p = list.integer("--population"))
        s.options["population"] = static_cast<double>(*p);
    if (auto p = list.integer("--sample"))
        s.options["sample"] = static_cast<double>(*p);
    if (auto text = list.value("--options")) {
        // "initial=20,batch=5,model=mlp": any strategy's options by name;
        // values that are not numbers (model=mlp, zc_data=FOLDER) are kept as text.
        std::string rest = *text;
        while (!rest.empty()) {
            size_t comma = rest.find(',');
            std::string item = rest.substr(0, comma);
            rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
            size_t eq = item.find('=');
            if (eq == 0 || eq == std::string::npos || eq + 1 == item.size())
                throw UsageError("--options needs NAME=VALUE[,NAME=VALUE...], not '" + item + "'");
            const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
            try {
                size_t used = 0;
                const double number = std::stod(value, &used);
                if (used != value.size())
                    throw std::invalid_argument(item);
                s.options[name] = number;
            } catch (const std::exception&) {
                s.textOptions[name] = value;
            }
        }
    }
    // Check the strategy and evaluator before anything is stored.
    std::unique_ptr<Evaluator> evaluator;
    try {
        evaluator = StudySearch::check(s, study->codec());
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    study->saveSettings(s);
    return runSearch(*study, list.has("--quiet"), std::move(evaluator));
}

int StudyCommand::runResume(const std::vector<std::string>& args)
{
    ArgumentList list(args, {"--budget"}, {"--help", "--quiet"});
    if (list.has("--help")) {
        std::cout << resumeUsage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("resume needs exactly one STUDY.db");
    auto study = Study::open(list.positional().front());
    if (!study->settings())
        throw UsageError("this study has not been run yet; start it with `archscape-cli run`");
    if (auto budget = list.integer("--budget")) {
        RunSettings s = *study->settings();
        if (*budget < 1)
            throw UsageError("--budget must be at least 1");
        s.budget = *budget;
        study->saveSettings(s);
    }
    return runSearch(*study, list.has("--quiet"));
}

} // namespace archscape::cli
