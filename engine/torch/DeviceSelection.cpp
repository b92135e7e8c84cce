#include "DeviceSelection.h"

// Not the precompiled <torch/torch.h>: these two headers cost a second.
#include <ATen/Context.h>
#include <torch/cuda.h>

#include <stdexcept>

namespace archscape {

namespace {

bool allDigits(const std::string& s)
{
    if (s.empty() || s.size() > 4)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace

c10::Device DeviceSelection::parse(const std::string& text)
{
    if (text == "cpu")
        return c10::Device(c10::kCPU);

    int index = -1;
    if (text == "cuda")
        index = 0;
    else if (text.rfind("cuda:", 0) == 0 && allDigits(text.substr(5)))
        index = std::stoi(text.substr(5));
    else
        throw std::invalid_argument("unknown device '" + text + "': use cpu, cuda or cuda:N");

    if (!at::hasCUDA())
        throw std::invalid_argument("device '" + text +
                                    "' asked for, but this LibTorch was built without CUDA "
                                    "(build against a CUDA LibTorch, or use cpu)");
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (!torch::cuda::is_available() || count == 0)
        throw std::invalid_argument("device '" + text +
                                    "' asked for, but no CUDA GPU is visible (check the driver "
                                    "and CUDA_VISIBLE_DEVICES, or use cpu)");
    if (index >= count)
        throw std::invalid_argument(
            "device '" + text + "' asked for, but only " + std::to_string(count) + " CUDA GPU" +
            (count == 1 ? " is visible (cuda:0)"
                        : "s are visible (cuda:0 to cuda:" + std::to_string(count - 1) + ")"));
    return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(index));
}

std::vector<std::string> DeviceSelection::available()
{
    std::vector<std::string> devices{"cpu"};
    if (at::hasCUDA() && torch::cuda::is_available()) {
        const auto count = torch::cuda::device_count();
        for (size_t i = 0; i < count; ++i)
            devices.push_back("cuda:" + std::to_string(i));
    }
    return devices;
}

} // namespace archscape
