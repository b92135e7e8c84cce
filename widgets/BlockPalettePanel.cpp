#include "BlockPalettePanel.h"

#include "BlockPalette.h"

#include <QLineEdit>
#include <QVBoxLayout>

namespace archscape {

BlockPalettePanel::BlockPalettePanel(QWidget* parent)
    : QWidget(parent), filter_(new QLineEdit(this)), palette_(new BlockPalette(this))
{
    filter_->setObjectName(QStringLiteral("paletteFilter"));
    filter_->setPlaceholderText(tr("Filter blocks"));
    filter_->setClearButtonEnabled(true);
    filter_->setToolTip(tr("Shows the block kinds whose name, help, group or plugin contains "
                           "this text; Return adds the first one."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(filter_);
    layout->addWidget(palette_, 1);
    connect(filter_, &QLineEdit::textChanged, palette_, &BlockPalette::setFilter);
    connect(filter_, &QLineEdit::returnPressed, this, &BlockPalettePanel::activateFirstShown);
}

void BlockPalettePanel::activateFirstShown()
{
    for (int row = 0; row < palette_->count(); ++row) {
        QListWidgetItem* item = palette_->item(row);
        if (!item->isHidden() && (item->flags() & Qt::ItemIsEnabled)) {
            palette_->setCurrentItem(item);
            Q_EMIT palette_->itemActivated(item);
            return;
        }
    }
}

} // namespace archscape
