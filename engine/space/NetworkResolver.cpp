#include "NetworkResolver.h"

#include "BlockKindExtension.h"
#include "SpaceError.h"

#include <algorithm>
#include <map>
#include <set>

namespace archscape {

namespace {

// Widths stop at 65536; only Concat adds channels up, so it enforces this.
constexpr int64_t kMaxChannels = int64_t(1) << 24;

// As PyTorch sizes it: floor((size + 2p - k) / s) + 1, rounding down also
// below zero, so a map too small for the kernel comes out empty.
int64_t convOut(int64_t size, int kernel, int stride)
{
    int padding = (kernel - 1) / 2;
    int64_t span = size + 2 * padding - kernel;
    int64_t quotient = span / stride;
    if (span % stride != 0 && span < 0)
        --quotient;
    return quotient + 1;
}

// The operation each edge of a cell takes, and which edge decisions matter
// (NAS-Bench-201's rule): edge j→i matters when node j can be non-zero and
// node i can reach the cell output, through edges that are not "none".
struct CellChoices
{
    std::vector<int> op;       // option index per edge, at [j * nodes + i]
    std::vector<int> relevant; // decision indices, in edge order
};

CellChoices analyseCell(const NetworkResolver::CellPlan& plan, const DecisionSet& decisions,
                        const std::vector<int>& choices)
{
    const int n = plan.cell->nodes;
    CellChoices result;
    result.op.assign(static_cast<size_t>(n * n), 0);
    size_t e = 0;
    for (auto [j, i] : plan.edges) {
        int d = plan.decisions[e++];
        int c = d < 0 ? 0 : choices[static_cast<size_t>(d)];
        result.op[static_cast<size_t>(j * n + i)] = c < 0 ? decisions[d].defaultOption : c;
    }
    auto isNone = [&](int j, int i) {
        return plan.ops[static_cast<size_t>(result.op[static_cast<size_t>(j * n + i)])]
               == CellOp::None;
    };
    std::vector<char> live(static_cast<size_t>(n), 0), reaches(static_cast<size_t>(n), 0);
    live[0] = 1;
    for (int i = 1; i < n; ++i)
        for (int j = 0; j < i; ++j)
            live[static_cast<size_t>(i)] |= live[static_cast<size_t>(j)] && !isNone(j, i);
    reaches[static_cast<size_t>(n - 1)] = 1;
    for (int j = n - 2; j >= 0; --j)
        for (int i = j + 1; i < n; ++i)
            reaches[static_cast<size_t>(j)] |= reaches[static_cast<size_t>(i)] && !isNone(j, i);
    e = 0;
    for (auto [j, i] : plan.edges) {
        int d = plan.decisions[e++];
        if (d >= 0 && live[static_cast<size_t>(j)] && reaches[static_cast<size_t>(i)])
            result.relevant.push_back(d);
    }
    return result;
}

// One resolution: emits raw layers (Identity and Zero included), then prunes.
class Builder
{
public:
    Builder(const SearchSpace& space, const DecisionSet& decisions, const std::vector<int>& choices,
            const NetworkResolver::Plan& plan, size_t layerHint, bool full, bool labels)
        : space_(space), decisions_(decisions), choices_(choices), order_(plan.order),
          cellPlans_(plan.cells), full_(full), labels_(labels)
    {
        raw_.reserve(layerHint);
        rawDecisions_.reserve(layerHint);
    }

    Network build()
    {
        std::vector<int> outputs;
        int networkInput = -1;
        int networkOutput = -1;
        for (const auto& entry : order_) {
            const Block& block = *entry.block;
            const std::string& id = block.id;
            if (entry.missingPort >= 0)
                throw SpaceError("", id, "input port " + std::to_string(entry.missingPort)
                                             + " is not connected");
            std::vector<int> inputs;
            for (int source : entry.inputs)
                inputs.push_back(outputs[static_cast<size_t>(source)]);
            frames_.clear();
            pushFrame();
            int out = expandTop(block, inputs);
            if (block.kind == BlockKind::Input) {
                if (networkInput >= 0)
                    throw SpaceError("", id, "a space has exactly one input block");
                networkInput = out;
            }
            if (block.kind == BlockKind::Output) {
                if (networkOutput >= 0)
                    throw SpaceError("", id, "a space has exactly one output block");
                networkOutput = out;
            }
            outputs.push_back(out);
        }
        if (networkInput < 0)
            throw SpaceError("", "", "the space has no input block");
        if (networkOutput < 0)
            throw SpaceError("", "", "the space has no output block");
        if (!full_) {
            // Canonicalising needs only the active decisions.
            Network decisionsOnly;
            decisionsOnly.activeDecisions = activeDecisions(networkOutput);
            return decisionsOnly;
        }
        return prune(networkOutput);
    }

private:
    // ---- decisions and parameters ----

    int choose(const std::string& key, bool record = true)
    {
        int d = decisions_.find(key);
        if (d < 0)
            return 0; // single-option decisions are not listed
        if (record)
            recordDecision(d);
        int c = choices_[static_cast<size_t>(d)];
        return c < 0 ? decisions_[d].defaultOption : c;
    }

