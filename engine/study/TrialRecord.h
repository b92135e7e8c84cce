#pragma once
// One trial as stored: which architecture, its state and times, and its
// final metrics. Curves (per-epoch values) are stored apart.

#include "TrialState.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace archscape {

struct TrialRecord
{
    int64_t id = 0;
    int64_t number = 0;        // proposal order within the study, from 0
    std::string encoding;      // canonical architecture encoding
    std::string archHash;      // 16 hex digits of the encoding's hash
    TrialState state = TrialState::Queued;
    int64_t proposedAfter = 0; // results the strategy had seen when it proposed this
    std::optional<int64_t> observedSeq; // order in which its result reached the strategy
    std::string createdAt;
    std::string startedAt;
    std::string finishedAt;
    std::string worker;
    std::string error;
    std::map<std::string, double> metrics; // final values (step 0)

    std::optional<double> metric(const std::string& name) const
    {
        auto it = metrics.find(name);
        if (it == metrics.end())
            return std::nullopt;
        return it->second;
    }
};

struct CurvePoint
{
    std::string name; // e.g. "train_loss", "valid_acc"
    int64_t step = 0; // epoch, from 1
    double value = 0.0;
};

} // namespace archscape
