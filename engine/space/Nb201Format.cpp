#include "Nb201Format.h"

#include "SpaceError.h"

namespace archscape {

const CellDefinition& Nb201Format::theCell(const ArchitectureCodec& codec)
{
    const auto& cells = codec.space().cells();
    if (cells.size() != 1 || cells.begin()->second.nodes != 4)
        throw SpaceError("", "", "NAS-Bench-201 strings need a space with exactly one cell "
                                 "definition of 4 nodes");
    return cells.begin()->second;
}

Architecture Nb201Format::parse(const ArchitectureCodec& codec, const std::string& text)
{
    const CellDefinition& cell = theCell(codec);
    Architecture arch = codec.defaultArchitecture();
    auto bad = [&text](const std::string& why) {
        return SpaceError("", "", "'" + text + "' is not a NAS-Bench-201 string: " + why);
    };
    std::vector<std::string> groups;
    size_t start = 0;
    while (true) {
        size_t plus = text.find('+', start);
        groups.push_back(text.substr(start, plus == std::string::npos ? plus : plus - start));
        if (plus == std::string::npos)
            break;
        start = plus + 1;
    }
    if (groups.size() != 3)
        throw bad("it needs 3 groups separated by '+'");
    for (int node = 1; node <= 3; ++node) {
        const std::string& g = groups[static_cast<size_t>(node - 1)];
        if (g.size() < 2 || g.front() != '|' || g.back() != '|')
            throw bad("each group is enclosed in '|'");
        std::vector<std::string> items;
        size_t pos = 1;
        while (pos < g.size()) {
            size_t bar = g.find('|', pos);
            items.push_back(g.substr(pos, bar - pos));
            pos = bar + 1;
        }
        if (static_cast<int>(items.size()) != node)
            throw bad("node " + std::to_string(node) + " needs " + std::to_string(node)
                      + " operations");
        for (int j = 0; j < node; ++j) {
            const std::string& item = items[static_cast<size_t>(j)];
            size_t tilde = item.find('~');
            if (tilde == std::string::npos || item.substr(tilde + 1) != std::to_string(j))
                throw bad("'" + item + "' should be op~" + std::to_string(j));
            std::string op = item.substr(0, tilde);
            int d = codec.decisions().find(DecisionSet::cellEdgeKey(cell.name, j, node));
            int option = -1;
            for (size_t k = 0; k < cell.ops.size(); ++k)
                if (cell.ops[k] == op)
                    option = static_cast<int>(k);
            if (option < 0)
                throw bad("unknown operation '" + op + "'");
            if (d >= 0)
                arch.choices[static_cast<size_t>(d)] = option;
        }
    }
    return arch;
}

std::string Nb201Format::format(const ArchitectureCodec& codec, const Architecture& arch)
{
    const CellDefinition& cell = theCell(codec);
    std::string text;
    for (int node = 1; node <= 3; ++node) {
        if (node > 1)
            text += '+';
        text += '|';
        for (int j = 0; j < node; ++j) {
            int d = codec.decisions().find(DecisionSet::cellEdgeKey(cell.name, j, node));
            int option = d < 0 ? 0 : arch.choices[static_cast<size_t>(d)];
            text += (option < 0 ? std::string("none") : cell.ops[static_cast<size_t>(option)])
                    + "~" + std::to_string(j) + "|";
        }
    }
    return text;
}

} // namespace archscape
