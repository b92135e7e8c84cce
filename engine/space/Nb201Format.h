#pragma once
// NAS-Bench-201 architecture strings ("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|...|")
// and the engine's architectures, both ways, for a space with one cell
// definition of 4 nodes (the bundled nb201.json).

#include "ArchitectureCodec.h"

#include <string>

namespace archscape {

class Nb201Format
{
public:
    static bool looksLikeNb201(const std::string& text) { return !text.empty() && text[0] == '|'; }

    // The assignment the string spells out (not canonicalised, so it
    // converts back to the same string). Throws SpaceError on a bad string.
    static Architecture parse(const ArchitectureCodec& codec, const std::string& text);

    // Decisions a canonical architecture leaves out are written as "none".
    static std::string format(const ArchitectureCodec& codec, const Architecture& arch);

private:
    static const CellDefinition& theCell(const ArchitectureCodec& codec);
};

} // namespace archscape
