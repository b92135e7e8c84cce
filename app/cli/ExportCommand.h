#pragma once
// `archscape-cli export (STUDY.db --trial N | --space FILE.json --arch
// ENC|random [--seed S]) -o model.onnx`: writes an architecture with its
// weights as an ONNX model (see docs/export.md).

#include <string>
#include <vector>

namespace archscape::cli {

class ExportCommand
{
public:
    static const char* usage();
    // Returns the exit code; throws UsageError, SpaceError, ExportError.
    static int run(const std::vector<std::string>& args);
};

} // namespace archscape::cli
