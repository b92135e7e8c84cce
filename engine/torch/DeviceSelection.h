#pragma once
// Turns the device a user names ("cpu", "cuda", "cuda:N": the CLI's
// --device and the run panel's choice) into a torch::Device, checking that
// this LibTorch and this machine can run on it.

#include <c10/core/Device.h>

#include <string>
#include <vector>

namespace archscape {

class DeviceSelection
{
public:
    // "cuda" means "cuda:0". Throws std::invalid_argument with a sentence
    // saying what is wrong: an unknown name, a LibTorch built without CUDA,
    // no GPU visible, or an index past the last GPU.
    static c10::Device parse(const std::string& text);

    // "cpu" and then "cuda:0", "cuda:1", ... for every visible GPU.
    static std::vector<std::string> available();
};

} // namespace archscape
