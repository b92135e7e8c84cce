#include "TableWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace archscape::cli {

namespace {
size_t displayWidth(const std::string& s)
{
    // UTF-8 continuation bytes take no column.
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string quoted = "\"";
    for (char c : s)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}
} // namespace

void TableWriter::printText(std::ostream& out) const
{
    std::vector<size_t> widths;
    for (const auto& h : header_)
        widths.push_back(displayWidth(h));
    for (const auto& row : rows_)
        for (size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (size_t i = 0; i < cells.size(); ++i) {
            text += cells[i];
            if (i + 1 < cells.size())
                text += std::string(widths[i] - displayWidth(cells[i]) + 2, ' ');
        }
        out << text << "\n";
    };
    line(header_);
    for (const auto& row : rows_)
        line(row);
}

void TableWriter::printCsv(std::ostream& out) const
{
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i)
            out << (i ? "," : "") << csvField(cells[i]);
        out << "\n";
    };
    line(header_);
    for (const auto& row : rows_)
        line(row);
}

std::string TableWriter::number(double value, int precision)
{
    if (std::isnan(value))
        return "";
    if (std::fabs(value) >= 1e6 && std::floor(value) == value)
        return std::to_string(static_cast<long long>(value));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", std::max(precision, 1) + 2, value);
    return buffer;
}

} // namespace archscape::cli
