#include "PlaceholderStack.h"

#include <QLabel>

namespace archscape {

PlaceholderStack::PlaceholderStack(QWidget* view, const QString& message, QWidget* parent)
    : QStackedWidget(parent), view_(view), placeholder_(new QLabel(message, this))
{
    placeholder_->setObjectName(QStringLiteral("placeholder"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setMargin(16);
    // The grey of the architecture view's "Select a trial…" message.
    placeholder_->setStyleSheet(QStringLiteral("color: #555d66"));
    placeholder_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addWidget(view_);
    addWidget(placeholder_);
    setPlaceholderShown(true);
}

void PlaceholderStack::setPlaceholderShown(bool shown)
{
    setCurrentWidget(shown ? static_cast<QWidget*>(placeholder_) : view_);
}

} // namespace archscape
