#include "DartsSettings.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace archscape {

namespace {

int64_t wholeOption(const StrategySettings& s, const std::string& name, int64_t fallback)
{
    const double value = s.option(name, double(fallback));
    if (!std::isfinite(value) || value != std::floor(value) || std::fabs(value) > 1e9)
        throw std::invalid_argument("the darts option " + name + " must be a whole number, not "
                                    + std::to_string(value));
    return static_cast<int64_t>(value);
}

void require(bool ok, const std::string& problem)
{
    if (!ok)
        throw std::invalid_argument("the darts strategy: " + problem);
}

} // namespace

DartsSettings DartsSettings::fromStrategySettings(const StrategySettings& s)
{
    DartsSettings d;
    d.searchEpochs = int(wholeOption(s, "search_epochs", d.searchEpochs));
    d.trainFraction = s.option("train_fraction", d.trainFraction);
    d.validationFraction = s.option("validation_fraction", d.validationFraction);
    d.batchSize = wholeOption(s, "batch_size", d.batchSize);
    d.cellsPerStage = int(wholeOption(s, "cells", d.cellsPerStage));
    d.threads = int(wholeOption(s, "threads", d.threads));
    d.data = s.textOption("search_data", "");
    if (d.data.empty() && std::filesystem::is_directory(s.data))
        d.data = s.data;
    d.device = s.device;
    d.seed = s.seed;
    d.validate();
    require(!d.data.empty(),
            "it needs an image data set to search on: --data FOLDER (an IDX data set such as "
            "/usr/share/datasets/fashion-mnist), or --options search_data=FOLDER when --data "
            "names something else (the nb201 evaluator's table)");
    require(std::filesystem::is_directory(d.data),
            "its data set folder '" + d.data + "' does not exist");
    return d;
}

void DartsSettings::validate() const
{
    require(searchEpochs >= 1 && searchEpochs <= 10000,
            "search_epochs must be between 1 and 10000, not " + std::to_string(searchEpochs));
    require(trainFraction > 0.0 && trainFraction <= 1.0,
            "train_fraction must be in (0, 1], not " + std::to_string(trainFraction));
    require(validationFraction > 0.0 && validationFraction < 1.0,
            "validation_fraction must be in (0, 1): the architecture steps need a validation "
            "split; it is " + std::to_string(validationFraction));
    require(batchSize >= 2 && batchSize <= 65536,
            "batch_size must be between 2 and 65536, not " + std::to_string(batchSize));
    require(cellsPerStage >= 0, "cells (per stage) must be 1 or more (0: all), not "
                                    + std::to_string(cellsPerStage));
    require(threads >= 0, "threads must be 0 (every core) or more, not " + std::to_string(threads));
}

std::string DartsSettings::toJson() const
{
    nlohmann::json j{{"search_epochs", searchEpochs},
                     {"train_fraction", trainFraction},
                     {"validation_fraction", validationFraction},
                     {"batch_size", batchSize},
                     {"cells_per_stage", cellsPerStage},
                     {"weight_lr", weightLr},
                     {"weight_lr_min", weightLrMin},
                     {"momentum", momentum},
                     {"weight_decay", weightDecay},
                     {"gradient_clip", gradientClip},
                     {"arch_lr", archLr},
                     {"arch_betas", {archBeta1, archBeta2}},
                     {"arch_weight_decay", archWeightDecay},
                     {"data", data},
                     {"device", device},
                     {"seed", seed}};
    return j.dump();
}

} // namespace archscape
