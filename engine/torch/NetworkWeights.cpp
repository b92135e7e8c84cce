#include "NetworkWeights.h"

#include <torch/torch.h>

#include <sstream>
#include <stdexcept>

namespace archscape {

std::string saveNetworkWeights(NetworkModule& module)
{
    torch::serialize::OutputArchive archive;
    module->save(archive);
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

void loadNetworkWeights(NetworkModule& module, const std::string& bytes)
{
    try {
        std::istringstream in(bytes);
        torch::serialize::InputArchive archive;
        archive.load_from(in, module->parameters().empty() ? torch::Device(torch::kCPU)
                                                           : module->parameters().front().device());
        module->load(archive);
    } catch (const c10::Error& e) {
        throw std::runtime_error("the stored weights do not fit this network: "
                                 + std::string(e.what_without_backtrace()));
    }
}

} // namespace archscape