    Value param(const Block& block, const std::string& prefix, const std::string& name)
    {
        const Parameter& p = block.param(name);
        switch (p.mode) {
        case Parameter::Mode::Fixed:
            return p.value;
        case Parameter::Mode::Choice:
            return p.options[static_cast<size_t>(choose(DecisionSet::paramKey(prefix, name)))];
        case Parameter::Mode::Shared:
            return space_.sharedChoices().at(p.sharedName)[static_cast<size_t>(
                choose(DecisionSet::sharedKey(p.sharedName)))];
        }
        return p.value;
    }
    int64_t intParam(const Block& b, const std::string& prefix, const std::string& name)
    {
        return param(b, prefix, name).toInt();
    }

    // ---- emitting layers ----

    // Layer labels cost allocations that canonicalisation does not need.
    std::string L(const std::string& base, const char* suffix) const
    {
        return labels_ ? base + suffix : std::string();
    }

    // Layers emitted under the same decision frames share one snapshot of
    // them, which keeps resolving cheap (it runs for every canonical form).
    void pushFrame()
    {
        frames_.emplace_back().reserve(8);
        ++framesVersion_;
    }
    void popFrame()
    {
        frames_.pop_back();
        ++framesVersion_;
    }
    void recordDecision(int d)
    {
        frames_.back().push_back(d);
        ++framesVersion_;
    }

    int emit(Layer layer)
    {
        if (snapshotVersion_ != framesVersion_) {
            std::vector<int> snapshot;
            for (const auto& frame : frames_)
                snapshot.insert(snapshot.end(), frame.begin(), frame.end());
            snapshots_.push_back(std::move(snapshot));
            snapshotVersion_ = framesVersion_;
        }
        rawDecisions_.push_back(static_cast<int>(snapshots_.size()) - 1);
        if (labels_)
            layer.blockId = topId_;
        raw_.push_back(std::move(layer));
        return static_cast<int>(raw_.size()) - 1;
    }
    const Shape& shapeOf(int layer) const { return raw_[static_cast<size_t>(layer)].shape; }

    int unary(LayerOp op, int input, const std::string& label)
    {
        Layer l;
        l.op = op;
        l.inputs = {input};
        l.shape = shapeOf(input);
        l.label = label;
        return emit(std::move(l));
    }

    // Activations and batch norms keep shapes and change neither which paths
    // are live nor which decisions matter: the decisions-only pass skips them.
    int activation(int input, Activation a, const std::string& label)
    {
        if (a == Activation::None || !full_)
            return input;
        Layer l;
        l.op = LayerOp::Activation;
        l.inputs = {input};
        l.shape = shapeOf(input);
        l.activation = a;
        l.label = label;
        return emit(std::move(l));
    }

    int batchNorm(int input, const std::string& label)
    {
        if (!full_)
            return input;
        return unary(LayerOp::BatchNorm, input, label);
    }

    // A layer sliding a kernel over the input (conv or pool), its output
    // size checked: padding (k-1)/2, channels as the input's.
    Layer windowed(LayerOp op, int input, int kernel, int stride, const char* what) const
    {
        const Shape& in = shapeOf(input);
        Shape s{in.channels, convOut(in.height, kernel, stride), convOut(in.width, kernel, stride),
                false};
        if (s.height < 1 || s.width < 1)
            fail("the feature map (" + in.toString() + ") is too small for " + what + " "
                 + std::to_string(kernel) + " with stride " + std::to_string(stride));
        Layer l;
        l.op = op;
        l.inputs = {input};
        l.shape = s;
        l.kernel = kernel;
        l.stride = stride;
        l.padding = (kernel - 1) / 2;
        return l;
    }

    int conv(int input, int64_t out, int kernel, int stride, int64_t groups, bool bias,
             const std::string& label)
    {
        Layer l = windowed(LayerOp::Conv, input, kernel, stride, "kernel");
        l.shape.channels = out;
        l.inChannels = shapeOf(input).channels;
        l.outChannels = out;
        l.groups = groups;
        l.bias = bias;
        l.label = label;
        return emit(std::move(l));
    }

    int pool(int input, bool isMax, int kernel, int stride, const std::string& label)
    {
        Layer l = windowed(LayerOp::Pool, input, kernel, stride, "pooling");
        l.maxPool = isMax;
        l.label = label;
        return emit(std::move(l));
    }

    int add(const std::vector<int>& inputs, const std::string& label)
    {
        for (size_t i = 1; i < inputs.size(); ++i)
            if (shapeOf(inputs[i]) != shapeOf(inputs[0]))
                fail("adds inputs of different shapes: " + shapeOf(inputs[0]).toString()
                     + " and " + shapeOf(inputs[i]).toString());
        Layer l;
        l.op = LayerOp::Add;
        l.inputs = inputs;
        l.shape = shapeOf(inputs[0]);
        l.label = label;
        return emit(std::move(l));
    }

    [[noreturn]] void fail(const std::string& problem) const
    {
        throw SpaceError("", topId_, problem);
    }

    void requireMap(int input, const Block& block) const
    {
        if (shapeOf(input).isVector)
            fail("a " + block.info().name
                 + " block needs a feature map, but its input is a vector (after global pooling)");
    }

    // ---- blocks ----

