#pragma once
// Undoable: creating, changing (nodes, operations) or removing a cell
// definition, the inner graph every Cell block naming it shares.

#include "space/CellDefinition.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>
#include <string>

namespace archscape {

class SpaceDocument;

class SetCellCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetCellCommand)
public:
    // nullopt removes it.
    SetCellCommand(SpaceDocument* document, std::string name, std::optional<CellDefinition> cell,
                   QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    std::string name_;
    std::optional<CellDefinition> before_;
    std::optional<CellDefinition> after_;
};

} // namespace archscape
