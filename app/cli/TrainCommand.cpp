#include "TrainCommand.h"

#include "ArgumentList.h"
#include "TableWriter.h"
#include "TrainingOptions.h"

#include "study/Study.h"
#include "torch/FullTraining.h"

#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

namespace archscape::cli {

namespace {

void printCurves(const std::vector<CurvePoint>& curves)
{
    std::map<int64_t, std::map<std::string, double>> byEpoch;
    for (const CurvePoint& c : curves)
        byEpoch[c.step][c.name] = c.value;
    TableWriter table({"epoch", "train_loss", "valid_acc", "epoch_time_s"});
    for (const auto& [epoch, values] : byEpoch) {
        std::vector<std::string> row{std::to_string(epoch)};
        for (const char* name : {"train_loss", "valid_acc", "epoch_time_s"}) {
            auto it = values.find(name);
            row.push_back(it == values.end() ? "" : TableWriter::number(it->second));
        }
        table.addRow(row);
    }
    table.printText(std::cout);
}

} // namespace

const char* TrainCommand::usage()
{
    static const std::string text =
        std::string("usage: archscape-cli train STUDY.db --trial N [--epochs E] [--data PATH]\n"
                    "         [--device cpu|cuda:0] [--seed S] [training options]\n"
                    "\n"
                    "Fully trains the architecture of trial N (its number in `trials`) for E\n"
                    "epochs (default 10) on the whole training split, with the study's\n"
                    "training settings unless options here change them. The search's trials\n"
                    "stay as they were: the trained weights become trial N's newest `weights`\n"
                    "artifact (what export uses), and the metrics and per-epoch curves are\n"
                    "stored as the study artifact full_training/trial-N (JSON).\n"
                    "\n")
        + TrainingOptions::usage();
    return text.c_str();
}

int TrainCommand::run(const std::vector<std::string>& args)
{
    ArgumentList list(args, TrainingOptions::with({"--trial", "--epochs", "--data", "--device", "--seed"}),
                      {"--help"});
    if (list.has("--help")) {
        std::cout << usage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("train needs exactly one STUDY.db");
    const auto trial = list.integer("--trial");
    if (!trial)
        throw UsageError("train needs --trial N (a trial number, as `trials` lists them)");
    const int64_t epochs = list.integer("--epochs").value_or(10);
    if (epochs < 1 || epochs > 10000)
        throw UsageError("--epochs must be between 1 and 10000");
    auto study = Study::open(list.positional().front());

    RunSettings settings = FullTraining::settingsFor(*study, static_cast<int>(epochs));
    settings.data = list.valueOr("--data", settings.data);
    settings.device = list.valueOr("--device", settings.device);
    if (auto seed = list.integer("--seed"))
        settings.seed = static_cast<uint64_t>(*seed);
    TrainingOptions::apply(list, settings);
    if (settings.data.empty())
        throw UsageError("train needs --data FOLDER (a folder of IDX files such as "
                         "/usr/share/datasets/fashion-mnist): the study was not searched with "
                         "the train evaluator");

    std::cout << "training trial " << *trial << " for " << epochs << " epoch(s) on "
              << settings.data << " (" << settings.device << ")" << std::endl;
    FullTrainingResult result;
    try {
        result = FullTraining::run(*study, *trial, settings);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    std::cout << "architecture: " << result.trial.encoding << "\n";
    printCurves(result.outcome.curves);
    if (result.outcome.state != TrialState::Complete) {
        std::cerr << "archscape-cli train: training failed: " << result.outcome.error << "\n";
        return 1;
    }
    for (const auto& [name, value] : result.outcome.metrics)
        std::cout << name << ": " << TableWriter::number(value, 6) << "\n";
    std::cout << "stored: trial " << *trial << "'s weights, and study artifact "
              << FullTraining::kArtifactKind << "/" << FullTraining::artifactName(*trial) << "\n";
    return 0;
}

} // namespace archscape::cli