    int expandTop(const Block& block, const std::vector<int>& inputs)
    {
        topId_ = block.id;
        switch (block.kind) {
        case BlockKind::Input: {
            Layer l;
            l.op = LayerOp::Input;
            l.shape = Shape{block.param("channels").value.toInt(),
                            block.param("height").value.toInt(),
                            block.param("width").value.toInt(), false};
            l.label = block.id;
            return emit(std::move(l));
        }
        case BlockKind::Output: {
            Layer l;
            l.op = LayerOp::Output;
            l.inputs = inputs;
            l.shape = shapeOf(inputs[0]);
            l.label = block.id;
            return emit(std::move(l));
        }
        case BlockKind::Add:
            return add(inputs, block.id);
        case BlockKind::Concat:
            return concat(inputs, block.id);
        default:
            return expand(block, block.id, inputs[0]);
        }
    }

    int concat(const std::vector<int>& inputs, const std::string& label)
    {
        Shape s = shapeOf(inputs[0]);
        s.channels = 0;
        for (int in : inputs) {
            const Shape& si = shapeOf(in);
            if (si.isVector || si.height != s.height || si.width != s.width)
                fail("concatenates inputs of different spatial sizes: "
                     + shapeOf(inputs[0]).toString() + " and " + si.toString());
            s.channels += si.channels;
        }
        // Each input has at most kMaxChannels and there are at most 64, so
        // the sum cannot overflow; stacked concats could, without this.
        if (s.channels > kMaxChannels)
            fail("concatenates " + std::to_string(s.channels) + " channels, more than "
                 + std::to_string(kMaxChannels));
        Layer l;
        l.op = LayerOp::Concat;
        l.inputs = inputs;
        l.shape = s;
        l.label = label;
        return emit(std::move(l));
    }

    int expand(const Block& block, const std::string& prefix, int x)
    {
        if (block.info().input == PortType::Map)
            requireMap(x, block);
        switch (block.kind) {
        case BlockKind::Stem:
        case BlockKind::Conv:
            return convBlock(block, prefix, x);
        case BlockKind::SepConv:
            return sepConvBlock(block, prefix, x);
        case BlockKind::MBConv:
            return mbConvBlock(block, prefix, x);
        case BlockKind::Pool: {
            bool isMax = param(block, prefix, "type").toText() == "max";
            int k = static_cast<int>(intParam(block, prefix, "kernel"));
            int s = static_cast<int>(intParam(block, prefix, "stride"));
            return pool(x, isMax, k, s, prefix);
        }
        case BlockKind::Identity:
            return unary(LayerOp::Identity, x, prefix);
        case BlockKind::Zero:
            return unary(LayerOp::Zero, x, prefix);
        case BlockKind::Choice: {
            if (block.alternatives.empty())
                fail("the choice has no alternatives");
            int a = block.alternatives.size() > 1 ? choose(prefix) : 0;
            const Block& alt = block.alternatives[static_cast<size_t>(a)];
            pushFrame();
            int out = expand(alt, prefix + "/" + alt.id, x);
            popFrame();
            return out;
        }
        case BlockKind::Repeat:
            return repeatBlock(block, prefix, x);
        case BlockKind::Cell:
            return cellBlock(block, x);
        case BlockKind::GlobalPool: {
            Layer l;
            l.op = LayerOp::GlobalPool;
            l.inputs = {x};
            l.shape = Shape{shapeOf(x).channels, 1, 1, true};
            l.maxPool = param(block, prefix, "type").toText() == "max";
            l.label = prefix;
            return emit(std::move(l));
        }
        case BlockKind::Linear: {
            if (!shapeOf(x).isVector)
                fail("a linear block needs a vector; put a global pool or head before it");
            int out = linear(x, intParam(block, prefix, "width"), prefix);
            return activation(out, activationFromName(param(block, prefix, "activation").toText()),
                              L(prefix, "/act"));
        }
        case BlockKind::Head:
            return headBlock(block, prefix, x);
        case BlockKind::Extension:
            return extensionBlock(block, prefix, x);
        default:
            fail("a " + block.info().name + " block cannot be used here");
        }
    }

    int linear(int x, int64_t out, const std::string& label)
    {
        Layer l;
        l.op = LayerOp::Linear;
        l.inputs = {x};
        l.inChannels = shapeOf(x).channels;
        l.outChannels = out;
        l.bias = true;
        l.shape = Shape{out, 1, 1, true};
        l.label = label;
        return emit(std::move(l));
    }

    int convBlock(const Block& block, const std::string& prefix, int x)
    {
        int64_t width = intParam(block, prefix, "width");
        int k = static_cast<int>(intParam(block, prefix, "kernel"));
        int s = static_cast<int>(intParam(block, prefix, "stride"));
        Activation act = activationFromName(param(block, prefix, "activation").toText());
        bool bn = param(block, prefix, "bn").toBool();
        bool bias = param(block, prefix, "bias").toBool();
        bool pre = block.kind == BlockKind::Conv && param(block, prefix, "order").toText() == "pre";
        if (pre)
            x = activation(x, act, L(prefix, "/act"));
        x = conv(x, width, k, s, 1, bias, L(prefix, "/conv"));
        if (bn)
            x = batchNorm(x, L(prefix, "/bn"));
        if (!pre)
            x = activation(x, act, L(prefix, "/act"));
        return x;
    }

