#pragma once
// The "darts" strategy: differentiable architecture search (first-order
// DARTS) on a cell space. Its first propose() trains a DartsSupernet on an
// image data set and derives the discrete cell (per edge the operation of
// largest alpha, "none" included, as NAS-Bench-201's protocol does); that
// is the trial, evaluated by whatever evaluator the run names. A second
// proposal, when the budget allows and it differs, is the cell derived
// without "none". The search's record (settings, every epoch's alphas,
// the derived cells) and the final supernet are stored as study artifacts
// "darts"/"search" (JSON) and "darts"/"supernet" (LibTorch archive); on
// resume the supernet is loaded from the study rather than searched again.
// The search reports its progress through StrategySettings::phases
// (DartsSearch::kPhaseName); a stop ends it between two steps, storing no
// supernet, and propose() then returns nullopt.

#include "DartsSettings.h"
#include "search/Strategy.h"

#include <optional>
#include <string>
#include <vector>

namespace archscape {

struct DartsSupernetImpl;

class DartsStrategy : public Strategy
{
public:
    // Throws std::invalid_argument for bad options, a missing data set or
    // a space without cells; cheap otherwise (nothing is trained yet).
    DartsStrategy(const ArchitectureCodec& codec, StrategySettings settings);
    ~DartsStrategy() override;

    std::string name() const override { return "darts"; }
    std::optional<Architecture> propose() override;
    void observe(const Observation&) override {}

    const DartsSettings& settings() const { return settings_; }
    // After the first propose(): true when this strategy ran the search,
    // false when it loaded the study's stored supernet.
    bool ranSearch() const { return ranSearch_; }
    // The derived cells: with "none" allowed, then without (raw assignments).
    const std::vector<Architecture>& derived() const { return derived_; }

    static constexpr const char* kArtifactKind = "darts";

private:
    // False when the run was stopped during the search.
    bool prepare();
    bool restore();
    bool search();
    void deriveFrom(DartsSupernetImpl& supernet);
    void storeRecord(const std::string& json) const;

    const ArchitectureCodec& codec_;
    StrategySettings strategySettings_;
    DartsSettings settings_;
    bool prepared_ = false;
    bool ranSearch_ = false;
    std::vector<Architecture> derived_;
    std::vector<Architecture> proposals_; // canonical, distinct
    size_t next_ = 0;
};

// Registers "darts" with the StrategyRegistry; call once at start-up.
void registerDartsStrategy();

} // namespace archscape
