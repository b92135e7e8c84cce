#include "DartsSupernet.h"

#include "NetworkSlice.h"
#include "space/DecisionSet.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <stdexcept>

namespace archscape {

namespace {

SearchSpace withInputShape(const SearchSpace& space, const Shape& input)
{
    if (input.isVector || input.channels < 1 || input.height < 1 || input.width < 1)
        throw std::invalid_argument("the DARTS supernet takes images, not " + input.toString());
    SearchSpace adapted = space;
    int inputs = 0;
    for (const Block& b : space.blocks()) {
        if (b.kind != BlockKind::Input)
            continue;
        ++inputs;
        Block* block = adapted.block(b.id);
        block->params["channels"] = Parameter::fixed(Value::integer(input.channels));
        block->params["height"] = Parameter::fixed(Value::integer(input.height));
        block->params["width"] = Parameter::fixed(Value::integer(input.width));
    }
    if (inputs != 1)
        throw std::invalid_argument("the DARTS supernet needs a space with one input block, not "
                                    + std::to_string(inputs));
    return adapted;
}

bool isNone(const std::string& op)
{
    return cellOpFromName(op) == CellOp::None;
}

// The operation every edge takes in the reference network, whose layers
// mark out the cells and the fixed blocks between them: one that has
// layers of its own, so that no node of the cell is bypassed.
int referenceOp(const CellDefinition& cell)
{
    int fallback = -1;
    for (size_t k = 0; k < cell.ops.size(); ++k) {
        const auto op = cellOpFromName(cell.ops[k]);
        if (!op)
            throw std::invalid_argument("the DARTS supernet does not know the cell operation '"
                                        + cell.ops[k] + "' of cell '" + cell.name + "'");
        if (*op != CellOp::None && *op != CellOp::Skip)
            return static_cast<int>(k);
        if (*op == CellOp::Skip && fallback < 0)
            fallback = static_cast<int>(k);
    }
    if (fallback < 0)
        throw std::invalid_argument("cell '" + cell.name + "' has only 'none' operations");
    return fallback;
}

std::string moduleName(const std::string& text)
{
    std::string name;
    for (unsigned char c : text)
        name += std::isalnum(c) ? static_cast<char>(c) : '_';
    return name;
}

// A run of layers of the reference network: one cell block, or the fixed
// blocks between two cells.
struct LayerGroup
{
    std::string cellBlock; // empty: fixed blocks
    std::vector<size_t> layers;
    int input = 0;         // the layer feeding the group
};

// The space resolved with every edge of every cell taking one operation
// per definition; the networks of single-operation variants on demand.
class SupernetPlan
{
public:
    SupernetPlan(const SearchSpace& space, const Shape& input)
        : codec_(withInputShape(space, input))
    {
        for (const Block& b : codec_.space().blocks())
            if (b.kind == BlockKind::Cell)
                cellBlocks_[b.id] = b.param("cell").value.toText();
        if (cellBlocks_.empty())
            throw std::invalid_argument(
                "the DARTS supernet searches cell spaces (such as NAS-Bench-201's); this space "
                "has no cell block");
        for (const auto& [name, cell] : codec_.space().cells())
            if (isUsed(name)) {
                definitions_.push_back(cell);
                reference_.push_back(referenceOp(cell));
            }
        referenceNetwork_ = codec_.network(assignment(definitions_.size(), 0));
        groups_ = groupLayers();
    }

    const std::vector<CellDefinition>& definitions() const { return definitions_; }
    const Network& reference() const { return referenceNetwork_; }
    const std::vector<LayerGroup>& groups() const { return groups_; }

    size_t definitionOf(const std::string& cellBlock) const
    {
        const std::string& name = cellBlocks_.at(cellBlock);
        for (size_t d = 0; d < definitions_.size(); ++d)
            if (definitions_[d].name == name)
                return d;
        throw std::invalid_argument("cell definition '" + name + "' does not exist");
    }