    int sepConvBlock(const Block& block, const std::string& prefix, int x)
    {
        int64_t width = intParam(block, prefix, "width");
        int k = static_cast<int>(intParam(block, prefix, "kernel"));
        int s = static_cast<int>(intParam(block, prefix, "stride"));
        Activation act = activationFromName(param(block, prefix, "activation").toText());
        int64_t c = shapeOf(x).channels;
        x = conv(x, c, k, s, c, false, L(prefix, "/dw"));
        x = activation(batchNorm(x, L(prefix, "/dw-bn")), act, L(prefix, "/dw-act"));
        x = conv(x, width, 1, 1, 1, false, L(prefix, "/pw"));
        return activation(batchNorm(x, L(prefix, "/pw-bn")), act, L(prefix, "/pw-act"));
    }

    int mbConvBlock(const Block& block, const std::string& prefix, int input)
    {
        int64_t width = intParam(block, prefix, "width");
        int k = static_cast<int>(intParam(block, prefix, "kernel"));
        int s = static_cast<int>(intParam(block, prefix, "stride"));
        int64_t e = intParam(block, prefix, "expansion");
        double se = param(block, prefix, "se").toReal();
        Activation act = activationFromName(param(block, prefix, "activation").toText());
        int64_t in = shapeOf(input).channels;
        int64_t hidden = in * e;
        int x = input;
        if (e != 1) {
            x = conv(x, hidden, 1, 1, 1, false, L(prefix, "/expand"));
            x = activation(batchNorm(x, L(prefix, "/expand-bn")), act, L(prefix, "/expand-act"));
        }
        x = conv(x, hidden, k, s, hidden, false, L(prefix, "/dw"));
        x = activation(batchNorm(x, L(prefix, "/dw-bn")), act, L(prefix, "/dw-act"));
        if (se > 0.0)
            x = squeezeExcite(x, std::max<int64_t>(1, static_cast<int64_t>(in * se)), prefix);
        x = conv(x, width, 1, 1, 1, false, L(prefix, "/project"));
        x = batchNorm(x, L(prefix, "/project-bn"));
        if (s == 1 && in == width)
            x = add({input, x}, L(prefix, "/residual"));
        return x;
    }

    int squeezeExcite(int x, int64_t squeeze, const std::string& prefix)
    {
        int64_t c = shapeOf(x).channels;
        Layer g;
        g.op = LayerOp::GlobalPool;
        g.inputs = {x};
        g.shape = Shape{c, 1, 1, false}; // kept as C×1×1 for the 1×1 convs
        g.label = L(prefix, "/se-pool");
        int s = emit(std::move(g));
        s = conv(s, squeeze, 1, 1, 1, true, L(prefix, "/se-reduce"));
        s = activation(s, Activation::ReLU, L(prefix, "/se-act"));
        s = conv(s, c, 1, 1, 1, true, L(prefix, "/se-expand"));
        s = activation(s, Activation::Sigmoid, L(prefix, "/se-gate"));
        Layer m;
        m.op = LayerOp::Mul;
        m.inputs = {x, s};
        m.shape = shapeOf(x);
        m.label = L(prefix, "/se-scale");
        return emit(std::move(m));
    }

    int repeatBlock(const Block& block, const std::string& prefix, int x)
    {
        if (block.body.empty())
            fail("a repeat block needs a body block");
        int64_t depth = intParam(block, prefix, "depth");
        for (int64_t r = 0; r < depth; ++r) {
            Block layer = block.body.front();
            if (r > 0 && layer.info().param("stride"))
                layer.params["stride"] = Parameter::fixed(Value::integer(1));
            pushFrame();
            x = expand(layer, prefix + "#" + std::to_string(r), x);
            popFrame();
        }
        return x;
    }

    // The cell is built as written (every operation but "none", also those
    // whose result is unused: NAS-Bench-201 counts their parameters). Which
    // edge decisions matter is decided inside the cell, as NAS-Bench-201
    // canonicalises: edge j→i matters when node j can be non-zero and node i
    // can reach the cell output. Those decisions ride on the cell's entry
    // layer, so they count whenever the cell itself is live and used.
    int cellBlock(const Block& block, int input)
    {
        auto found = cellPlans_.find(block.param("cell").value.toText());
        if (found == cellPlans_.end())
            fail("cell definition '" + block.param("cell").value.toText() + "' does not exist");
        const NetworkResolver::CellPlan& plan = found->second;
        const CellDefinition& cell = *plan.cell;
        const std::string& prefix = block.id;
        const int n = cell.nodes;
        const CellChoices chosen = analyseCell(plan, decisions_, choices_);
        auto opAt = [&](int j, int i) { return chosen.op[static_cast<size_t>(j * n + i)]; };

        pushFrame();
        for (int d : chosen.relevant)
            recordDecision(d);
        int entry = unary(LayerOp::Identity, input, L(prefix, "/entry"));
        popFrame();

        std::vector<int> nodes{entry};
        nodes.reserve(static_cast<size_t>(n));
        for (int i = 1; i < n; ++i) {
            std::vector<int> terms;
            terms.reserve(static_cast<size_t>(i));
            for (int j = 0; j < i; ++j) {
                const std::string& opName =
                    cell.ops[static_cast<size_t>(opAt(j, i))];
                std::string label = labels_ ? prefix + "/" + std::to_string(i) + "<-"
                                                  + std::to_string(j) + " " + opName
                                            : std::string();
                int t = cellOp(plan.ops[static_cast<size_t>(opAt(j, i))],
                               nodes[static_cast<size_t>(j)], label);
                raw_[static_cast<size_t>(t)].cellInternal = true;
                terms.push_back(t);
            }
            nodes.push_back(terms.size() == 1 ? terms[0]
                                              : add(terms, labels_ ? prefix + "/node" + std::to_string(i) : std::string()));
        }
        return nodes.back();
    }

