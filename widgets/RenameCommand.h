#pragma once
// Undoable: renaming a top-level block (its edges follow), a shared choice
// (the parameters linked to it follow) or a cell definition (the Cell
// blocks naming it follow).

#include <QCoreApplication>
#include <QUndoCommand>

#include <string>

namespace archscape {

class SpaceDocument;

class RenameCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RenameCommand)
public:
    enum class Target { Block, SharedChoice, Cell };

    RenameCommand(SpaceDocument* document, Target target, std::string from, std::string to,
                  QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void rename(const std::string& from, const std::string& to);

    SpaceDocument* document_;
    Target target_;
    std::string from_;
    std::string to_;
};

} // namespace archscape
