#include "DartsStrategy.h"

#include "DartsSearch.h"
#include "DartsSupernet.h"
#include "search/StrategyRegistry.h"
#include "space/Nb201Format.h"
#include "space/SpaceError.h"
#include "storage/StudyStorage.h"
#include "torch/TorchThreads.h"
#include "torch/TrainingData.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace archscape {

namespace {

using nlohmann::json;

json rows(const torch::Tensor& matrix)
{
    json result = json::array();
    for (int64_t r = 0; r < matrix.size(0); ++r) {
        json row = json::array();
        for (int64_t c = 0; c < matrix.size(1); ++c)
            row.push_back(matrix[r][c].item<double>());
        result.push_back(row);
    }
    return result;
}

json epochJson(const DartsEpoch& e, const std::vector<CellDefinition>& definitions)
{
    json alphas = json::object();
    for (size_t d = 0; d < definitions.size(); ++d)
        alphas[definitions[d].name] = rows(e.alphaSoftmax[d]);
    return {{"epoch", e.epoch},       {"train_loss", e.trainLoss}, {"train_acc", e.trainAcc},
            {"valid_loss", e.validLoss}, {"valid_acc", e.validAcc}, {"seconds", e.seconds},
            {"alphas", alphas}};
}

json definitionsJson(const std::vector<CellDefinition>& definitions)
{
    json result = json::array();
    for (const CellDefinition& cell : definitions) {
        json edges = json::array();
        for (auto [from, to] : cell.edges())
            edges.push_back(std::to_string(to) + "<-" + std::to_string(from));
        result.push_back({{"name", cell.name}, {"ops", cell.ops}, {"edges", edges}});
    }
    return result;
}

std::string saveState(DartsSupernetImpl& supernet)
{
    torch::serialize::OutputArchive archive;
    supernet.save(archive);
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

void loadState(DartsSupernetImpl& supernet, const std::string& bytes)
{
    try {
        std::istringstream in(bytes);
        torch::serialize::InputArchive archive;
        archive.load_from(in, torch::Device(torch::kCPU));
        supernet.load(archive);
    } catch (const c10::Error& e) {
        throw std::runtime_error("the study's stored DARTS supernet does not fit this space: "
                                 + std::string(e.what_without_backtrace()));
    }
}

bool hasCells(const SearchSpace& space)
{
    for (const Block& b : space.blocks())
        if (b.kind == BlockKind::Cell)
            return true;
    return false;
}

} // namespace

DartsStrategy::DartsStrategy(const ArchitectureCodec& codec, StrategySettings settings)
    : codec_(codec), strategySettings_(std::move(settings)),
      settings_(DartsSettings::fromStrategySettings(strategySettings_))
{
    if (!hasCells(codec_.space()))
        throw std::invalid_argument("the darts strategy searches cell spaces (such as "
                                    "NAS-Bench-201's); this space has no cell block");
}

DartsStrategy::~DartsStrategy() = default;

std::optional<Architecture> DartsStrategy::propose()
{
    if (!prepared_ && !prepare())
        return std::nullopt;
    if (next_ >= proposals_.size())
        return std::nullopt;
    return proposals_[next_++];
}

bool DartsStrategy::prepare()
{
    if (!restore() && !search())
        return false;
    for (const Architecture& arch : derived_) {
        const Architecture canonical = codec_.canonical(arch);
        if (std::find(proposals_.begin(), proposals_.end(), canonical) == proposals_.end())
            proposals_.push_back(canonical);
    }
    prepared_ = true;
    return true;
}

// The supernet a finished search stored, rebuilt for the input shape it
// recorded; false when the study has none.
bool DartsStrategy::restore()
{
    StudyStorage* storage = strategySettings_.storage;
    if (!storage)
        return false;
    const auto state = storage->studyArtifact(kArtifactKind, "supernet");
    const auto record = storage->studyArtifact(kArtifactKind, "search");
    if (!state || !record)
        return false;
    const json stored = json::parse(*record);
    const auto input = stored.at("input").get<std::vector<int64_t>>();
    DartsSupernet supernet(codec_.space(), Shape{input.at(0), input.at(1), input.at(2), false},
                           stored.at("settings").at("cells_per_stage").get<int>());
    loadState(*supernet, *state);
    deriveFrom(*supernet);
    ranSearch_ = false;
    return true;
}

bool DartsStrategy::search()
{
    const auto start = std::chrono::steady_clock::now();
    TorchThreads::apply(settings_.threads);
    std::shared_ptr<const TrainingData> data;
    try {
        data = TrainingData::load(settings_.data, settings_.validationFraction, settings_.seed);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument(std::string("the darts strategy cannot read its data: ")
                                    + e.what());
    }
    torch::manual_seed(settings_.seed);
    DartsSupernet supernet(codec_.space(),
                           Shape{data->channels(), data->height(), data->width(), false},
                           settings_.cellsPerStage);
    DartsSearch search(supernet, settings_);

    json record{{"settings", json::parse(settings_.toJson())},
                {"input", {data->channels(), data->height(), data->width()}},
                {"cells", supernet->cellCount()},
                {"weights", supernet->weightCount()},
                {"definitions", definitionsJson(supernet->definitions())},
                {"epochs", json::array()}};
    // Written after every epoch, so a user follows the alphas while it runs.
    search.run(
        *data,
        [&](const DartsEpoch& e) {
            record["epochs"].push_back(epochJson(e, supernet->definitions()));
            storeRecord(record.dump());
        },
        &strategySettings_.phases);
    if (search.stopped())
        return false;
    supernet->to(torch::kCPU);
    deriveFrom(*supernet);
    const char* names[] = {"derived", "derived_without_none"};
    for (size_t i = 0; i < derived_.size(); ++i) {
        json cell{{"encoding", codec_.encode(derived_[i])}};
        try {
            cell["nb201"] = Nb201Format::format(codec_, derived_[i]);
        } catch (const SpaceError&) {
            // Not a NAS-Bench-201 space: the encoding says it all.
        }
        record[names[i]] = cell;
    }
    record["search_time_s"] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    storeRecord(record.dump());
    if (strategySettings_.storage)
        strategySettings_.storage->setStudyArtifact(kArtifactKind, "supernet", saveState(*supernet));
    ranSearch_ = true;
    return true;
}

void DartsStrategy::deriveFrom(DartsSupernetImpl& supernet)
{
    derived_ = {supernet.derive(codec_, true), supernet.derive(codec_, false)};
}

void DartsStrategy::storeRecord(const std::string& json) const
{
    if (strategySettings_.storage)
        strategySettings_.storage->setStudyArtifact(kArtifactKind, "search", json);
}

void registerDartsStrategy()
{
    StrategyRegistry::add("darts", [](const ArchitectureCodec& codec,
                                      const StrategySettings& settings) {
        return std::unique_ptr<Strategy>(std::make_unique<DartsStrategy>(codec, settings));
    });
}

} // namespace archscape
