#include "OnnxModelSummary.h"

#include "ExportError.h"

#include <onnx/onnx_pb.h>

#include <fstream>
#include <set>
#include <sstream>

namespace archscape {

namespace {

std::vector<std::string> dimsOf(const onnx::ValueInfoProto& value)
{
    std::vector<std::string> dims;
    for (const auto& d : value.type().tensor_type().shape().dim())
        dims.push_back(d.has_dim_param() ? d.dim_param() : std::to_string(d.dim_value()));
    return dims;
}

} // namespace

OnnxModelSummary OnnxModelSummary::of(const std::string& bytes)
{
    onnx::ModelProto model;
    if (!model.ParseFromString(bytes))
        throw ExportError("not an ONNX model (the bytes do not parse as a ModelProto)");
    OnnxModelSummary s;
    for (const auto& op : model.opset_import())
        if (op.domain().empty() || op.domain() == "ai.onnx")
            s.opset = op.version();
    const onnx::GraphProto& g = model.graph();
    if (g.input_size() > 0) {
        s.inputName = g.input(0).name();
        s.inputDims = dimsOf(g.input(0));
    }
    if (g.output_size() > 0) {
        s.outputName = g.output(0).name();
        s.outputDims = dimsOf(g.output(0));
    }
    for (const auto& entry : model.metadata_props())
        s.metadata[entry.key()] = entry.value();

    std::set<std::string> statistics;
    for (const auto& n : g.node()) {
        ++s.nodesByType[n.op_type()];
        if (n.op_type() == "BatchNormalization" && n.input_size() == 5) {
            statistics.insert(n.input(3));
            statistics.insert(n.input(4));
        }
    }
    for (const auto& t : g.initializer()) {
        int64_t elements = 1;
        for (int64_t d : t.dims())
            elements *= d;
        (statistics.count(t.name()) ? s.runningStatistics : s.parameters) += elements;
    }
    return s;
}

OnnxModelSummary OnnxModelSummary::ofFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ExportError("cannot read " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return of(bytes.str());
}

} // namespace archscape
