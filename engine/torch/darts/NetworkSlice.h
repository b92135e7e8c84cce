#pragma once
// A piece of a Network as a network of its own: some of its layers, fed by
// one new input layer in place of whatever fed them, ending in an output
// layer. The DARTS supernet cuts the fixed parts of a space (stem,
// reduction blocks, head) and every candidate operation of a cell edge out
// of resolved networks this way, so NetworkModule builds them exactly as
// it builds any network.

#include "space/Network.h"

#include <cstddef>
#include <vector>

namespace archscape {

// `layers`: indices into `network`, ascending, none of them its input
// layer. They may read one layer outside the set (the slice's input; none
// for a slice that starts from constants) and only the last of them may be
// read by layers outside the set. Throws std::invalid_argument otherwise.
Network networkSlice(const Network& network, const std::vector<size_t>& layers);

} // namespace archscape