    // The candidates of edge (from → to) of a cell block, one per operation.
    std::vector<MixedCandidate> candidates(const std::string& cellBlock, int from, int to)
    {
        const size_t d = definitionOf(cellBlock);
        const CellDefinition& cell = definitions_[d];
        std::vector<MixedCandidate> result;
        for (size_t k = 0; k < cell.ops.size(); ++k) {
            MixedCandidate c;
            c.op = cell.ops[k];
            const std::string prefix = cellBlock + "/" + std::to_string(to) + "<-"
                                       + std::to_string(from) + " " + c.op;
            const std::vector<size_t> layers =
                isNone(c.op) ? std::vector<size_t>{} : labelled(network(d, int(k)), prefix);
            c.kind = isNone(c.op)     ? MixedCandidate::Kind::Zero
                     : layers.empty() ? MixedCandidate::Kind::Identity // bypassed by the resolver
                                      : MixedCandidate::Kind::Layers;
            if (c.kind == MixedCandidate::Kind::Layers)
                c.network = networkSlice(network(d, int(k)), layers);
            result.push_back(std::move(c));
        }
        return result;
    }

private:
    bool isUsed(const std::string& definition) const
    {
        return std::any_of(cellBlocks_.begin(), cellBlocks_.end(),
                           [&](const auto& entry) { return entry.second == definition; });
    }

    // Every edge of definition `d` takes operation `op`, every other
    // definition's edges their reference operation.
    Architecture assignment(size_t d, int op) const
    {
        Architecture arch = codec_.defaultArchitecture();
        for (size_t i = 0; i < definitions_.size(); ++i)
            for (auto [from, to] : definitions_[i].edges()) {
                const int decision = codec_.decisions().find(
                    DecisionSet::cellEdgeKey(definitions_[i].name, from, to));
                if (decision >= 0)
                    arch.choices[static_cast<size_t>(decision)] = i == d ? op : reference_[i];
            }
        return arch;
    }

    const Network& network(size_t d, int op)
    {
        auto key = std::make_pair(d, op);
        auto it = networks_.find(key);
        if (it == networks_.end())
            it = networks_.emplace(key, codec_.network(assignment(d, op))).first;
        return it->second;
    }

    static std::vector<size_t> labelled(const Network& net, const std::string& prefix)
    {
        std::vector<size_t> layers;
        for (size_t i = 1; i < net.layers.size(); ++i) {
            const std::string& label = net.layers[i].label;
            if (label == prefix || label.rfind(prefix + "/", 0) == 0)
                layers.push_back(i);
        }
        return layers;
    }

    std::vector<LayerGroup> groupLayers() const
    {
        const Network& net = referenceNetwork_;
        std::vector<LayerGroup> groups;
        for (size_t i = 1; i < net.layers.size(); ++i) {
            const std::string& block = net.layers[i].blockId;
            const std::string cell = cellBlocks_.count(block) ? block : std::string();
            if (groups.empty() || groups.back().cellBlock != cell)
                groups.push_back({cell, {}, groups.empty() ? 0 : int(groups.back().layers.back())});
            groups.back().layers.push_back(i);
        }
        for (const LayerGroup& g : groups)
            checkChained(g);
        return groups;
    }

    // A group reads only the layer before it, and only its last layer is
    // read after it: the supernet runs its parts one after another.
    void checkChained(const LayerGroup& g) const
    {
        const Network& net = referenceNetwork_;
        const size_t first = g.layers.front(), last = g.layers.back();
        for (size_t i = first; i < net.layers.size(); ++i)
            for (int in : net.layers[i].inputs) {
                const auto from = static_cast<size_t>(in);
                const bool inside = i <= last;
                if ((inside && from < first && in != g.input)
                    || (!inside && from >= first && from < last))
                    throw std::invalid_argument(
                        "the DARTS supernet needs the space's cells and other blocks to follow "
                        "one another in a chain, but block '" + net.layers[i].blockId
                        + "' reads from block '" + net.layers[from].blockId + "'");
            }
    }

