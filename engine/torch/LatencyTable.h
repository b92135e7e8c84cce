#pragma once
// A per-operation latency lookup table for one device: each distinct
// operation (kind, attributes, input and output shapes, batch size) timed
// once in isolation, and a whole architecture's latency estimated as the
// sum of its operations, as FBNet and ProxylessNAS estimate it. Saved as
// JSON in the study (study artifact "latency_table", named by device), so
// that a search times each operation once.

#include "space/Network.h"

#include <c10/core/Device.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace archscape {

class LatencyMeter;
class StudyStorage;

class LatencyTable
{
public:
    static constexpr const char* kArtifactKind = "latency_table";

    explicit LatencyTable(std::string device) : device_(std::move(device)) {}

    // "cuda:0", or "cpu/2t" for the CPU with LibTorch's current thread
    // count: CPU timings hold only for the thread count they ran with.
    static std::string deviceLabel(c10::Device device);
    // What identifies an operation: its kind and everything that changes
    // its cost, e.g. "Conv 16×32×32 -> 32×32×32 k3 s1 p1 g1 bias0 @b1".
    static std::string operationKey(const Network& net, size_t layer, int64_t batch);

    const std::string& device() const { return device_; }
    size_t size() const { return entries_.size(); }
    const std::map<std::string, double>& entries() const { return entries_; }

    // Times every operation of `net` that reaches its output and is not in
    // the table yet (and the cost of one forward call, once per batch
    // size), with `meter` on its device. Returns how many it timed.
    int measureMissing(const Network& net, const LatencyMeter& meter);
    // The forward call's own cost plus each operation's time beyond it,
    // for the layers that reach the output. Throws std::out_of_range
    // naming an operation the table lacks.
    double estimateMs(const Network& net, int64_t batch = 1) const;

    std::string toJson() const;
    // Throws std::invalid_argument for a document that is not a latency table.
    static LatencyTable fromJson(const std::string& json);

    void saveTo(StudyStorage& storage) const;
    static std::optional<LatencyTable> loadFrom(const StudyStorage& storage,
                                                const std::string& device);

private:
    static std::string overheadKey(int64_t batch);

    std::string device_;
    std::map<std::string, double> entries_; // milliseconds
};

} // namespace archscape
