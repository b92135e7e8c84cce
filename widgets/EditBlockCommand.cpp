#include "EditBlockCommand.h"

#include "SpaceDocument.h"

namespace archscape {

EditBlockCommand::EditBlockCommand(SpaceDocument* document, Block after, const QString& text,
                                   QUndoCommand* parent)
    : QUndoCommand(text, parent), document_(document), after_(std::move(after))
{
    if (const Block* b = document->space().block(after_.id))
        before_ = *b;
    else
        before_ = after_;
}

void EditBlockCommand::redo()
{
    document_->replaceBlock(after_);
}

void EditBlockCommand::undo()
{
    document_->replaceBlock(before_);
}

} // namespace archscape
