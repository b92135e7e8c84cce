#include "SinglePathSupernet.h"

#include "torch/Trainer.h"

#include <torch/torch.h>

#include <sstream>
#include <stdexcept>

namespace archscape {

namespace {

constexpr const char* kCoveringKey = "spos_covering_encodings";

std::string configurationOf(const Layer& l)
{
    const std::string channels = std::to_string(l.inChannels) + "->" + std::to_string(l.outChannels);
    switch (l.op) {
    case LayerOp::Conv:
        return "conv " + channels + " k" + std::to_string(l.kernel) + " s" + std::to_string(l.stride)
            + " p" + std::to_string(l.padding) + " g" + std::to_string(l.groups) + " b"
            + std::to_string(int(l.bias));
    case LayerOp::BatchNorm:
        return "bn " + std::to_string(l.shape.channels);
    case LayerOp::Linear:
        return "linear " + channels + " b" + std::to_string(int(l.bias));
    default:
        return {};
    }
}

// "stage1:stage1#2" of "stage1:stage1#2/dw-bn".
std::string blockOf(const std::string& place)
{
    const size_t slash = place.rfind('/');
    return slash == std::string::npos ? place : place.substr(0, slash);
}

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string text;
    for (const auto& line : lines)
        text += line + "\n";
    return text;
}

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

SinglePathSupernetImpl::SinglePathSupernetImpl(const ArchitectureCodec& codec, c10::Device device,
                                               uint64_t seed)
    : codec_(codec), device_(device), seed_(seed)
{
}

std::vector<std::string> SinglePathSupernetImpl::layerKeys(const Network& net)
{
    // A layer belongs to the primitive block its label's prefix names
    // ("stage1#2" of "stage1#2/dw-bn", "op1/conv" of "op1/conv/bn"). That
    // block's parametric layers all together are the candidate operation:
    // a batch norm after a 3×3 convolution is not the one after a 5×5.
    const size_t n = net.layers.size();
    std::vector<std::string> places(n), configurations(n);
    std::map<std::string, std::string> operations; // block -> its layers' configurations
    std::map<std::string, int> occurrences;        // one label twice: two places
    for (size_t i = 0; i < n; ++i) {
        const Layer& l = net.layers[i];
        configurations[i] = configurationOf(l);
        if (configurations[i].empty())
            continue;
        places[i] = l.blockId + ":" + (l.label.empty() ? "@" + std::to_string(i) : l.label);
        if (const int seen = occurrences[places[i]]++; seen > 0)
            places[i] += "#" + std::to_string(seen);
        operations[blockOf(places[i])] += "[" + configurations[i] + "]";
    }
    std::vector<std::string> keys(n);
    for (size_t i = 0; i < n; ++i)
        if (!places[i].empty())
            keys[i] = places[i] + " " + configurations[i] + " of " + operations[blockOf(places[i])];
    return keys;
}

std::string SinglePathSupernetImpl::moduleNameFor(const std::string& key)
{
    return "w" + ArchitectureCodec::hashToHex(ArchitectureCodec::hashText(key));
}

std::shared_ptr<torch::nn::Module>
SinglePathSupernetImpl::layerFor(const Layer& layer, const std::string& key,
                                 const std::string& encoding,
                                 std::vector<torch::Tensor>* madeParameters)
{
    if (auto it = candidates_.find(key); it != candidates_.end())
        return it->second;
    std::shared_ptr<torch::nn::Module> made = NetworkModuleImpl::makeLayer(layer);
    Trainer::initialise(*made, seed_ ^ ArchitectureCodec::hashText(key));
    made->to(device_);
    register_module(moduleNameFor(key), made);
    candidates_.emplace(key, made);
    if (covering_.empty() || covering_.back() != encoding)
        covering_.push_back(encoding);
    if (madeParameters)
        for (const auto& p : made->parameters())
            madeParameters->push_back(p);
    return made;
}

NetworkModule SinglePathSupernetImpl::path(const Architecture& arch,
                                           std::vector<torch::Tensor>* madeParameters)
{
    const Network net = codec_.network(arch);
    const std::vector<std::string> keys = layerKeys(net);
    const std::string encoding = codec_.encode(arch);
    std::lock_guard<std::mutex> lock(mutex_);
    return NetworkModule(net, [&](size_t i) {
        return layerFor(net.layers[i], keys[i], encoding, madeParameters);
    });
}

NetworkModule SinglePathSupernetImpl::evaluationPath(const Architecture& arch)
{
    const Network net = codec_.network(arch);
    const std::vector<std::string> keys = layerKeys(net);
    const std::string encoding = codec_.encode(arch);
    std::lock_guard<std::mutex> lock(mutex_);
    return NetworkModule(net, [&](size_t i) -> std::shared_ptr<torch::nn::Module> {
        std::shared_ptr<torch::nn::Module> shared = layerFor(net.layers[i], keys[i], encoding, nullptr);
        auto* sharedNorm = shared->as<torch::nn::BatchNorm2d>();
        if (!sharedNorm)
            return shared;
        torch::nn::BatchNorm2d own(sharedNorm->options);
        own->to(device_);
        torch::NoGradGuard noGrad;
        own->weight.copy_(sharedNorm->weight);
        own->bias.copy_(sharedNorm->bias);
        own->running_mean.copy_(sharedNorm->running_mean);
        own->running_var.copy_(sharedNorm->running_var);
        own->num_batches_tracked.copy_(sharedNorm->num_batches_tracked);
        return own.ptr();
    });
}

size_t SinglePathSupernetImpl::candidateCount() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return candidates_.size();
}

std::vector<std::string> SinglePathSupernetImpl::coveringEncodings() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return covering_;
}

std::string SinglePathSupernetImpl::save()
{
    torch::serialize::OutputArchive archive;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        torch::nn::Module::save(archive);
        archive.write(kCoveringKey, c10::IValue(joinLines(covering_)));
    }
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

void SinglePathSupernetImpl::load(const std::string& bytes)
{
    try {
        std::istringstream in(bytes);
        torch::serialize::InputArchive archive;
        archive.load_from(in, device_);
        c10::IValue covering;
        if (!archive.try_read(kCoveringKey, covering) || !covering.isString())
            throw std::runtime_error("the bytes hold no single-path supernet");
        for (const std::string& encoding : splitLines(covering.toStringRef()))
            path(codec_.decode(encoding));
        std::lock_guard<std::mutex> lock(mutex_);
        torch::nn::Module::load(archive);
    } catch (const c10::Error& e) {
        throw std::runtime_error("the stored supernet does not fit this space: "
                                 + std::string(e.what_without_backtrace()));
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error("the stored supernet does not fit this space: "
                                 + std::string(e.what()));
    }
}

} // namespace archscape
