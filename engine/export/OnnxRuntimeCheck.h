#pragma once
// Checks an exported ONNX file against the network it came from: the same
// input through the LibTorch module and through onnxruntime (npm's
// onnxruntime-node, driven by ort_run.js), compared by the max abs
// difference. The desktop app's export dialog runs it after an export; the
// header includes no LibTorch.

#include "space/ArchitectureCodec.h"
#include "study/Study.h"

#include <cstdint>
#include <string>
#include <vector>

namespace archscape {

struct OnnxRuntimeComparison
{
    static constexpr double kTolerance = 1e-5; // float32, as the export tests require

    double maxAbsDifference = 0.0;
    std::vector<int64_t> inputDims;
    std::vector<int64_t> outputDims;

    bool passed() const { return maxAbsDifference <= kTolerance; }
};

class OnnxRuntimeCheck
{
public:
    // `node`: the Node.js executable; `script`: ort_run.js; `ortDir`: the
    // folder whose node_modules holds onnxruntime-node.
    OnnxRuntimeCheck(std::string node, std::string script, std::string ortDir);
    // ARCHSCAPE_NODE, ARCHSCAPE_ORT_SCRIPT and ARCHSCAPE_ORT_NODE_DIR when
    // set, else what the build found (Node.js, ~/.cache/archscape/node) and
    // ort_run.js installed beside the app or in the source tree.
    static OnnxRuntimeCheck fromEnvironment();

    // Empty when the check can run, else a sentence saying what is missing
    // and how to install it.
    std::string unavailableReason() const;
    bool available() const { return unavailableReason().empty(); }

    // Rebuilds the trial's module as ModelExport::exportTrial does (stored
    // weights, else fresh ones under `seed`), runs a seeded batch of two
    // through it and through `onnxPath` in onnxruntime. `workDir` holds
    // scratch files. Throws std::runtime_error with onnxruntime's message,
    // ExportError for an unknown trial.
    OnnxRuntimeComparison compareTrial(Study& study, int64_t trialNumber, uint64_t seed,
                                       const std::string& onnxPath,
                                       const std::string& workDir) const;
    // The same for an architecture of a space with fresh weights under
    // `seed`, built as ModelExport::exportArchitecture builds it.
    OnnxRuntimeComparison compareArchitecture(const ArchitectureCodec& codec,
                                              const Architecture& arch, uint64_t seed,
                                              const std::string& onnxPath,
                                              const std::string& workDir) const;

private:
    std::string node_, script_, ortDir_;
};

} // namespace archscape
