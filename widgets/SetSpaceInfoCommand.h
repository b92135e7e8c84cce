#pragma once
// Undoable: the space's name and description.

#include <QCoreApplication>
#include <QUndoCommand>

#include <string>

namespace archscape {

class SpaceDocument;

class SetSpaceInfoCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetSpaceInfoCommand)
public:
    SetSpaceInfoCommand(SpaceDocument* document, std::string name, std::string description,
                        QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    SpaceDocument* document_;
    std::string oldName_, oldDescription_, name_, description_;
};

} // namespace archscape
