#pragma once
// Exporting what a user picked to an ONNX file, in one call: a study's
// trial (with its trained weights when the trial stored a "weights"
// artifact) or any architecture of a space (freshly initialised weights
// under a seed). The CLI's export command and the desktop app's export
// actions call this; the header includes no LibTorch.

#include "OnnxExporter.h"
#include "space/ArchitectureCodec.h"
#include "study/Study.h"

#include <cstdint>
#include <string>

namespace archscape {

struct ExportReport
{
    std::string path;
    std::string encoding;      // canonical encoding of the exported architecture
    std::string weights;       // "trained (trial 12)" or "initialised (seed 7)"
    int64_t parameters = 0;    // in the written file
    int64_t engineParameters = 0; // NetworkCost's count for the same network
    int opset = 0;
    BatchNormExport batchNorm = BatchNormExport::Keep;
};

class ModelExport
{
public:
    // Throws ExportError for an unknown trial number or an unsupported
    // construct, std::runtime_error when stored weights do not load or the
    // file cannot be written. `seed` initialises a trial without weights.
    static ExportReport exportTrial(Study& study, int64_t trialNumber, const std::string& path,
                                    OnnxExportOptions options, uint64_t seed = 0);
    static ExportReport exportArchitecture(const ArchitectureCodec& codec,
                                           const Architecture& arch, uint64_t seed,
                                           const std::string& path, OnnxExportOptions options);
};

} // namespace archscape
