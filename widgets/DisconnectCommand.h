#pragma once
// Undoable: removing one edge; undo puts it back at its old place.

#include "space/Edge.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace archscape {

class SpaceDocument;

class DisconnectCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(DisconnectCommand)
public:
    DisconnectCommand(SpaceDocument* document, Edge edge, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    Edge edge_;
    int index_ = -1;
};

} // namespace archscape
