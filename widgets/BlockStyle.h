#pragma once
// How the canvas and the palette colour things: one colour per family of
// block kinds (convolutions, pooling, searchable structure, ...), port
// colours by what flows through them, and the canvas palette.

#include "space/BlockKind.h"

#include <QColor>
#include <QString>

namespace archscape {

class BlockStyle
{
public:
    static QColor familyColor(BlockKind kind);
    static QString familyName(BlockKind kind);
    static QColor portColor(PortType type);

    static QColor canvasBackground() { return QColor(0x23, 0x26, 0x2a); }
    static QColor gridMinor() { return QColor(0x2b, 0x2f, 0x34); }
    static QColor gridMajor() { return QColor(0x35, 0x3a, 0x41); }
    static QColor nodeBody() { return QColor(0x3b, 0x40, 0x46); }
    static QColor nodeText() { return QColor(0xee, 0xee, 0xee); }
    static QColor nodeSubtleText() { return QColor(0xb4, 0xbb, 0xc2); }
    static QColor selection() { return QColor(0xff, 0xb3, 0x47); }
    static QColor problem() { return QColor(0xe5, 0x48, 0x4d); }
    static QColor connection() { return QColor(0x9a, 0xa5, 0xb1); }
};

} // namespace archscape
