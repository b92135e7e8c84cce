#pragma once
// Undoable: a top-level block replaced by an edited copy with the same id:
// its label, a Choice's alternatives (added, removed, renamed) or a
// Repeat's body. Parameters of one block go through SetParameterCommand.

#include "space/Block.h"

#include <QString>
#include <QUndoCommand>

namespace archscape {

class SpaceDocument;

class EditBlockCommand : public QUndoCommand
{
public:
    EditBlockCommand(SpaceDocument* document, Block after, const QString& text,
                     QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    Block before_;
    Block after_;
};

} // namespace archscape