    int cellOp(CellOp op, int x, const std::string& label)
    {
        int64_t c = shapeOf(x).channels;
        switch (op) {
        case CellOp::None:
            return unary(LayerOp::Zero, x, label);
        case CellOp::Skip:
            return unary(LayerOp::Identity, x, label);
        case CellOp::Conv1x1:
        case CellOp::Conv3x3: {
            int k = op == CellOp::Conv1x1 ? 1 : 3;
            x = activation(x, Activation::ReLU, L(label, "/relu"));
            x = conv(x, c, k, 1, 1, false, L(label, "/conv"));
            return batchNorm(x, L(label, "/bn"));
        }
        case CellOp::AvgPool3x3:
        case CellOp::MaxPool3x3:
            return pool(x, op == CellOp::MaxPool3x3, 3, 1, label);
        }
        return x;
    }

    int headBlock(const Block& block, const std::string& prefix, int x)
    {
        if (param(block, prefix, "preact").toBool())
            x = activation(batchNorm(x, L(prefix, "/bn")), Activation::ReLU, L(prefix, "/relu"));
        Layer g;
        g.op = LayerOp::GlobalPool;
        g.inputs = {x};
        g.shape = Shape{shapeOf(x).channels, 1, 1, true};
        g.label = L(prefix, "/pool");
        x = emit(std::move(g));
        double dropout = param(block, prefix, "dropout").toReal();
        if (dropout > 0.0) {
            Layer d;
            d.op = LayerOp::Dropout;
            d.inputs = {x};
            d.shape = shapeOf(x);
            d.dropout = dropout;
            d.label = L(prefix, "/dropout");
            x = emit(std::move(d));
        }
        return linear(x, intParam(block, prefix, "classes"), L(prefix, "/classifier"));
    }

    // A plugin's kind builds its block through BlockLayers, which checks
    // every layer index it is given: the block sees only its input and the
    // layers it made, so a wrong plugin cannot corrupt the network.
    class ExtensionLayers : public BlockLayers
    {
    public:
        ExtensionLayers(Builder& builder, const Block& block, const std::string& prefix, int input)
            : b_(builder), block_(block), prefix_(prefix), input_(input),
              first_(static_cast<int>(builder.raw_.size()))
        {
        }

        Value param(const std::string& name) override
        {
            if (!block_.info().param(name))
                fail("its plugin asked for the parameter '" + name
                     + "', which the kind does not declare");
            return b_.param(block_, prefix_, name);
        }
        Shape shape(int layer) const override { return b_.shapeOf(checked(layer)); }