    ArchitectureCodec codec_;
    std::map<std::string, std::string> cellBlocks_; // block id → definition
    std::vector<CellDefinition> definitions_;
    std::vector<int> reference_; // per definition
    Network referenceNetwork_;
    std::vector<LayerGroup> groups_;
    std::map<std::pair<size_t, int>, Network> networks_;
};

// Of each run of consecutive cells, the first `perStage` (all for 0). A
// cell left out must keep its input's shape, as NAS-Bench-201's do.
std::vector<LayerGroup> keepCells(const std::vector<LayerGroup>& groups, const Network& net,
                                  int perStage)
{
    std::vector<LayerGroup> kept;
    int run = 0;
    for (const LayerGroup& g : groups) {
        run = g.cellBlock.empty() ? 0 : run + 1;
        if (perStage <= 0 || run <= perStage) {
            kept.push_back(g);
            continue;
        }
        const Shape in = net.layers[static_cast<size_t>(g.input)].shape;
        const Shape out = net.layers[g.layers.back()].shape;
        if (in != out)
            throw std::invalid_argument("cell block '" + g.cellBlock + "' turns " + in.toString()
                                        + " into " + out.toString()
                                        + ", so it cannot be left out of the supernet");
    }
    return kept;
}

} // namespace

DartsSupernetImpl::DartsSupernetImpl(const SearchSpace& space, const Shape& input,
                                     int cellsPerStage, torch::Device device)
    : input_(input)
{
    SupernetPlan plan(space, input);
    definitions_ = plan.definitions();
    for (const CellDefinition& cell : definitions_)
        alphas_.push_back(register_parameter(
            "alpha_" + moduleName(cell.name),
            1e-3 * torch::randn({cell.edgeCount(), int64_t(cell.ops.size())})));
    for (const LayerGroup& g : keepCells(plan.groups(), plan.reference(), cellsPerStage)) {
        Component c;
        if (g.cellBlock.empty()) {
            const std::string name = "fixed_" + moduleName(
                plan.reference().layers[g.layers.front()].blockId);
            c.fixed = register_module(name, NetworkModule(networkSlice(plan.reference(), g.layers)));
        } else {
            c.definition = plan.definitionOf(g.cellBlock);
            const CellDefinition& cell = definitions_[c.definition];
            std::vector<MixedOperation> edges;
            for (auto [from, to] : cell.edges())
                edges.emplace_back(plan.candidates(g.cellBlock, from, to), torch::Device(torch::kCPU));
            c.cell = register_module(moduleName(g.cellBlock),
                                     DartsCell(cell.name, cell.nodes, std::move(edges)));
        }
        components_.push_back(std::move(c));
    }
    to(device);
}

torch::Tensor DartsSupernetImpl::forward(const torch::Tensor& images)
{
    std::vector<torch::Tensor> mix;
    for (const torch::Tensor& alpha : alphas_)
        mix.push_back(torch::softmax(alpha, -1));
    torch::Tensor x = images;
    for (Component& c : components_)
        x = c.fixed ? c.fixed->forward(x) : c.cell->forward(x, mix[c.definition]);
    return x;
}

std::vector<torch::Tensor> DartsSupernetImpl::alphas() const
{
    return alphas_;
}

std::vector<torch::Tensor> DartsSupernetImpl::weights() const
{
    std::vector<torch::Tensor> result;
    for (const auto& p : named_parameters(true))
        if (p.key().rfind("alpha_", 0) != 0)
            result.push_back(p.value());
    return result;
}

torch::Tensor DartsSupernetImpl::alphaSoftmax(size_t k) const
{
    return torch::softmax(alphas_.at(k).detach(), -1).to(torch::kCPU);
}

Architecture DartsSupernetImpl::derive(const ArchitectureCodec& codec, bool allowNone) const
{
    Architecture arch = codec.defaultArchitecture();
    for (size_t d = 0; d < definitions_.size(); ++d) {
        const CellDefinition& cell = definitions_[d];
        torch::Tensor alpha = alphas_[d].detach().to(torch::kCPU).clone();
        for (size_t k = 0; k < cell.ops.size(); ++k)
            if (!allowNone && isNone(cell.ops[k]) && cell.ops.size() > 1)
                alpha.select(1, int64_t(k)).fill_(-std::numeric_limits<float>::infinity());
        const auto edges = cell.edges();
        for (size_t e = 0; e < edges.size(); ++e) {
            const int decision = codec.decisions().find(
                DecisionSet::cellEdgeKey(cell.name, edges[e].first, edges[e].second));
            if (decision < 0)
                continue;
            const std::string& op = cell.ops[size_t(alpha[int64_t(e)].argmax().item<int64_t>())];
            const auto& labels = codec.decisions()[decision].labels;
            auto found = std::find(labels.begin(), labels.end(), op);
            if (found == labels.end())
                throw std::invalid_argument("the space has no operation '" + op
                                            + "' on edge " + codec.decisions()[decision].key);
            arch.choices[size_t(decision)] = int(found - labels.begin());
        }
    }
    return arch;
}

int DartsSupernetImpl::cellCount() const
{
    return int(std::count_if(components_.begin(), components_.end(),
                             [](const Component& c) { return bool(c.cell); }));
}

int64_t DartsSupernetImpl::weightCount() const
{
    int64_t count = 0;
    for (const torch::Tensor& w : weights())
        count += w.numel();
    return count;
}

} // namespace archscape
