#pragma once
// Local search (White et al., "Local search is state of the art for NAS
// benchmarks", 2020): from a random start, evaluate every neighbour (one
// decision changed), move to the best neighbour while it improves, restart
// from a fresh random architecture at a local optimum.

#include "StrategyBase.h"

#include <deque>
#include <unordered_map>

namespace archscape {

class LocalSearch : public StrategyBase
{
public:
    using StrategyBase::StrategyBase;
    std::string name() const override { return "local"; }
    std::optional<Architecture> propose() override;
    void observe(const Observation& observation) override;

private:
    void queueNeighbours(const Architecture& center);
    std::optional<Architecture> restart();
    void consider(const Architecture& arch, double score);

    bool haveCenter_ = false;
    Architecture center_;
    double centerScore_ = 0.0;
    std::deque<Architecture> queue_;
    int pending_ = 0;
    bool bestIsSet_ = false;
    Architecture bestNeighbour_;
    double bestNeighbourScore_ = 0.0;
    bool awaitingStart_ = false;
    // Scores of everything evaluated so far, by hash: a neighbour evaluated
    // in an earlier climb still counts when choosing the next move.
    std::unordered_map<uint64_t, double> known_;
};

} // namespace archscape
