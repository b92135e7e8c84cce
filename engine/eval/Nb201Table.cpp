#include "Nb201Table.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace archscape {

namespace {

std::vector<std::string> splitCsv(const std::string& line)
{
    std::vector<std::string> cells;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, ','))
        cells.push_back(cell);
    if (!line.empty() && line.back() == ',')
        cells.emplace_back();
    return cells;
}

} // namespace

Nb201Table::Nb201Table(const std::string& csvPath)
{
    std::ifstream in(csvPath);
    if (!in)
        throw std::runtime_error(csvPath + ": cannot open the NAS-Bench-201 table: "
                                 + std::strerror(errno));
    std::string line;
    if (!std::getline(in, line))
        throw std::runtime_error(csvPath + ": the table is empty");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    std::vector<std::string> header = splitCsv(line);
    auto column = [&](const std::string& name) {
        for (size_t i = 0; i < header.size(); ++i)
            if (header[i] == name)
                return static_cast<int>(i);
        throw std::runtime_error(csvPath + ": not a NAS-Bench-201 table (no column '" + name
                                 + "')");
    };
    const int index = column("index"), arch = column("arch"),
              valid = column("cifar10_valid_acc"), test = column("cifar10_test_acc"),
              time = column("train_time_s");
    std::vector<int> latencyColumns;
    for (size_t i = 0; i < header.size(); ++i)
        if (header[i].rfind("latency_ms_", 0) == 0) {
            devices_.push_back(header[i].substr(11));
            latencyColumns.push_back(static_cast<int>(i));
        }
    int lineNumber = 1;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        std::vector<std::string> cells = splitCsv(line);
        if (cells.size() != header.size())
            throw std::runtime_error(csvPath + ":" + std::to_string(lineNumber) + ": expected "
                                     + std::to_string(header.size()) + " columns, found "
                                     + std::to_string(cells.size()));
        auto number = [&](int col) {
            const std::string& text = cells[static_cast<size_t>(col)];
            char* end = nullptr;
            double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0')
                throw std::runtime_error(csvPath + ":" + std::to_string(lineNumber) + ": '"
                                         + text + "' in column " + header[static_cast<size_t>(col)]
                                         + " is not a number");
            return v;
        };
        Nb201Row row;
        row.index = static_cast<int>(number(index));
        row.validAcc = number(valid);
        row.testAcc = number(test);
        row.trainTimeS = number(time);
        for (int c : latencyColumns)
            row.latencyMs.push_back(number(c));
        rows_[cells[static_cast<size_t>(arch)]] = std::move(row);
    }
    if (rows_.empty())
        throw std::runtime_error(csvPath + ": the table has no rows");
}

const Nb201Row* Nb201Table::find(const std::string& archString) const
{
    auto it = rows_.find(archString);
    return it == rows_.end() ? nullptr : &it->second;
}

int Nb201Table::deviceIndex(const std::string& device) const
{
    for (size_t i = 0; i < devices_.size(); ++i)
        if (devices_[i] == device)
            return static_cast<int>(i);
    return -1;
}

} // namespace archscape
