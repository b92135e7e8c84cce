#pragma once
// Copy and paste of blocks: a selection becomes a space fragment in the
// space file format (the blocks, the edges between them, and the shared
// choices and cells they use), and a fragment becomes blocks with fresh ids,
// offset from where they were, ready for a PasteBlocksCommand.

#include "space/SearchSpace.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QMimeData;

namespace archscape {

struct PastedBlocks
{
    std::vector<Block> blocks;
    std::vector<Edge> edges;
    // Those the target space lacks: added with the blocks.
    std::map<std::string, std::vector<Value>> sharedChoices;
    std::vector<CellDefinition> cells;
};

class BlockClipboard
{
public:
    static const char* const kMimeType;

    // The blocks `ids` of `space` with the edges among them, as JSON.
    static std::string fragment(const SearchSpace& space, const QStringList& ids);
    // Throws SpaceError when `json` is not a space fragment.
    static PastedBlocks paste(const SearchSpace& target, const std::string& json, QPointF offset);

    static QMimeData* mimeFor(const std::string& fragment);
    // The fragment on the clipboard, or "" when there is none.
    static std::string fragmentFrom(const QMimeData* mime);
};

} // namespace archscape
