#pragma once
// The help texts of block kinds and their parameters in the interface
// language. The engine's table (engine/space/BlockKind.cpp) holds them in
// English; they are listed again in BlockHelpText.cpp so that lupdate finds
// them, and tst_translations checks that the two lists agree. A plugin's
// block kind shows its own help text as the plugin wrote it.

#include "space/BlockKind.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace archscape {

class BlockHelpText
{
    Q_DECLARE_TR_FUNCTIONS(BlockHelpText)

public:
    static QString of(const BlockKindInfo& info);
    static QString of(const ParamSpec& spec);
    // The English texts listed for translation.
    static QStringList listed();
};

} // namespace archscape
