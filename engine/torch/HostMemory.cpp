#include "HostMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace archscape {

void HostMemory::keepFreedMemory()
{
#if defined(__GLIBC__)
    // Blocks up to 32 MB (glibc's largest mmap threshold) come from the
    // heap, and the heap is not trimmed below 1 GB of free space.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    mallopt(M_TOP_PAD, 64 * 1024 * 1024);
#endif
}

} // namespace archscape
