#include "SetSpaceInfoCommand.h"

#include "SpaceDocument.h"

namespace archscape {

SetSpaceInfoCommand::SetSpaceInfoCommand(SpaceDocument* document, std::string name,
                                         std::string description, QUndoCommand* parent)
    : QUndoCommand(tr("Edit space name and description"), parent), document_(document),
      oldName_(document->space().name), oldDescription_(document->space().description),
      name_(std::move(name)), description_(std::move(description))
{
}

void SetSpaceInfoCommand::redo()
{
    document_->setSpaceInfo(name_, description_);
}

void SetSpaceInfoCommand::undo()
{
    document_->setSpaceInfo(oldName_, oldDescription_);
}

} // namespace archscape
