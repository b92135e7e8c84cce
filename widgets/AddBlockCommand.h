#pragma once
// Undoable: a new block on the canvas (dropped from the palette).

#include "space/Block.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace archscape {

class SpaceDocument;

class AddBlockCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddBlockCommand)
public:
    AddBlockCommand(SpaceDocument* document, Block block, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    const std::string& blockId() const { return block_.id; }

private:
    SpaceDocument* document_;
    Block block_;
    int index_;
};

} // namespace archscape
