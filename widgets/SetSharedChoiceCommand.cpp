#include "SetSharedChoiceCommand.h"

#include "SpaceDocument.h"

namespace archscape {

SetSharedChoiceCommand::SetSharedChoiceCommand(SpaceDocument* document, std::string name,
                                               std::optional<std::vector<Value>> values,
                                               QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), name_(std::move(name)), after_(std::move(values))
{
    const auto& shared = document->space().sharedChoices();
    if (auto it = shared.find(name_); it != shared.end())
        before_ = it->second;
    const QString n = QString::fromStdString(name_);
    setText(!after_   ? tr("Remove shared choice %1").arg(n)
            : before_ ? tr("Change shared choice %1").arg(n)
                      : tr("Create shared choice %1").arg(n));
}

void SetSharedChoiceCommand::redo()
{
    document_->setSharedChoice(name_, after_);
}

void SetSharedChoiceCommand::undo()
{
    document_->setSharedChoice(name_, before_);
}

} // namespace archscape
