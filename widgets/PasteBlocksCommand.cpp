#include "PasteBlocksCommand.h"

#include "SpaceDocument.h"

namespace archscape {

PasteBlocksCommand::PasteBlocksCommand(SpaceDocument* document, std::vector<Block> blocks,
                                       std::vector<Edge> edges, const QString& text,
                                       QUndoCommand* parent)
    : QUndoCommand(text, parent), document_(document), blocks_(std::move(blocks)),
      edges_(std::move(edges))
{
}

void PasteBlocksCommand::redo()
{
    for (const Block& b : blocks_)
        document_->insertBlock(b);
    for (const Edge& e : edges_)
        document_->insertEdge(e);
}

void PasteBlocksCommand::undo()
{
    for (auto e = edges_.rbegin(); e != edges_.rend(); ++e)
        document_->removeEdge(*e);
    for (auto b = blocks_.rbegin(); b != blocks_.rend(); ++b)
        document_->removeBlock(b->id);
}

} // namespace archscape
