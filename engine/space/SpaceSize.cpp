#include "SpaceSize.h"

#include "ArchitectureSampler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace archscape {

namespace {

using u128 = unsigned __int128;
constexpr u128 kMax = ~u128(0) >> 1;

double log10Of(u128 v)
{
    return v == 0 ? -INFINITY : std::log10(static_cast<long double>(v));
}

// Counts by structure; clears `exact` where pruning could make it an overcount.
class StructureCounter
{
public:
    StructureCounter(const ArchitectureCodec& codec, uint64_t limit) : codec_(codec), limit_(limit) {}

    SpaceCount count()
    {
        const SearchSpace& space = codec_.space();
        SpaceCount total = SpaceCount::fromValue(1);
        for (const auto& block : space.blocks())
            total = total.times(blockCount(block, block.id, false));
        for (const auto& name : sharedUsed_)
            total = total.times(SpaceCount::fromValue(space.sharedChoices().at(name).size()));
        for (const auto& name : cellsUsed_)
            total = total.times(cellCount(space.cells().at(name)));
        // A shared depth used again is counted as if each use chose freely.
        for (const auto& [name, uses] : sharedDepths_)
            if (uses > 1 || sharedUsed_.count(name))
                exact_ = false;
        if (cellsMayDie_ && total.value > 1)
            exact_ = false;
        total.exact = total.exact && exact_;
        total.method = "structure";
        return total;
    }

private:
    SpaceCount blockCount(const Block& block, const std::string& prefix, bool conditional)
    {
        SpaceCount c = SpaceCount::fromValue(1);
        for (const auto& spec : block.info().params) {
            Parameter p = block.param(spec.name);
            if (p.mode == Parameter::Mode::Choice)
                c = c.times(SpaceCount::fromValue(p.options.size()));
            else if (p.mode == Parameter::Mode::Shared) {
                // A Repeat's depth is summed over below, not multiplied in.
                if (block.kind == BlockKind::Repeat && spec.name == "depth")
                    ++sharedDepths_[p.sharedName];
                else
                    sharedUsed_.insert(p.sharedName);
                exact_ = exact_ && !conditional;
            }
        }
        if (block.kind == BlockKind::Zero)
            exact_ = false; // it can make upstream decisions irrelevant
        if (block.kind == BlockKind::Choice) {
            SpaceCount sum = SpaceCount::fromValue(0);
            for (const auto& alt : block.alternatives)
                sum = sum.plus(blockCount(alt, prefix + "/" + alt.id, true));
            c = c.times(sum);
        } else if (block.kind == BlockKind::Repeat && !block.body.empty()) {
            Parameter depth = block.param("depth");
            std::vector<Value> depths = depth.mode == Parameter::Mode::Choice ? depth.options
                                        : depth.mode == Parameter::Mode::Shared
                                            ? codec_.space().sharedChoices().at(depth.sharedName)
                                            : std::vector<Value>{depth.value};
            // Every repetition after the first counts the same (its stride
            // is 1): count the first and one later repetition once, not once
            // per repetition and depth, which nested repeats made exponential.
            int64_t most = 0;
            for (const auto& dv : depths)
                most = std::max(most, dv.toInt());
            SpaceCount first = SpaceCount::fromValue(1), later = SpaceCount::fromValue(1);
            if (most > 0)
                first = blockCount(block.body.front(), prefix + "#0", true);
            if (most > 1) {
                Block layer = block.body.front();
                if (layer.info().param("stride"))
                    layer.params["stride"] = Parameter::fixed(Value::integer(1));
                later = blockCount(layer, prefix + "#1", true);
            }
            SpaceCount sum = SpaceCount::fromValue(0);
            for (const auto& dv : depths) {
                SpaceCount product = dv.toInt() > 0 ? first : SpaceCount::fromValue(1);
                for (int64_t r = 1; r < dv.toInt(); ++r)
                    product = product.times(later);
                sum = sum.plus(product);
            }
            // The depth choice multiplied in above is replaced by the sum.
            c = sum;
            for (const auto& spec : block.info().params)
                if (spec.name != "depth" && block.param(spec.name).mode == Parameter::Mode::Choice)
                    c = c.times(SpaceCount::fromValue(block.param(spec.name).options.size()));
        } else if (block.kind == BlockKind::Cell) {
            std::string cellName = block.param("cell").value.toText();
            cellsUsed_.insert(cellName);
            exact_ = exact_ && !conditional;
        }
        return c;
    }

