#pragma once
// Undoable: creating, changing or removing a named shared choice (one
// decision that several parameters link to).

#include "space/Value.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>
#include <string>
#include <vector>

namespace archscape {

class SpaceDocument;

class SetSharedChoiceCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetSharedChoiceCommand)
public:
    // nullopt removes it.
    SetSharedChoiceCommand(SpaceDocument* document, std::string name,
                           std::optional<std::vector<Value>> values,
                           QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    std::string name_;
    std::optional<std::vector<Value>> before_;
    std::optional<std::vector<Value>> after_;
};

} // namespace archscape
