#include "SpaceValidator.h"

#include "ArchitectureCodec.h"
#include "SpaceError.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace archscape {

namespace {

class Checker
{
public:
    explicit Checker(const SearchSpace& space) : space_(space) {}

    std::vector<Problem> run()
    {
        checkIdsAndBlocks();
        checkEdges();
        checkInputsAndOutputs();
        checkCycles();
        if (problems_.empty())
            checkPath();
        if (problems_.empty())
            checkShapes();
        return problems_;
    }

private:
    void report(Problem::Kind kind, const std::string& blockId, const std::string& message)
    {
        for (const auto& p : problems_)
            if (p.kind == kind && p.blockId == blockId && p.message == message)
                return;
        problems_.push_back({kind, blockId, message});
    }

    void checkIdsAndBlocks()
    {
        std::set<std::string> ids;
        for (const auto& b : space_.blocks()) {
            if (!SearchSpace::isValidId(b.id))
                report(Problem::Kind::BadId, b.id,
                       "the id may use only letters, digits, '_' and '-' (at most 64)");
            if (!ids.insert(b.id).second)
                report(Problem::Kind::DuplicateId, b.id, "two blocks have this id");
            checkBlock(b, b.id, 0);
        }
    }

    void checkBlock(const Block& b, const std::string& topId, int nesting)
    {
        if (nesting > 0 && (b.info().fixedInputs != 1 || b.info().variableInputs
                            || b.kind == BlockKind::Output))
            report(Problem::Kind::BadNesting, topId,
                   "a " + b.info().name + " block cannot be nested inside a choice or repeat");
        if (b.kind == BlockKind::Choice && b.alternatives.empty())
            report(Problem::Kind::BadNesting, topId, "the choice has no alternatives");
        if (b.kind == BlockKind::Repeat && b.body.size() != 1)
            report(Problem::Kind::BadNesting, topId, "a repeat block needs exactly one body block");
        if (b.kind == BlockKind::Cell
            && !space_.cells().count(b.param("cell").value.toText()))
            report(Problem::Kind::UnknownCell, topId,
                   "cell definition '" + b.param("cell").value.toText() + "' does not exist");
        for (const auto& spec : b.info().params)
            checkParam(b, spec, topId);
        for (const auto& alt : b.alternatives)
            checkBlock(alt, topId, nesting + 1);
        for (const auto& body : b.body)
            checkBlock(body, topId, nesting + 1);
    }

    void checkParam(const Block& b, const ParamSpec& spec, const std::string& topId)
    {
        Parameter p = b.param(spec.name);
        std::vector<Value> values;
        if (p.mode == Parameter::Mode::Fixed) {
            values.push_back(p.value);
        } else if (p.mode == Parameter::Mode::Choice) {
            if (p.options.empty())
                report(Problem::Kind::BadParameter, topId,
                       "parameter '" + spec.name + "' is a choice with no values");
            values = p.options;
        } else {
            auto it = space_.sharedChoices().find(p.sharedName);
            if (it == space_.sharedChoices().end()) {
                report(Problem::Kind::UnknownChoice, topId,
                       "parameter '" + spec.name + "' uses the shared choice '" + p.sharedName
                           + "', which does not exist");
                return;
            }
            values = it->second;
        }
        for (const auto& v : values) {
            bool typeOk = v.type() == spec.type || (v.isNumber() && spec.type == Value::Type::Real);
            bool rangeOk = !v.isNumber() || spec.maximum <= spec.minimum
                           || (v.toReal() >= spec.minimum && v.toReal() <= spec.maximum);
            bool wordOk = spec.words.empty() || v.type() != Value::Type::Text;
            for (const auto& w : spec.words)
                wordOk = wordOk || w == v.toText();
            if (!typeOk || !rangeOk || !wordOk)
                report(Problem::Kind::BadParameter, topId,
                       "parameter '" + spec.name + "' has the invalid value " + v.toString());
        }
    }

