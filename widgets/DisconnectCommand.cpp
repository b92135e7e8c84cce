#include "DisconnectCommand.h"

#include "SpaceDocument.h"

#include <algorithm>

namespace archscape {

DisconnectCommand::DisconnectCommand(SpaceDocument* document, Edge edge, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), edge_(std::move(edge))
{
    const auto& edges = document->space().edges();
    auto it = std::find(edges.begin(), edges.end(), edge_);
    if (it != edges.end())
        index_ = static_cast<int>(it - edges.begin());
    setText(tr("Disconnect %1 from %2")
                .arg(QString::fromStdString(edge_.from), QString::fromStdString(edge_.to)));
}

void DisconnectCommand::redo()
{
    document_->removeEdge(edge_);
}

void DisconnectCommand::undo()
{
    document_->insertEdge(edge_, index_);
}

} // namespace archscape
