#pragma once
// How the C library hands memory to LibTorch on the CPU. Training frees and
// allocates the same few megabytes of activations every batch; by default
// glibc returns them to the system each time and the next batch page-faults
// them back in (on two cores, a third of the time went to the kernel).
// keepFreedMemory() makes freed memory stay with the process instead.

namespace archscape {

class HostMemory
{
public:
    // Process-wide and idempotent; does nothing without glibc. The process
    // keeps up to its peak heap size after training.
    static void keepFreedMemory();
};

} // namespace archscape