    void checkEdges()
    {
        std::map<std::pair<std::string, int>, int> fed;
        for (const auto& e : space_.edges()) {
            const Block* from = space_.block(e.from);
            const Block* to = space_.block(e.to);
            if (!from || !to) {
                report(Problem::Kind::UnknownBlock, from ? e.to : e.from,
                       "an edge refers to a block that does not exist");
                continue;
            }
            if (from->info().output == PortType::None)
                report(Problem::Kind::BadPort, e.from, "an output block has no output port");
            if (e.toPort < 0 || e.toPort >= to->inputCount())
                report(Problem::Kind::BadPort, e.to,
                       "an edge goes to input port " + std::to_string(e.toPort) + ", but the "
                           + to->info().name + " block has "
                           + std::to_string(to->inputCount()) + " input port(s)");
            if (++fed[{e.to, e.toPort}] == 2)
                report(Problem::Kind::PortTaken, e.to,
                       "input port " + std::to_string(e.toPort) + " has more than one edge");
        }
        std::set<std::string> used;
        for (const auto& e : space_.edges())
            used.insert(e.from);
        for (const auto& b : space_.blocks()) {
            for (int port = 0; port < b.inputCount(); ++port)
                if (!fed.count({b.id, port}))
                    report(Problem::Kind::DanglingInput, b.id,
                           "input port " + std::to_string(port) + " is not connected");
            if (b.info().output != PortType::None && !used.count(b.id))
                report(Problem::Kind::DanglingOutput, b.id, "the output is not connected");
        }
    }

    void checkInputsAndOutputs()
    {
        int inputs = 0, outputs = 0;
        for (const auto& b : space_.blocks()) {
            if (b.kind == BlockKind::Input && ++inputs > 1)
                report(Problem::Kind::MultipleInputs, b.id, "a space has exactly one input block");
            if (b.kind == BlockKind::Output && ++outputs > 1)
                report(Problem::Kind::MultipleOutputs, b.id,
                       "a space has exactly one output block");
        }
        if (inputs == 0)
            report(Problem::Kind::MissingInput, "", "the space has no input block");
        if (outputs == 0)
            report(Problem::Kind::MissingOutput, "", "the space has no output block");
    }

    // Depth-first, with an explicit stack: a space may chain 100,000 blocks.
    void checkCycles()
    {
        std::map<std::string, std::vector<std::string>> next;
        for (const auto& e : space_.edges())
            next[e.from].push_back(e.to);
        std::map<std::string, int> state; // 0 new, 1 on the path, 2 done
        std::vector<std::pair<std::string, size_t>> path; // block, next successor to try
        for (const auto& b : space_.blocks()) {
            if (state[b.id] != 0)
                continue;
            state[b.id] = 1;
            path.emplace_back(b.id, 0);
            while (!path.empty()) {
                auto& [id, child] = path.back();
                const std::vector<std::string>& successors = next[id];
                if (child == successors.size()) {
                    state[id] = 2;
                    path.pop_back();
                    continue;
                }
                const std::string n = successors[child++];
                if (state[n] == 1) {
                    std::string cycle;
                    bool inCycle = false;
                    for (const auto& step : path) {
                        inCycle = inCycle || step.first == n;
                        if (inCycle)
                            cycle += step.first + " → ";
                    }
                    report(Problem::Kind::Cycle, n, "the graph has a cycle: " + cycle + n);
                } else if (state[n] == 0) {
                    state[n] = 1;
                    path.emplace_back(n, 0);
                }
            }
        }
    }

    void checkPath()
    {
        std::map<std::string, std::vector<std::string>> next;
        for (const auto& e : space_.edges())
            next[e.from].push_back(e.to);
        std::set<std::string> seen;
        std::vector<std::string> todo;
        for (const auto& b : space_.blocks())
            if (b.kind == BlockKind::Input)
                todo.push_back(b.id);
        while (!todo.empty()) {
            std::string id = todo.back();
            todo.pop_back();
            if (!seen.insert(id).second)
                continue;
            for (const auto& n : next[id])
                todo.push_back(n);
        }
        for (const auto& b : space_.blocks()) {
            if (b.kind == BlockKind::Output && !seen.count(b.id))
                report(Problem::Kind::NoPath, b.id, "no path leads from the input to the output");
            else if (!seen.count(b.id))
                report(Problem::Kind::NoPath, b.id, "the input does not reach this block");
        }
    }

