#include "RemoveBlocksCommand.h"

#include "SpaceDocument.h"

#include <algorithm>

namespace archscape {

RemoveBlocksCommand::RemoveBlocksCommand(SpaceDocument* document,
                                         const std::vector<std::string>& blockIds,
                                         const std::vector<Edge>& edges, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document)
{
    const SearchSpace& space = document->space();
    auto removed = [&](const std::string& id) {
        return std::find(blockIds.begin(), blockIds.end(), id) != blockIds.end();
    };
    for (size_t i = 0; i < space.blocks().size(); ++i)
        if (removed(space.blocks()[i].id))
            blocks_.emplace_back(static_cast<int>(i), space.blocks()[i]);
    for (size_t i = 0; i < space.edges().size(); ++i) {
        const Edge& e = space.edges()[i];
        if (removed(e.from) || removed(e.to)
            || std::find(edges.begin(), edges.end(), e) != edges.end())
            edges_.emplace_back(static_cast<int>(i), e);
    }
    if (blocks_.size() == 1 && edges_.empty())
        setText(tr("Delete %1").arg(QString::fromStdString(blocks_.front().second.id)));
    else if (blocks_.empty())
        setText(tr("Delete %n connection(s)", nullptr, static_cast<int>(edges_.size())));
    else
        setText(tr("Delete %n block(s)", nullptr, static_cast<int>(blocks_.size())));
}

void RemoveBlocksCommand::redo()
{
    for (auto it = edges_.rbegin(); it != edges_.rend(); ++it)
        document_->removeEdge(it->second);
    for (const auto& [index, block] : blocks_)
        document_->removeBlock(block.id);
}

void RemoveBlocksCommand::undo()
{
    for (const auto& [index, block] : blocks_)
        document_->insertBlock(block, index);
    for (const auto& [index, edge] : edges_)
        document_->insertEdge(edge, index);
}

} // namespace archscape
