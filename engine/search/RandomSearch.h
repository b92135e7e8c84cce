#pragma once
// Random search: uniform samples, never the same architecture twice.

#include "StrategyBase.h"

namespace archscape {

class RandomSearch : public StrategyBase
{
public:
    using StrategyBase::StrategyBase;
    std::string name() const override { return "random"; }
    std::optional<Architecture> propose() override { return sampleUnseen(); }
    void observe(const Observation&) override {}
};

} // namespace archscape
