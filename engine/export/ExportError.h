#pragma once
// Why a network could not be exported: a construct ONNX export does not
// support (the message names the layer and its block), or a model ONNX's own
// checker rejects. Bad input, as the CLI's exit code 2 means it; failing to
// write the file is a std::runtime_error instead.

#include <stdexcept>

namespace archscape {

class ExportError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace archscape
