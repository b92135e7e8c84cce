#pragma once
// Undoable: blocks and the edges between them added in one step (paste and
// duplicate). The blocks already carry fresh ids; undo removes them again.

#include "space/Block.h"
#include "space/Edge.h"

#include <QCoreApplication>
#include <QString>
#include <QUndoCommand>

#include <vector>

namespace archscape {

class SpaceDocument;

class PasteBlocksCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(PasteBlocksCommand)
public:
    PasteBlocksCommand(SpaceDocument* document, std::vector<Block> blocks, std::vector<Edge> edges,
                       const QString& text, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    std::vector<Block> blocks_;
    std::vector<Edge> edges_;
};

} // namespace archscape
