#include "NetworkSlice.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace archscape {

namespace {

std::string nameOf(const Network& network, size_t layer)
{
    const Layer& l = network.layers[layer];
    return "layer " + std::to_string(layer) + " (" + layerOpName(l.op)
           + (l.label.empty() ? std::string() : " '" + l.label + "'") + ")";
}

// The one layer outside `inSlice` that the slice reads, or -1.
int externalInput(const Network& network, const std::vector<size_t>& layers,
                  const std::vector<char>& inSlice)
{
    int external = -1;
    for (size_t i : layers)
        for (int in : network.layers[i].inputs) {
            if (inSlice[static_cast<size_t>(in)] || in == external)
                continue;
            if (external >= 0)
                throw std::invalid_argument(
                    "a network slice reads two layers from outside: "
                    + nameOf(network, static_cast<size_t>(external)) + " and "
                    + nameOf(network, static_cast<size_t>(in)));
            external = in;
        }
    return external;
}

void checkOnlyLastIsRead(const Network& network, const std::vector<size_t>& layers,
                         const std::vector<char>& inSlice)
{
    for (size_t reader = 0; reader < network.layers.size(); ++reader) {
        if (inSlice[reader])
            continue;
        for (int in : network.layers[reader].inputs)
            if (inSlice[static_cast<size_t>(in)] && static_cast<size_t>(in) != layers.back())
                throw std::invalid_argument("a network slice is read in the middle: "
                                            + nameOf(network, reader) + " reads "
                                            + nameOf(network, static_cast<size_t>(in)));
    }
}

} // namespace

Network networkSlice(const Network& network, const std::vector<size_t>& layers)
{
    if (layers.empty())
        throw std::invalid_argument("a network slice needs at least one layer");
    if (!std::is_sorted(layers.begin(), layers.end()) || layers.front() == 0
        || layers.back() >= network.layers.size())
        throw std::invalid_argument("a network slice takes ascending layers after the input");
    std::vector<char> inSlice(network.layers.size(), 0);
    for (size_t i : layers)
        inSlice[i] = 1;
    const int external = externalInput(network, layers, inSlice);
    checkOnlyLastIsRead(network, layers, inSlice);

    Network slice;
    Layer input;
    input.op = LayerOp::Input;
    input.shape = external >= 0 ? network.layers[static_cast<size_t>(external)].shape
                                : network.inputShape();
    slice.layers.push_back(input);
    std::vector<int> remap(network.layers.size(), -1);
    if (external >= 0)
        remap[static_cast<size_t>(external)] = 0;
    for (size_t i : layers) {
        Layer copy = network.layers[i];
        for (int& in : copy.inputs)
            in = remap[static_cast<size_t>(in)];
        remap[i] = static_cast<int>(slice.layers.size());
        slice.layers.push_back(std::move(copy));
    }
    if (slice.layers.back().op != LayerOp::Output) {
        Layer output;
        output.op = LayerOp::Output;
        output.inputs = {static_cast<int>(slice.layers.size()) - 1};
        output.shape = slice.layers.back().shape;
        slice.layers.push_back(output);
    }
    slice.output = static_cast<int>(slice.layers.size()) - 1;
    return slice;
}

} // namespace archscape
