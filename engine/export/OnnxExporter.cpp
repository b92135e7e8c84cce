#include "OnnxExporter.h"

#include "ExportError.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include <unistd.h>

namespace archscape {

BatchNormExport batchNormExportFromName(const std::string& name)
{
    if (name == "keep")
        return BatchNormExport::Keep;
    if (name == "fold")
        return BatchNormExport::Fold;
    throw ExportError("unknown batch-norm export '" + name + "' (use keep or fold)");
}

const char* batchNormExportName(BatchNormExport mode)
{
    return mode == BatchNormExport::Fold ? "fold" : "keep";
}

namespace {

std::string describeLayer(size_t index, const Layer& l)
{
    std::string text = "layer " + std::to_string(index) + " (" + layerOpName(l.op);
    if (!l.label.empty())
        text += " '" + l.label + "'";
    text += ")";
    if (!l.blockId.empty())
        text += " of block '" + l.blockId + "'";
    return text;
}

// Layers whose result reaches the output, as NetworkModule::forward computes
// them; the others (operations feeding only "none" edges of a cell) export
// their parameters but no nodes.
std::vector<char> neededLayers(const Network& net)
{
    std::vector<char> needed(net.layers.size(), 0);
    needed[static_cast<size_t>(net.output)] = 1;
    for (size_t i = net.layers.size(); i-- > 0;)
        if (needed[i])
            for (int in : net.layers[i].inputs)
                needed[static_cast<size_t>(in)] = 1;
    return needed;
}

// Builds the GraphProto node by node. Each layer's result is a value name;
// layers that compute nothing at inference (identity, dropout, no
// activation) pass their input's name on instead of adding a node.
class GraphWriter
{
public:
    GraphWriter(const Network& net, const std::vector<LayerTensors>& tensors,
                const OnnxExportOptions& options, onnx::GraphProto& graph)
        : net_(net), tensors_(tensors), options_(options), graph_(graph),
          values_(net.layers.size()), needed_(neededLayers(net))
    {
    }

    void write()
    {
        findFoldableBatchNorms();
        for (size_t i = 0; i < net_.layers.size(); ++i) {
            addParameters(i);
            if (needed_[i])
                values_[i] = emit(i);
        }
        node("Identity", {values_[static_cast<size_t>(net_.output)]}, options_.outputName);
    }

private:
    const Layer& layer(size_t i) const { return net_.layers[i]; }
    const std::string& in(size_t i, size_t k = 0) const
    {
        return values_[static_cast<size_t>(layer(i).inputs[k])];
    }
    bool inputIsVector(size_t i) const
    {
        return layer(static_cast<size_t>(layer(i).inputs.front())).shape.isVector;
    }

    [[noreturn]] void unsupported(size_t i, const std::string& why) const
    {
        throw ExportError("cannot export " + describeLayer(i, layer(i)) + " to ONNX: " + why);
    }

    // A batch norm right after a convolution that nothing else reads folds
    // into that convolution's weight and bias.
    void findFoldableBatchNorms()
    {
        folded_.assign(net_.layers.size(), 0);
        if (options_.batchNorm != BatchNormExport::Fold)
            return;
        std::vector<int> readers(net_.layers.size(), 0);
        for (size_t i = 0; i < net_.layers.size(); ++i)
            if (needed_[i])
                for (int from : layer(i).inputs)
                    ++readers[static_cast<size_t>(from)];
        for (size_t i = 0; i < net_.layers.size(); ++i) {
            if (!needed_[i] || layer(i).op != LayerOp::BatchNorm)
                continue;
            const auto conv = static_cast<size_t>(layer(i).inputs.front());
            if (layer(conv).op == LayerOp::Conv && readers[conv] == 1)
                folded_[conv] = folded_[i] = 1;
        }
    }

    std::string name(size_t i, const std::string& suffix) const
    {
        return "l" + std::to_string(i) + "_" + suffix;
    }

    std::string parameterName(size_t i, const std::string& kind) const
    {
        std::string base = layer(i).label.empty() ? "layer" + std::to_string(i) : layer(i).label;
        return base + "#" + std::to_string(i) + "." + kind;
    }

    void addInitializer(const std::string& tensorName, const std::vector<int64_t>& dims,
                        const std::vector<float>& data)
    {
        onnx::TensorProto* t = graph_.add_initializer();
        t->set_name(tensorName);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (int64_t d : dims)
            t->add_dims(d);
        t->set_raw_data(std::string(reinterpret_cast<const char*>(data.data()),
                                    data.size() * sizeof(float)));
    }

