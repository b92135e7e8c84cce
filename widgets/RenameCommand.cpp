#include "RenameCommand.h"

#include "SpaceDocument.h"

namespace archscape {

RenameCommand::RenameCommand(SpaceDocument* document, Target target, std::string from,
                             std::string to, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), target_(target), from_(std::move(from)),
      to_(std::move(to))
{
    setText(tr("Rename %1 to %2").arg(QString::fromStdString(from_), QString::fromStdString(to_)));
}

void RenameCommand::redo()
{
    rename(from_, to_);
}

void RenameCommand::undo()
{
    rename(to_, from_);
}

void RenameCommand::rename(const std::string& from, const std::string& to)
{
    switch (target_) {
    case Target::Block:
        document_->renameBlock(from, to);
        break;
    case Target::SharedChoice:
        document_->renameSharedChoice(from, to);
        break;
    case Target::Cell:
        document_->renameCell(from, to);
        break;
    }
}

} // namespace archscape
