#pragma once
// What an ONNX model file holds, read back with ONNX's protobuf API: its
// opset, input and output, metadata and how many parameters its
// initializers hold. The export tests and the CLI use it to check a file
// against the engine (the round trip of the parameter count).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace archscape {

struct OnnxModelSummary
{
    int64_t opset = 0;
    std::string inputName;
    std::vector<std::string> inputDims; // "batch" for a symbolic dimension
    std::string outputName;
    std::vector<std::string> outputDims;
    std::map<std::string, std::string> metadata;
    // Elements of every initializer except batch-norm running statistics
    // (BatchNormalization's mean and variance inputs), which LibTorch and
    // NetworkCost treat as buffers, not parameters.
    int64_t parameters = 0;
    int64_t runningStatistics = 0;
    std::map<std::string, int> nodesByType;

    // Throws ExportError when the bytes are not an ONNX model.
    static OnnxModelSummary of(const std::string& bytes);
    static OnnxModelSummary ofFile(const std::string& path);
};

} // namespace archscape
