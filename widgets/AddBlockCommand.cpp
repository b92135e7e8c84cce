#include "AddBlockCommand.h"

#include "SpaceDocument.h"

namespace archscape {

AddBlockCommand::AddBlockCommand(SpaceDocument* document, Block block, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), block_(std::move(block)),
      index_(static_cast<int>(document->space().blocks().size()))
{
    setText(tr("Add %1").arg(QString::fromStdString(block_.id)));
}

void AddBlockCommand::redo()
{
    document_->insertBlock(block_, index_);
}

void AddBlockCommand::undo()
{
    document_->removeBlock(block_.id);
}

} // namespace archscape
