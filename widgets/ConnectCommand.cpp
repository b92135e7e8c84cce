#include "ConnectCommand.h"

#include "SpaceDocument.h"

namespace archscape {

ConnectCommand::ConnectCommand(SpaceDocument* document, Edge edge, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), edge_(std::move(edge)),
      index_(static_cast<int>(document->space().edges().size()))
{
    setText(tr("Connect %1 to %2")
                .arg(QString::fromStdString(edge_.from), QString::fromStdString(edge_.to)));
}

void ConnectCommand::redo()
{
    document_->insertEdge(edge_, index_);
}

void ConnectCommand::undo()
{
    document_->removeEdge(edge_);
}

} // namespace archscape