    // Resolves the network for every combination of the decisions that
    // change shapes (or a random sample of them when there are too many).
    void checkShapes()
    {
        ArchitectureCodec codec(space_);
        const DecisionSet& decisions = codec.decisions();
        std::vector<int> shaping;
        uint64_t combos = 1;
        for (int d = 0; d < decisions.size(); ++d)
            if (decisions[d].affectsShape) {
                shaping.push_back(d);
                combos = std::min<uint64_t>(combos * static_cast<uint64_t>(decisions[d].size()),
                                            1u << 30);
            }
        bool sampled = combos > static_cast<uint64_t>(SpaceValidator::kMaxShapeCombinations);
        uint64_t runs = sampled ? SpaceValidator::kMaxShapeCombinations : combos;
        std::mt19937_64 rng(7);
        Architecture arch = codec.defaultArchitecture();
        uint64_t layers = 0, lastLayers = 1;
        for (uint64_t i = 0; i < runs && layers < SpaceValidator::kMaxShapeLayers; ++i) {
            uint64_t rest = i;
            for (int d : shaping) {
                int n = decisions[d].size();
                arch.choices[static_cast<size_t>(d)] =
                    sampled ? static_cast<int>(rng() % static_cast<uint64_t>(n))
                            : static_cast<int>(rest % static_cast<uint64_t>(n));
                rest /= static_cast<uint64_t>(n);
            }
            try {
                lastLayers = std::max<uint64_t>(1, codec.network(arch).layers.size());
                layers += lastLayers;
            } catch (const SpaceError& e) {
                layers += lastLayers;
                report(Problem::Kind::ShapeMismatch, e.blockId(),
                       e.problem() + describe(codec, arch, shaping));
                if (problems_.size() > 50)
                    return;
            }
        }
    }

    static std::string describe(const ArchitectureCodec& codec, const Architecture& arch,
                                const std::vector<int>& shaping)
    {
        if (shaping.empty())
            return "";
        std::string text = " (when ";
        for (size_t i = 0; i < shaping.size() && i < 6; ++i) {
            const Decision& d = codec.decisions()[shaping[i]];
            text += (i ? ", " : "") + d.key + "="
                    + d.labels[static_cast<size_t>(arch.choices[static_cast<size_t>(shaping[i])])];
        }
        return text + (shaping.size() > 6 ? ", …)" : ")");
    }

    const SearchSpace& space_;
    std::vector<Problem> problems_;
};

} // namespace

const char* Problem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::MissingInput: return "missing-input";
    case Kind::MultipleInputs: return "multiple-inputs";
    case Kind::MissingOutput: return "missing-output";
    case Kind::MultipleOutputs: return "multiple-outputs";
    case Kind::BadId: return "bad-id";
    case Kind::DuplicateId: return "duplicate-id";
    case Kind::UnknownBlock: return "unknown-block";
    case Kind::BadPort: return "bad-port";
    case Kind::PortTaken: return "port-taken";
    case Kind::DanglingInput: return "dangling-input";
    case Kind::DanglingOutput: return "dangling-output";
    case Kind::Cycle: return "cycle";
    case Kind::NoPath: return "no-path";
    case Kind::BadNesting: return "bad-nesting";
    case Kind::UnknownCell: return "unknown-cell";
    case Kind::UnknownChoice: return "unknown-choice";
    case Kind::BadParameter: return "bad-parameter";
    case Kind::ShapeMismatch: return "shape-mismatch";
    }
    return "?";
}

std::vector<Problem> SpaceValidator::validate(const SearchSpace& space)
{
    return Checker(space).run();
}

} // namespace archscape
