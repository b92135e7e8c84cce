#pragma once
// Undoable: a new edge from one block's output into an input port of another.

#include "space/Edge.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace archscape {

class SpaceDocument;

class ConnectCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConnectCommand)
public:
    ConnectCommand(SpaceDocument* document, Edge edge, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    Edge edge_;
    int index_;
};

} // namespace archscape