    SpaceCount cellCount(const CellDefinition& cell)
    {
        for (const auto& op : cell.ops)
            cellsMayDie_ = cellsMayDie_ || op == "none";
        SearchSpace alone;
        alone.setCell(cell);
        Block in;
        in.id = "in";
        in.kind = BlockKind::Input;
        in.params["channels"] = Parameter::fixed(Value::integer(4));
        in.params["height"] = Parameter::fixed(Value::integer(4));
        in.params["width"] = Parameter::fixed(Value::integer(4));
        Block c;
        c.id = "cell";
        c.kind = BlockKind::Cell;
        c.params["cell"] = Parameter::fixed(Value::text(cell.name));
        Block out;
        out.id = "out";
        out.kind = BlockKind::Output;
        alone.addBlock(in);
        alone.addBlock(c);
        alone.addBlock(out);
        alone.addEdge({"in", "cell", 0});
        alone.addEdge({"cell", "out", 0});
        ArchitectureCodec cellCodec(std::move(alone));
        SpaceCount raw = SpaceSize::rawCount(cellCodec.decisions());
        if (raw.huge || raw.value > limit_) {
            exact_ = false;
            return raw;
        }
        return SpaceSize::distinctCount(cellCodec, limit_);
    }

    const ArchitectureCodec& codec_;
    uint64_t limit_;
    bool exact_ = true;
    bool cellsMayDie_ = false;
    std::set<std::string> sharedUsed_;
    std::map<std::string, int> sharedDepths_; // shared choices used as a Repeat depth
    std::set<std::string> cellsUsed_;
};

} // namespace

std::string toDecimal(unsigned __int128 v)
{
    if (v == 0)
        return "0";
    std::string digits;
    while (v > 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    return digits;
}

SpaceCount SpaceCount::fromValue(unsigned __int128 v)
{
    SpaceCount c;
    c.value = v;
    c.log10 = log10Of(v);
    return c;
}

SpaceCount SpaceCount::times(const SpaceCount& o) const
{
    SpaceCount r;
    r.exact = exact && o.exact;
    r.method = method;
    if (value == 0 && !huge)
        return SpaceCount::fromValue(0);
    if (o.value == 0 && !o.huge)
        return SpaceCount::fromValue(0);
    r.log10 = log10 + o.log10;
    if (!huge && !o.huge && value <= kMax / o.value) {
        r.value = value * o.value;
    } else {
        r.huge = true;
    }
    return r;
}

SpaceCount SpaceCount::plus(const SpaceCount& o) const
{
    SpaceCount r;
    r.exact = exact && o.exact;
    r.method = method;
    if (!huge && !o.huge && value <= kMax - o.value) {
        r.value = value + o.value;
        r.log10 = log10Of(r.value);
        return r;
    }
    r.huge = true;
    double hi = std::max(log10, o.log10), lo = std::min(log10, o.log10);
    r.log10 = hi + std::log10(1.0 + std::pow(10.0, lo - hi));
    return r;
}

std::string SpaceCount::toString() const
{
    std::string text;
    if (!huge) {
        text = toDecimal(value);
    } else {
        double exponent = std::floor(log10);
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.3fe+%.0f", std::pow(10.0, log10 - exponent),
                      exponent);
        text = buffer;
    }
    return exact ? text : "at most " + text;
}

SpaceCount SpaceSize::rawCount(const DecisionSet& decisions)
{
    SpaceCount c = SpaceCount::fromValue(1);
    for (const auto& d : decisions.decisions())
        c = c.times(SpaceCount::fromValue(static_cast<unsigned>(d.size())));
    c.method = "raw";
    return c;
}

SpaceCount SpaceSize::distinctCount(const ArchitectureCodec& codec, uint64_t enumerateLimit)
{
    SpaceCount raw = rawCount(codec.decisions());
    if (!raw.huge && raw.value <= enumerateLimit) {
        uint64_t n = 0;
        ArchitectureSampler(codec).enumerate([&n](const Architecture&) {
            ++n;
            return true;
        });
        SpaceCount c = SpaceCount::fromValue(n);
        c.method = "enumerated";
        return c;
    }
    return StructureCounter(codec, enumerateLimit).count();
}

} // namespace archscape
