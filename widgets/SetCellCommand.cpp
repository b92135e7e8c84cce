#include "SetCellCommand.h"

#include "SpaceDocument.h"

namespace archscape {

SetCellCommand::SetCellCommand(SpaceDocument* document, std::string name,
                               std::optional<CellDefinition> cell, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), name_(std::move(name)), after_(std::move(cell))
{
    const auto& cells = document->space().cells();
    if (auto it = cells.find(name_); it != cells.end())
        before_ = it->second;
    const QString n = QString::fromStdString(name_);
    setText(!after_   ? tr("Remove cell %1").arg(n)
            : before_ ? tr("Change cell %1").arg(n)
                      : tr("Create cell %1").arg(n));
}

void SetCellCommand::redo()
{
    document_->setCell(name_, after_);
}

void SetCellCommand::undo()
{
    document_->setCell(name_, before_);
}

} // namespace archscape
