#pragma once
// The NAS-Bench-201 CIFAR-10 table (one row per cell string): validation
// and test accuracy, training time and measured latencies on several
// devices. Read from the CSV the user points at; see shared/data/README.md.

#include <string>
#include <unordered_map>
#include <vector>

namespace archscape {

struct Nb201Row
{
    int index = 0;
    double validAcc = 0.0;
    double testAcc = 0.0;
    double trainTimeS = 0.0;
    std::vector<double> latencyMs; // per device, in devices() order
};

class Nb201Table
{
public:
    // Throws std::runtime_error naming the file and line on a bad table.
    explicit Nb201Table(const std::string& csvPath);

    const Nb201Row* find(const std::string& archString) const;
    size_t size() const { return rows_.size(); }
    const std::vector<std::string>& devices() const { return devices_; }
    int deviceIndex(const std::string& device) const; // -1 when absent
    const std::unordered_map<std::string, Nb201Row>& rows() const { return rows_; }

private:
    std::vector<std::string> devices_;
    std::unordered_map<std::string, Nb201Row> rows_;
};

} // namespace archscape