        int conv(int input, int64_t outChannels, int kernel, int stride, int64_t groups, bool bias,
                 const std::string& label) override
        {
            const int64_t in = mapShape(input, "a convolution").channels;
            if (outChannels < 1 || outChannels > 65536 || kernel < 1 || kernel > 31 || stride < 1
                || stride > 16)
                fail("its plugin asked for a convolution of " + std::to_string(outChannels)
                     + " channels, kernel " + std::to_string(kernel) + ", stride "
                     + std::to_string(stride) + " (allowed: 1-65536, 1-31, 1-16)");
            if (groups < 1 || in % groups != 0 || outChannels % groups != 0)
                fail("its plugin asked for a convolution in " + std::to_string(groups)
                     + " groups, which do not divide " + std::to_string(in) + " input and "
                     + std::to_string(outChannels) + " output channels");
            return b_.conv(input, outChannels, kernel, stride, groups, bias, name(label));
        }
        int batchNorm(int input, const std::string& label) override
        {
            return b_.batchNorm(checked(input), name(label));
        }
        int activation(int input, Activation a, const std::string& label) override
        {
            return b_.activation(checked(input), a, name(label));
        }
        int pool(int input, bool isMax, int kernel, int stride, const std::string& label) override
        {
            mapShape(input, "pooling");
            if (kernel < 1 || kernel > 31 || stride < 1 || stride > 16)
                fail("its plugin asked for pooling with kernel " + std::to_string(kernel)
                     + " and stride " + std::to_string(stride) + " (allowed: 1-31, 1-16)");
            return b_.pool(input, isMax, kernel, stride, name(label));
        }
        int globalPool(int input, bool isMax, bool keepMap, const std::string& label) override
        {
            Layer l;
            l.op = LayerOp::GlobalPool;
            l.inputs = {input};
            l.shape = Shape{mapShape(input, "global pooling").channels, 1, 1, !keepMap};
            l.maxPool = isMax;
            l.label = name(label);
            return b_.emit(std::move(l));
        }
        int linear(int input, int64_t outFeatures, const std::string& label) override
        {
            if (!b_.shapeOf(checked(input)).isVector)
                fail("its plugin applies a linear layer to a feature map; pool it globally first");
            if (outFeatures < 1 || outFeatures > (1 << 20))
                fail("its plugin asked for a linear layer of " + std::to_string(outFeatures)
                     + " features");
            return b_.linear(input, outFeatures, name(label));
        }
        int dropout(int input, double probability, const std::string& label) override
        {
            if (!(probability >= 0.0 && probability < 1.0))
                fail("its plugin asked for a dropout probability outside [0, 1)");
            Layer l;
            l.op = LayerOp::Dropout;
            l.inputs = {checked(input)};
            l.shape = b_.shapeOf(input);
            l.dropout = probability;
            l.label = name(label);
            return b_.emit(std::move(l));
        }
        int add(const std::vector<int>& inputs, const std::string& label) override
        {
            return b_.add(checkedAll(inputs, 2), name(label));
        }
        int concat(const std::vector<int>& inputs, const std::string& label) override
        {
            return b_.concat(checkedAll(inputs, 2), name(label));
        }
        int multiply(int map, int gate, const std::string& label) override
        {
            const Shape& m = mapShape(map, "a multiplication");
            const Shape& g = b_.shapeOf(checked(gate));
            if (g.isVector || g.height != 1 || g.width != 1 || g.channels != m.channels)
                fail("its plugin multiplies a " + m.toString() + " map by a " + g.toString()
                     + " gate; the gate must be " + std::to_string(m.channels) + "×1×1");
            Layer l;
            l.op = LayerOp::Mul;
            l.inputs = {map, gate};
            l.shape = m;
            l.label = name(label);
            return b_.emit(std::move(l));
        }
        [[noreturn]] void fail(const std::string& problem) override
        {
            b_.fail("a " + block_.info().name + " block: " + problem);
        }

        int output(int layer)
        {
            checked(layer);
            const PortType port = block_.info().output;
            const bool isVector = b_.shapeOf(layer).isVector;
            if ((port == PortType::Map && isVector) || (port == PortType::Vector && !isVector))
                fail(std::string("its plugin built a ") + (isVector ? "vector" : "feature map")
                     + " but the kind's output port takes a "
                     + (isVector ? "feature map" : "vector"));
            return layer;
        }

    private:
        int checked(int layer)
        {
            if (layer != input_ && (layer < first_ || layer >= static_cast<int>(b_.raw_.size())))
                fail("its plugin used layer " + std::to_string(layer)
                     + ", which is neither the block's input nor a layer it made");
            return layer;
        }
        int checked(int layer) const { return const_cast<ExtensionLayers*>(this)->checked(layer); }
        std::vector<int> checkedAll(const std::vector<int>& layers, size_t atLeast)
        {
            if (layers.size() < atLeast)
                fail("its plugin joins fewer than " + std::to_string(atLeast) + " layers");
            for (int layer : layers)
                checked(layer);
            return layers;
        }
        const Shape& mapShape(int layer, const char* what)
        {
            const Shape& s = b_.shapeOf(checked(layer));
            if (s.isVector)
                fail(std::string("its plugin applies ") + what + " to a vector");
            return s;
        }
        // Unique within the block, so exported tensors get distinct names.
        std::string name(const std::string& label)
        {
            if (!b_.labels_)
                return std::string();
            std::string base = label.empty() ? "layer" : label;
            int& seen = seen_[base];
            ++seen;
            return prefix_ + "/" + base + (seen > 1 ? "#" + std::to_string(seen) : "");
        }

        Builder& b_;
        const Block& block_;
        const std::string& prefix_;
        const int input_;
        const int first_;
        std::map<std::string, int> seen_;
    };

    int extensionBlock(const Block& block, const std::string& prefix, int x)
    {
        const BlockKindInfo& info = block.info();
        if (!info.extension)
            fail("a block of a plugin's kind has no implementation");
        if (info.input == PortType::Vector && !shapeOf(x).isVector)
            fail("a " + info.name + " block needs a vector; put a global pool or head before it");
        ExtensionLayers layers(*this, block, prefix, x);
        try {
            return layers.output(info.extension->expand(layers, x));
        } catch (const SpaceError&) {
            throw;
        } catch (const std::exception& e) {
            fail("a " + info.name + " block: its plugin failed: " + e.what());
        } catch (...) {
            fail("a " + info.name + " block: its plugin threw an exception");
        }
    }

    // ---- pruning ----

    // Raw layers whose result can reach the output: a Zero layer cuts the
    // path, except inside a cell, whose edges are judged by the cell.
    std::vector<char> reachesOutput(int output) const
    {
        std::vector<char> reach(raw_.size(), 0);
        reach[static_cast<size_t>(output)] = 1;
        for (size_t i = raw_.size(); i-- > 0;) {
            if (!reach[i] || (raw_[i].op == LayerOp::Zero && !raw_[i].cellInternal))
                continue;
            for (int in : raw_[i].inputs)
                reach[static_cast<size_t>(in)] = 1;
        }
        return reach;
    }

