#include "LocalSearch.h"

#include <algorithm>

namespace archscape {

std::optional<Architecture> LocalSearch::restart()
{
    haveCenter_ = false;
    awaitingStart_ = true;
    auto start = sampleUnseen();
    if (start)
        ++pending_;
    return start;
}

void LocalSearch::queueNeighbours(const Architecture& center)
{
    queue_.clear();
    const DecisionSet& decisions = codec_.decisions();
    std::vector<Architecture> neighbours;
    for (int d = 0; d < decisions.size(); ++d) {
        if (center.choices[static_cast<size_t>(d)] < 0)
            continue;
        for (int option = 0; option < decisions[d].size(); ++option) {
            if (option == center.choices[static_cast<size_t>(d)])
                continue;
            Architecture n = center;
            for (auto& c : n.choices)
                c = c < 0 ? 0 : c;
            n.choices[static_cast<size_t>(d)] = option;
            n = codec_.canonical(n);
            if (!seen(n)) {
                neighbours.push_back(n);
            } else if (auto k = known_.find(codec_.hashCanonical(n)); k != known_.end()) {
                consider(n, k->second);
            }
        }
    }
    std::shuffle(neighbours.begin(), neighbours.end(), rng_);
    queue_.assign(neighbours.begin(), neighbours.end());
}

std::optional<Architecture> LocalSearch::propose()
{
    if (!haveCenter_)
        return awaitingStart_ && pending_ > 0 ? std::nullopt : restart();
    while (!queue_.empty()) {
        Architecture next = queue_.front();
        queue_.pop_front();
        if (seen(next))
            continue;
        ++pending_;
        return claim(next);
    }
    if (pending_ > 0)
        return std::nullopt; // the neighbourhood is still being evaluated
    if (bestIsSet_ && bestNeighbourScore_ < centerScore_) {
        center_ = bestNeighbour_;
        centerScore_ = bestNeighbourScore_;
        bestIsSet_ = false;
        queueNeighbours(center_);
        return propose();
    }
    bestIsSet_ = false;
    return restart();
}

void LocalSearch::consider(const Architecture& arch, double s)
{
    if (!bestIsSet_ || s < bestNeighbourScore_) {
        bestIsSet_ = true;
        bestNeighbour_ = arch;
        bestNeighbourScore_ = s;
    }
}

void LocalSearch::observe(const Observation& observation)
{
    --pending_;
    double s = score(observation);
    known_[codec_.hashCanonical(observation.arch)] = s;
    if (awaitingStart_) {
        awaitingStart_ = false;
        haveCenter_ = true;
        center_ = observation.arch;
        centerScore_ = s;
        bestIsSet_ = false;
        queueNeighbours(center_);
        return;
    }
    consider(observation.arch, s);
}

} // namespace archscape
