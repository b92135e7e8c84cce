#include "LatencyTable.h"

#include "LatencyMeter.h"
#include "LiveLayers.h"
#include "NetworkModule.h"

#include "storage/StudyStorage.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace archscape {

namespace {

constexpr int kFormatVersion = 1;

bool timed(LayerOp op)
{
    return op != LayerOp::Input && op != LayerOp::Output;
}

Layer outputOf(int from, const Shape& shape)
{
    Layer out;
    out.op = LayerOp::Output;
    out.inputs = {from};
    out.shape = shape;
    return out;
}

Layer zerosOf(const Shape& shape)
{
    Layer zero;
    zero.op = LayerOp::Zero;
    zero.shape = shape;
    return zero;
}

// A network of one operation: an input of its first input's shape, the
// operation, the output. Further inputs of the same shape read the input
// again; others (a squeeze-excite gate, a concatenation of unequal parts)
// are zeros made in the network, a small cost the operation then carries.
Network isolated(const Network& net, size_t layer)
{
    const Layer& original = net.layers[layer];
    const Shape first = original.inputs.empty()
                            ? original.shape
                            : net.layers[static_cast<size_t>(original.inputs.front())].shape;
    Network single;
    Layer input;
    input.op = LayerOp::Input;
    input.shape = first;
    input.shape.isVector = false;
    single.layers.push_back(input);
    // A network's input is a feature map: a vector comes from C×1×1 by a
    // global pooling, which costs next to nothing.
    if (first.isVector) {
        Layer flatten;
        flatten.op = LayerOp::GlobalPool;
        flatten.inputs = {0};
        flatten.shape = first;
        single.layers.push_back(flatten);
    }
    const int source = static_cast<int>(single.layers.size() - 1);
    Layer op = original;
    op.inputs.clear();
    for (int from : original.inputs) {
        const Shape& shape = net.layers[static_cast<size_t>(from)].shape;
        if (shape == first) {
            op.inputs.push_back(source);
        } else {
            single.layers.push_back(zerosOf(shape));
            op.inputs.push_back(static_cast<int>(single.layers.size() - 1));
        }
    }
    single.layers.push_back(op);
    single.layers.push_back(outputOf(static_cast<int>(single.layers.size() - 1), op.shape));
    single.output = static_cast<int>(single.layers.size() - 1);
    return single;
}

// Input straight to output: what one forward call costs with no work in it.
Network emptyNetwork(const Shape& shape)
{
    Network empty;
    Layer input;
    input.op = LayerOp::Input;
    input.shape = shape;
    empty.layers = {input, outputOf(0, shape)};
    empty.output = 1;
    return empty;
}

} // namespace

std::string LatencyTable::deviceLabel(c10::Device device)
{
    if (device.is_cpu())
        return "cpu/" + std::to_string(torch::get_num_threads()) + "t";
    return device.str();
}

std::string LatencyTable::overheadKey(int64_t batch)
{
    return "(forward call) @b" + std::to_string(batch);
}

std::string LatencyTable::operationKey(const Network& net, size_t layer, int64_t batch)
{
    const Layer& l = net.layers.at(layer);
    std::string key = layerOpName(l.op);
    key += " ";
    for (size_t k = 0; k < l.inputs.size(); ++k)
        key += (k ? "+" : "") + net.layers[static_cast<size_t>(l.inputs[k])].shape.toString();
    key += " -> " + l.shape.toString();
    switch (l.op) {
    case LayerOp::Conv:
        key += " k" + std::to_string(l.kernel) + " s" + std::to_string(l.stride) + " p" +
               std::to_string(l.padding) + " g" + std::to_string(l.groups) + " bias" +
               std::to_string(int(l.bias));
        break;
    case LayerOp::Linear:
        key += std::string(" bias") + std::to_string(int(l.bias));
        break;
    case LayerOp::Pool:
        key += std::string(l.maxPool ? " max" : " avg") + " k" + std::to_string(l.kernel) + " s" +
               std::to_string(l.stride) + " p" + std::to_string(l.padding);
        break;
    case LayerOp::GlobalPool:
        key += l.maxPool ? " max" : " avg";
        break;
    case LayerOp::Activation:
        key += std::string(" ") + activationName(l.activation);
        break;
    default:
        break;
    }
    return key + " @b" + std::to_string(batch);
}

int LatencyTable::measureMissing(const Network& net, const LatencyMeter& meter)
{
    const int64_t batch = meter.settings().batch;
    const torch::Device device = meter.device();
    int measured = 0;
    auto measure = [&](const std::string& key, const Network& single) {
        NetworkModule module(single, device);
        entries_[key] = meter.measureMs(*module);
        ++measured;
    };
    if (!entries_.count(overheadKey(batch)))
        measure(overheadKey(batch), emptyNetwork(net.inputShape()));
    const std::vector<char> live = liveLayers(net);
    for (size_t i = 0; i < net.layers.size(); ++i) {
        if (!live[i] || !timed(net.layers[i].op))
            continue;
        const std::string key = operationKey(net, i, batch);
        if (!entries_.count(key))
            measure(key, isolated(net, i));
    }
    return measured;
}

double LatencyTable::estimateMs(const Network& net, int64_t batch) const
{
    auto lookup = [&](const std::string& key) {
        auto it = entries_.find(key);
        if (it == entries_.end())
            throw std::out_of_range("the latency table for " + device_ + " has no entry for '" +
                                    key + "'");
        return it->second;
    };
    const double overhead = lookup(overheadKey(batch));
    double total = overhead;
    const std::vector<char> live = liveLayers(net);
    for (size_t i = 0; i < net.layers.size(); ++i)
        if (live[i] && timed(net.layers[i].op))
            total += std::max(0.0, lookup(operationKey(net, i, batch)) - overhead);
    return total;
}

std::string LatencyTable::toJson() const
{
    nlohmann::json doc{{"format", "archscape-latency-table"},
                       {"version", kFormatVersion},
                       {"device", device_},
                       {"unit", "ms"},
                       {"operations", entries_}};
    return doc.dump(1);
}

LatencyTable LatencyTable::fromJson(const std::string& json)
{
    try {
        const nlohmann::json doc = nlohmann::json::parse(json);
        if (doc.value("format", "") != "archscape-latency-table")
            throw std::invalid_argument("not an Archscape latency table");
        if (doc.value("version", 0) != kFormatVersion)
            throw std::invalid_argument("latency table version " +
                                        std::to_string(doc.value("version", 0)) +
                                        " is not supported (expected " +
                                        std::to_string(kFormatVersion) + ")");
        LatencyTable table(doc.at("device").get<std::string>());
        table.entries_ = doc.at("operations").get<std::map<std::string, double>>();
        return table;
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("malformed latency table: ") + e.what());
    }
}

void LatencyTable::saveTo(StudyStorage& storage) const
{
    storage.setStudyArtifact(kArtifactKind, device_, toJson());
}

std::optional<LatencyTable> LatencyTable::loadFrom(const StudyStorage& storage,
                                                   const std::string& device)
{
    const std::optional<std::string> json = storage.studyArtifact(kArtifactKind, device);
    if (!json)
        return std::nullopt;
    return fromJson(*json);
}

} // namespace archscape
