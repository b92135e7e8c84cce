#include "TorchThreads.h"

// Not the precompiled <torch/torch.h>: this header costs half a second.
#include <ATen/Parallel.h>

#include <stdexcept>
#include <string>
#include <thread>

namespace archscape {

int TorchThreads::allCores()
{
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(cores);
}

int TorchThreads::apply(int threads)
{
    if (threads < 0)
        throw std::invalid_argument("the thread count must be 0 (every core) or more, not " +
                                    std::to_string(threads));
    at::set_num_threads(threads == 0 ? allCores() : threads);
    return current();
}

int TorchThreads::current()
{
    return at::get_num_threads();
}

} // namespace archscape