    void expectSize(size_t i, const char* what, const std::vector<float>& data, int64_t size) const
    {
        if (static_cast<int64_t>(data.size()) != size)
            unsupported(i, std::string("its ") + what + " holds " + std::to_string(data.size()) +
                               " numbers, not " + std::to_string(size));
    }

    // Every parametric layer's parameters become initializers, also those of
    // layers whose result is unused: the file holds what the engine counts.
    // Folded pairs are written once, as the folded convolution.
    void addParameters(size_t i)
    {
        const Layer& l = layer(i);
        const LayerTensors& t = tensors_[i];
        switch (l.op) {
        case LayerOp::Conv: {
            const int64_t perGroup = l.groups > 0 ? l.inChannels / l.groups : 0;
            const std::vector<int64_t> dims{l.outChannels, perGroup, l.kernel, l.kernel};
            expectSize(i, "weight", t.weight, l.outChannels * perGroup * l.kernel * l.kernel);
            if (l.bias)
                expectSize(i, "bias", t.bias, l.outChannels);
            if (folded_[i])
                return; // written with its batch norm
            addInitializer(parameterName(i, "weight"), dims, t.weight);
            if (l.bias)
                addInitializer(parameterName(i, "bias"), {l.outChannels}, t.bias);
            break;
        }
        case LayerOp::BatchNorm: {
            const int64_t c = l.shape.channels;
            expectSize(i, "weight", t.weight, c);
            expectSize(i, "bias", t.bias, c);
            expectSize(i, "running mean", t.runningMean, c);
            expectSize(i, "running variance", t.runningVar, c);
            if (folded_[i]) {
                addFoldedConvolution(i);
                return;
            }
            addInitializer(parameterName(i, "weight"), {c}, t.weight);
            addInitializer(parameterName(i, "bias"), {c}, t.bias);
            if (needed_[i]) { // running statistics are buffers: only where used
                addInitializer(parameterName(i, "running_mean"), {c}, t.runningMean);
                addInitializer(parameterName(i, "running_var"), {c}, t.runningVar);
            }
            break;
        }
        case LayerOp::Linear:
            expectSize(i, "weight", t.weight, l.outChannels * l.inChannels);
            addInitializer(parameterName(i, "weight"), {l.outChannels, l.inChannels}, t.weight);
            if (l.bias) {
                expectSize(i, "bias", t.bias, l.outChannels);
                addInitializer(parameterName(i, "bias"), {l.outChannels}, t.bias);
            }
            break;
        default:
            break;
        }
    }

    // y = gamma (conv(x) + b - mean) / sqrt(var + eps) + beta, per output
    // channel: scale the weight, shift the bias. Computed in double.
    void addFoldedConvolution(size_t bn)
    {
        const auto conv = static_cast<size_t>(layer(bn).inputs.front());
        const Layer& c = layer(conv);
        const LayerTensors& w = tensors_[conv];
        const LayerTensors& n = tensors_[bn];
        const int64_t out = c.outChannels;
        const size_t perChannel = w.weight.size() / static_cast<size_t>(out);
        std::vector<float> weight(w.weight.size());
        std::vector<float> bias(static_cast<size_t>(out));
        for (size_t o = 0; o < static_cast<size_t>(out); ++o) {
            const double scale = double(n.weight[o]) / std::sqrt(double(n.runningVar[o]) + n.epsilon);
            for (size_t k = 0; k < perChannel; ++k)
                weight[o * perChannel + k] = float(double(w.weight[o * perChannel + k]) * scale);
            const double b = c.bias ? double(w.bias[o]) : 0.0;
            bias[o] = float((b - double(n.runningMean[o])) * scale + double(n.bias[o]));
        }
        addInitializer(parameterName(conv, "weight"), {out, c.inChannels / c.groups, c.kernel, c.kernel},
                       weight);
        addInitializer(parameterName(conv, "bias"), {out}, bias);
    }

    onnx::NodeProto* node(const std::string& opType, std::vector<std::string> inputs,
                          const std::string& output)
    {
        onnx::NodeProto* n = graph_.add_node();
        n->set_op_type(opType);
        n->set_name(output);
        for (auto& input : inputs)
            n->add_input(input);
        n->add_output(output);
        return n;
    }

