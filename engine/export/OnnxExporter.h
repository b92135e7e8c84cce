#pragma once
// Writes a concrete Network with its weights as an ONNX model, built with
// ONNX's protobuf API: one input "input" (N×C×H×W, N dynamic) and one output
// "logits", every layer kind of the Network IR with NetworkModule's
// inference semantics. The model passes ONNX's checker and shape inference
// before it is returned or written; files are written atomically.

#include "LayerTensors.h"
#include "space/Network.h"

#include <string>
#include <utility>
#include <vector>

namespace archscape {

enum class BatchNormExport {
    Keep, // BatchNormalization nodes: the file holds exactly the engine's parameters
    Fold, // folded into the preceding convolution where there is one
};

BatchNormExport batchNormExportFromName(const std::string& name); // "keep" | "fold"
const char* batchNormExportName(BatchNormExport mode);

struct OnnxExportOptions
{
    static constexpr int kMinOpset = 13;
    static constexpr int kMaxOpset = 17; // the newest ONNX 1.12's checker knows

    int opset = 13;
    BatchNormExport batchNorm = BatchNormExport::Keep;
    std::string inputName = "input";
    std::string outputName = "logits";
    std::vector<std::pair<std::string, std::string>> metadata; // metadata_props
};

class OnnxExporter
{
public:
    // `tensors` has one entry per network layer (see ModuleTensors). Throws
    // ExportError for an opset out of range or tensors that do not fit.
    OnnxExporter(const Network& network, const std::vector<LayerTensors>& tensors,
                 OnnxExportOptions options = {});

    // The checked, serialized ModelProto. Throws ExportError naming the
    // layer and block of an unsupported construct, or the checker's complaint.
    std::string serialize() const;
    // serialize() written to a temporary file beside `path`, then renamed:
    // a failed export leaves no file and an existing one untouched. Throws
    // std::runtime_error when the file cannot be written.
    void write(const std::string& path) const;
    static void writeFile(const std::string& bytes, const std::string& path);

private:
    const Network& network_;
    const std::vector<LayerTensors>& tensors_;
    OnnxExportOptions options_;
};

} // namespace archscape
