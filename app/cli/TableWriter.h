#pragma once
// Prints rows as an aligned text table or as CSV (RFC 4180 quoting).

#include <ostream>
#include <string>
#include <vector>

namespace archscape::cli {

class TableWriter
{
public:
    explicit TableWriter(std::vector<std::string> header) : header_(std::move(header)) {}
    void addRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void printText(std::ostream& out) const;
    void printCsv(std::ostream& out) const;

    static std::string number(double value, int precision = 4);

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

} // namespace archscape::cli