    static void attribute(onnx::NodeProto* n, const std::string& attrName, int64_t value)
    {
        onnx::AttributeProto* a = n->add_attribute();
        a->set_name(attrName);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }
    static void attribute(onnx::NodeProto* n, const std::string& attrName, float value)
    {
        onnx::AttributeProto* a = n->add_attribute();
        a->set_name(attrName);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(value);
    }
    static void attribute(onnx::NodeProto* n, const std::string& attrName,
                          const std::vector<int64_t>& values)
    {
        onnx::AttributeProto* a = n->add_attribute();
        a->set_name(attrName);
        a->set_type(onnx::AttributeProto::INTS);
        for (int64_t v : values)
            a->add_ints(v);
    }

    // A Constant node (not an initializer, so initializers are exactly the
    // network's weights and batch-norm statistics).
    std::string constant(const std::string& constName, onnx::TensorProto::DataType type,
                         const std::vector<int64_t>& dims, const std::vector<double>& values)
    {
        onnx::NodeProto* n = node("Constant", {}, constName);
        onnx::AttributeProto* a = n->add_attribute();
        a->set_name("value");
        a->set_type(onnx::AttributeProto::TENSOR);
        onnx::TensorProto* t = a->mutable_t();
        t->set_data_type(type);
        for (int64_t d : dims)
            t->add_dims(d);
        for (double v : values) {
            if (type == onnx::TensorProto::INT64)
                t->add_int64_data(static_cast<int64_t>(v));
            else
                t->add_float_data(static_cast<float>(v));
        }
        return constName;
    }

    // The input's batch size as a 1-D int64 tensor, made once.
    const std::string& batchSize()
    {
        if (batchSize_.empty()) {
            node("Shape", {options_.inputName}, "input_shape");
            const std::string start = constant("batch_start", onnx::TensorProto::INT64, {1}, {0});
            const std::string end = constant("batch_end", onnx::TensorProto::INT64, {1}, {1});
            node("Slice", {"input_shape", start, end}, "batch_size");
            batchSize_ = "batch_size";
        }
        return batchSize_;
    }

    std::string emit(size_t i)
    {
        const Layer& l = layer(i);
        switch (l.op) {
        case LayerOp::Input:
            return options_.inputName;
        case LayerOp::Conv:
            return emitConv(i);
        case LayerOp::BatchNorm:
            return emitBatchNorm(i);
        case LayerOp::Activation:
            return emitActivation(i, in(i));
        case LayerOp::Pool:
            return emitPool(i);
        case LayerOp::GlobalPool:
            return emitGlobalPool(i);
        case LayerOp::Linear:
            return emitLinear(i);
        case LayerOp::Dropout:   // identity at inference
        case LayerOp::Identity:
        case LayerOp::Output:    // named by the final Identity node
            return in(i);
        case LayerOp::Add: {
            // Summed left to right, as NetworkModule does, for equal rounding.
            std::string sum = in(i, 0);
            for (size_t k = 1; k < l.inputs.size(); ++k)
                sum = node("Add", {sum, in(i, k)}, name(i, "add" + std::to_string(k)))->output(0);
            return sum;
        }
        case LayerOp::Concat: {
            std::vector<std::string> parts;
            for (size_t k = 0; k < l.inputs.size(); ++k)
                parts.push_back(in(i, k));
            attribute(node("Concat", parts, name(i, "concat")), "axis", int64_t{1});
            return name(i, "concat");
        }
        case LayerOp::Mul:
            return node("Mul", {in(i, 0), in(i, 1)}, name(i, "mul"))->output(0);
        case LayerOp::Zero:
            return emitZero(i);
        }
        unsupported(i, "ONNX export does not know this layer kind");
    }

    std::string emitConv(size_t i)
    {
        const Layer& l = layer(i);
        if (inputIsVector(i))
            unsupported(i, "a convolution needs a feature map, but its input is a vector");
        std::vector<std::string> inputs{in(i), parameterName(i, "weight")};
        if (l.bias || folded_[i])
            inputs.push_back(parameterName(i, "bias"));
        onnx::NodeProto* n = node("Conv", inputs, name(i, "conv"));
        attribute(n, "kernel_shape", std::vector<int64_t>{l.kernel, l.kernel});
        attribute(n, "strides", std::vector<int64_t>{l.stride, l.stride});
        attribute(n, "pads", std::vector<int64_t>{l.padding, l.padding, l.padding, l.padding});
        attribute(n, "dilations", std::vector<int64_t>{1, 1});
        attribute(n, "group", l.groups);
        return n->output(0);
    }

