#pragma once
// How many CPU threads LibTorch computes with. It starts with half the
// cores (one, on a 2-core machine); Archscape uses a setting whose default
// is every core.

namespace archscape {

class TorchThreads
{
public:
    // The default: every core std::thread::hardware_concurrency() reports
    // (1 when it reports none).
    static int allCores();

    // Sets LibTorch's intra-op thread count; 0 means allCores(). Returns
    // the count now in use. Throws std::invalid_argument when negative.
    static int apply(int threads = 0);

    static int current();
};

} // namespace archscape
