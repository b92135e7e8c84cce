#pragma once
// `train`: fully trains one trial's architecture (more epochs, the whole
// training split) after a search, and stores the result beside the search
// (see engine/torch/FullTraining.h). Built only with LibTorch.

#include <string>
#include <vector>

namespace archscape::cli {

class TrainCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& args);
};

} // namespace archscape::cli