    std::string emitBatchNorm(size_t i)
    {
        if (folded_[i])
            return in(i); // the convolution before it already applies it
        onnx::NodeProto* n = node("BatchNormalization",
                                  {in(i), parameterName(i, "weight"), parameterName(i, "bias"),
                                   parameterName(i, "running_mean"), parameterName(i, "running_var")},
                                  name(i, "bn"));
        attribute(n, "epsilon", static_cast<float>(tensors_[i].epsilon));
        return n->output(0);
    }

    std::string emitActivation(size_t i, const std::string& x)
    {
        switch (layer(i).activation) {
        case Activation::None:
            return x;
        case Activation::ReLU:
            return node("Relu", {x}, name(i, "relu"))->output(0);
        case Activation::ReLU6: {
            const std::string lo = constant(name(i, "min"), onnx::TensorProto::FLOAT, {}, {0.0});
            const std::string hi = constant(name(i, "max"), onnx::TensorProto::FLOAT, {}, {6.0});
            return node("Clip", {x, lo, hi}, name(i, "relu6"))->output(0);
        }
        case Activation::Swish: {
            node("Sigmoid", {x}, name(i, "sigmoid"));
            return node("Mul", {x, name(i, "sigmoid")}, name(i, "swish"))->output(0);
        }
        case Activation::HardSwish: {
            if (options_.opset >= 14)
                return node("HardSwish", {x}, name(i, "hardswish"))->output(0);
            // x * relu6(x + 3) / 6 = x * clamp(x / 6 + 1/2, 0, 1)
            onnx::NodeProto* gate = node("HardSigmoid", {x}, name(i, "hardsigmoid"));
            attribute(gate, "alpha", 1.0f / 6.0f);
            attribute(gate, "beta", 0.5f);
            return node("Mul", {x, gate->output(0)}, name(i, "hardswish"))->output(0);
        }
        case Activation::Sigmoid:
            return node("Sigmoid", {x}, name(i, "sigmoid"))->output(0);
        }
        unsupported(i, "ONNX export does not know this activation");
    }

    std::string emitPool(size_t i)
    {
        const Layer& l = layer(i);
        if (inputIsVector(i))
            unsupported(i, "pooling needs a feature map, but its input is a vector");
        onnx::NodeProto* n =
            node(l.maxPool ? "MaxPool" : "AveragePool", {in(i)}, name(i, "pool"));
        attribute(n, "kernel_shape", std::vector<int64_t>{l.kernel, l.kernel});
        attribute(n, "strides", std::vector<int64_t>{l.stride, l.stride});
        attribute(n, "pads", std::vector<int64_t>{l.padding, l.padding, l.padding, l.padding});
        attribute(n, "ceil_mode", int64_t{0});
        if (!l.maxPool) // NetworkModule averages over the window inside the image only
            attribute(n, "count_include_pad", int64_t{0});
        return n->output(0);
    }

    std::string emitGlobalPool(size_t i)
    {
        const Layer& l = layer(i);
        if (inputIsVector(i))
            return in(i);
        const std::string pooled =
            node(l.maxPool ? "GlobalMaxPool" : "GlobalAveragePool", {in(i)}, name(i, "gpool"))
                ->output(0);
        if (!l.shape.isVector)
            return pooled; // C×1×1, e.g. a squeeze-excite gate
        attribute(node("Flatten", {pooled}, name(i, "flatten")), "axis", int64_t{1});
        return name(i, "flatten");
    }

    std::string emitLinear(size_t i)
    {
        const Layer& l = layer(i);
        if (!inputIsVector(i))
            unsupported(i, "a linear layer needs a vector, but its input is a feature map");
        std::vector<std::string> inputs{in(i), parameterName(i, "weight")};
        if (l.bias)
            inputs.push_back(parameterName(i, "bias"));
        onnx::NodeProto* n = node("Gemm", inputs, name(i, "linear"));
        attribute(n, "transB", int64_t{1});
        return n->output(0);
    }