    // The active decisions: those on a layer whose input can be non-zero
    // and whose output can reach the network output. A Zero layer blocks
    // that reach, except inside a cell, whose edges are judged by the cell.
    std::vector<int> activeDecisions(int output) const
    {
        const size_t n = raw_.size();
        std::vector<char> live(n, 0);
        auto allLive = [&](const Layer& l) {
            return std::all_of(l.inputs.begin(), l.inputs.end(),
                               [&](int in) { return live[static_cast<size_t>(in)] != 0; });
        };
        for (size_t i = 0; i < n; ++i) {
            const Layer& l = raw_[i];
            if (l.op == LayerOp::Input)
                live[i] = 1;
            else if (l.op == LayerOp::Zero)
                live[i] = 0;
            else if (l.op == LayerOp::Add || l.op == LayerOp::Concat)
                live[i] = std::any_of(l.inputs.begin(), l.inputs.end(),
                                      [&](int in) { return live[static_cast<size_t>(in)] != 0; });
            else
                live[i] = allLive(l);
        }
        const std::vector<char> reach = reachesOutput(output);
        std::vector<char> active(static_cast<size_t>(decisions_.size()), 0);
        for (size_t i = 0; i < n; ++i) {
            const Layer& l = raw_[i];
            bool decides = l.op == LayerOp::Zero ? allLive(l) : live[i] != 0;
            if (decides && reach[i]) {
                for (int d : snapshots_[static_cast<size_t>(rawDecisions_[i])])
                    active[static_cast<size_t>(d)] = 1;
            }
        }
        std::vector<int> result;
        result.reserve(active.size());
        for (size_t d = 0; d < active.size(); ++d)
            if (active[d])
                result.push_back(static_cast<int>(d));
        return result;
    }

    // The network as written, less what computes nothing: Identity layers
    // are bypassed, Zero terms leave their sums, a zero value feeding
    // anything else becomes a constant Zero layer, and layers cut off from
    // the output by a Zero block go. Inside a cell even an operation whose
    // result goes nowhere stays, as NAS-Bench-201 counts it.
    Network prune(int output)
    {
        Network net;
        net.activeDecisions = activeDecisions(output);
        const size_t n = raw_.size();
        net.layers.reserve(n);
        const std::vector<char> reach = reachesOutput(output);
        std::vector<int> remap(n, -1);
        std::vector<char> zero(n, 0);
        auto zeroLayer = [&](size_t like) {
            Layer z;
            z.op = LayerOp::Zero;
            z.shape = raw_[like].shape;
            z.blockId = raw_[like].blockId;
            z.label = raw_[like].label;
            net.layers.push_back(std::move(z));
            return static_cast<int>(net.layers.size()) - 1;
        };
        for (size_t i = 0; i < n; ++i) {
            const Layer& l = raw_[i];
            if (l.op == LayerOp::Zero) {
                zero[i] = 1;
                continue;
            }
            if (!reach[i])
                continue;
            if (l.op == LayerOp::Identity) {
                zero[i] = zero[static_cast<size_t>(l.inputs[0])];
                remap[i] = remap[static_cast<size_t>(l.inputs[0])];
                continue;
            }
            std::vector<int> ins;
            ins.reserve(l.inputs.size());
            for (int in : l.inputs) {
                auto src = static_cast<size_t>(in);
                if (!zero[src])
                    ins.push_back(remap[src]);
                else if (l.op != LayerOp::Add)
                    ins.push_back(remap[src] >= 0 ? remap[src] : (remap[src] = zeroLayer(src)));
            }
            if (l.op == LayerOp::Add && ins.size() <= 1) {
                zero[i] = ins.empty();
                remap[i] = ins.empty() ? -1 : ins[0];
                continue;
            }
            Layer copy = l;
            copy.inputs = std::move(ins);
            remap[i] = static_cast<int>(net.layers.size());
            if (i == static_cast<size_t>(output))
                net.output = remap[i];
            net.layers.push_back(std::move(copy));
        }
        return net;
    }

