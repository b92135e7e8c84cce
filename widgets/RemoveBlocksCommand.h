#pragma once
// Undoable: deleting blocks (with every edge touching them) and edges. Undo
// puts each block and edge back at its old place in the space's lists, so
// the space is restored exactly.

#include "space/Block.h"
#include "space/Edge.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <string>
#include <utility>
#include <vector>

namespace archscape {

class SpaceDocument;

class RemoveBlocksCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveBlocksCommand)
public:
    RemoveBlocksCommand(SpaceDocument* document, const std::vector<std::string>& blockIds,
                        const std::vector<Edge>& edges = {}, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    std::vector<std::pair<int, Block>> blocks_; // by ascending index
    std::vector<std::pair<int, Edge>> edges_;   // by ascending index
};

} // namespace archscape