    // Zeros of the layer's shape with the input's batch size.
    std::string emitZero(size_t i)
    {
        const Shape& s = layer(i).shape;
        std::vector<double> rest{double(s.channels)};
        if (!s.isVector) {
            rest.push_back(double(s.height));
            rest.push_back(double(s.width));
        }
        const std::string restName = constant(name(i, "dims"), onnx::TensorProto::INT64,
                                              {int64_t(rest.size())}, rest);
        onnx::NodeProto* dims = node("Concat", {batchSize(), restName}, name(i, "shape"));
        attribute(dims, "axis", int64_t{0});
        onnx::NodeProto* zeros = node("ConstantOfShape", {dims->output(0)}, name(i, "zeros"));
        onnx::AttributeProto* a = zeros->add_attribute();
        a->set_name("value");
        a->set_type(onnx::AttributeProto::TENSOR);
        a->mutable_t()->set_data_type(onnx::TensorProto::FLOAT);
        a->mutable_t()->add_dims(1);
        a->mutable_t()->add_float_data(0.0f);
        return zeros->output(0);
    }

    const Network& net_;
    const std::vector<LayerTensors>& tensors_;
    const OnnxExportOptions& options_;
    onnx::GraphProto& graph_;
    std::vector<std::string> values_;
    std::vector<char> needed_;
    std::vector<char> folded_;
    std::string batchSize_;
};

void declareTensor(onnx::ValueInfoProto* value, const std::string& valueName, const Shape& shape)
{
    value->set_name(valueName);
    onnx::TypeProto_Tensor* t = value->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    onnx::TensorShapeProto* s = t->mutable_shape();
    s->add_dim()->set_dim_param("batch");
    s->add_dim()->set_dim_value(shape.channels);
    if (!shape.isVector) {
        s->add_dim()->set_dim_value(shape.height);
        s->add_dim()->set_dim_value(shape.width);
    }
}

} // namespace

OnnxExporter::OnnxExporter(const Network& network, const std::vector<LayerTensors>& tensors,
                           OnnxExportOptions options)
    : network_(network), tensors_(tensors), options_(std::move(options))
{
    if (options_.opset < OnnxExportOptions::kMinOpset || options_.opset > OnnxExportOptions::kMaxOpset)
        throw ExportError("opset " + std::to_string(options_.opset) + " is not supported (use " +
                          std::to_string(OnnxExportOptions::kMinOpset) + " to " +
                          std::to_string(OnnxExportOptions::kMaxOpset) + ")");
    if (network_.layers.empty() || network_.layers.front().op != LayerOp::Input ||
        network_.output < 0 || static_cast<size_t>(network_.output) >= network_.layers.size())
        throw ExportError("cannot export the network: it has no input or no output layer");
    if (network_.inputShape().isVector)
        throw ExportError("cannot export the network: its input is a vector, not an image");
    if (tensors_.size() != network_.layers.size())
        throw ExportError("cannot export the network: weights for " +
                          std::to_string(tensors_.size()) + " layers, but it has " +
                          std::to_string(network_.layers.size()));
    if (options_.inputName.empty() || options_.outputName.empty() ||
        options_.inputName == options_.outputName)
        throw ExportError("the model's input and output need two different names");
}

std::string OnnxExporter::serialize() const
{
    onnx::ModelProto model;
    model.set_ir_version(onnx::IR_VERSION);
    model.set_producer_name("archscape");
    model.set_producer_version("0.1");
    model.set_model_version(1);
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(options_.opset);
    for (const auto& [key, value] : options_.metadata) {
        onnx::StringStringEntryProto* entry = model.add_metadata_props();
        entry->set_key(key);
        entry->set_value(value);
    }

    onnx::GraphProto* graph = model.mutable_graph();
    graph->set_name("archscape_network");
    declareTensor(graph->add_input(), options_.inputName, network_.inputShape());
    GraphWriter(network_, tensors_, options_, *graph).write();
    declareTensor(graph->add_output(), options_.outputName, network_.outputShape());

    try {
        onnx::checker::check_model(model);
        onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(true, 1, false));
    } catch (const std::exception& e) {
        throw ExportError(std::string("the exported model fails ONNX's checks: ") + e.what());
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes))
        throw ExportError("the ONNX model could not be serialized (over 2 GB?)");
    return bytes;
}

void OnnxExporter::write(const std::string& path) const
{
    writeFile(serialize(), path);
}

void OnnxExporter::writeFile(const std::string& bytes, const std::string& path)
{
    const std::string temporary = path + ".part" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write " + path + ": cannot create " + temporary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            out.close();
            std::remove(temporary.c_str());
            throw std::runtime_error("cannot write " + path + " (disk full?)");
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw std::runtime_error("cannot write " + path + ": renaming " + temporary + " failed");
    }
}

} // namespace archscape