    const SearchSpace& space_;
    const DecisionSet& decisions_;
    const std::vector<int>& choices_;
    const std::vector<NetworkResolver::BlockInputs>& order_;
    const std::map<std::string, NetworkResolver::CellPlan>& cellPlans_;
    const bool full_;   // every layer (not only what decides liveness)
    const bool labels_; // layer names
    std::vector<Layer> raw_;
    std::vector<std::vector<int>> frames_;
    uint64_t framesVersion_ = 0;
    uint64_t snapshotVersion_ = ~uint64_t(0);
    std::vector<std::vector<int>> snapshots_;
    std::vector<int> rawDecisions_; // per raw layer: its snapshot
    std::string topId_;
};

} // namespace

NetworkResolver::NetworkResolver(const SearchSpace& space, const DecisionSet& decisions)
    : space_(space), decisions_(decisions)
{
    try {
        std::map<std::string, int> position;
        for (const auto& id : topologicalOrder(space)) {
            BlockInputs entry;
            entry.block = space.block(id);
            for (int port = 0; port < entry.block->inputCount(); ++port) {
                const Edge* e = space.edgeInto(id, port);
                if (!e || !position.count(e->from)) {
                    entry.missingPort = port;
                    break;
                }
                entry.inputs.push_back(position[e->from]);
            }
            position[id] = static_cast<int>(plan_.order.size());
            plan_.order.push_back(std::move(entry));
        }
    } catch (const SpaceError& e) {
        planError_ = std::make_unique<SpaceError>(e);
    }
    for (const auto& [name, cell] : space.cells()) {
        CellPlan plan;
        plan.cell = &cell;
        plan.edges = cell.edges();
        for (auto [from, to] : plan.edges)
            plan.decisions.push_back(decisions.find(DecisionSet::cellEdgeKey(name, from, to)));
        for (const auto& op : cell.ops)
            plan.ops.push_back(cellOpFromName(op).value_or(CellOp::None));
        plan_.cells[name] = std::move(plan);
    }
    cellsOnly_ = true;
    for (const auto& block : space.blocks()) {
        cellsOnly_ = cellsOnly_ && !hasZero(block) && block.kind != BlockKind::Choice
                     && block.kind != BlockKind::Repeat;
        if (block.kind == BlockKind::Cell) {
            auto it = plan_.cells.find(block.param("cell").value.toText());
            if (it != plan_.cells.end())
                it->second.used = true;
        }
    }
    for (const auto& d : decisions.decisions())
        cellsOnly_ = cellsOnly_ && d.kind == Decision::Kind::CellEdge;
}

NetworkResolver::~NetworkResolver() = default;

bool NetworkResolver::hasZero(const Block& block)
{
    if (block.kind == BlockKind::Zero)
        return true;
    for (const auto& alt : block.alternatives)
        if (hasZero(alt))
            return true;
    for (const auto& body : block.body)
        if (hasZero(body))
            return true;
    return false;
}

Network NetworkResolver::resolve(const std::vector<int>& choices, bool withLabels) const
{
    return run(choices, withLabels ? Detail::Labelled : Detail::Layers);
}

std::vector<int> NetworkResolver::activeDecisions(const std::vector<int>& choices) const
{
    if (!cellsOnly_)
        return run(choices, Detail::DecisionsOnly).activeDecisions;
    if (planError_)
        throw *planError_;
    // Every open decision is a cell edge and nothing outside the cells can
    // be zero: the first instance of each cell sees a live input and its
    // output reaches the network's, so the cells' own rule is the answer.
    std::vector<int> active;
    for (const auto& [name, plan] : plan_.cells) {
        (void)name;
        if (!plan.used)
            continue;
        std::vector<int> relevant = analyseCell(plan, decisions_, choices).relevant;
        active.insert(active.end(), relevant.begin(), relevant.end());
    }
    std::sort(active.begin(), active.end());
    active.erase(std::unique(active.begin(), active.end()), active.end());
    return active;
}

Network NetworkResolver::run(const std::vector<int>& choices, Detail detail) const
{
    if (planError_)
        throw *planError_;
    if (choices.size() != static_cast<size_t>(decisions_.size()))
        throw SpaceError("", "", "an architecture of " + std::to_string(choices.size())
                                     + " decisions does not fit a space of "
                                     + std::to_string(decisions_.size()));
    const bool full = detail != Detail::DecisionsOnly;
    Network net = Builder(space_, decisions_, choices, plan_, layerHint_, full,
                          detail == Detail::Labelled)
                      .build();
    // Networks of one space are alike in size: reserve that much next time.
    if (full && net.layers.size() * 2 > layerHint_)
        layerHint_ = net.layers.size() * 2;
    return net;
}

std::vector<std::string> NetworkResolver::topologicalOrder(const SearchSpace& space)
{
    std::map<std::string, int> pending;
    std::map<std::string, std::vector<std::string>> consumers;
    for (const auto& b : space.blocks())
        pending[b.id] = 0;
    for (const auto& e : space.edges()) {
        if (!pending.count(e.from) || !pending.count(e.to))
            continue;
        ++pending[e.to];
        consumers[e.from].push_back(e.to);
    }
    std::vector<std::string> order;
    for (const auto& b : space.blocks())
        if (pending[b.id] == 0)
            order.push_back(b.id);
    for (size_t i = 0; i < order.size(); ++i)
        for (const auto& c : consumers[order[i]])
            if (--pending[c] == 0)
                order.push_back(c);
    if (order.size() != space.blocks().size()) {
        // Every block still pending has a pending input; walking back along
        // those must come round to a block on a cycle.
        std::map<std::string, std::string> pendingInput;
        for (const auto& e : space.edges())
            if (pending.count(e.from) && pending[e.from] > 0 && pending[e.to] > 0)
                pendingInput[e.to] = e.from;
        std::string at;
        for (const auto& b : space.blocks())
            if (pending[b.id] > 0) {
                at = b.id;
                break;
            }
        std::set<std::string> visited;
        while (visited.insert(at).second && pendingInput.count(at))
            at = pendingInput[at];
        throw SpaceError("", at, "the block is part of a cycle");
    }
    return order;
}

} // namespace archscape
