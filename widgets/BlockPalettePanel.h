#pragma once
// The palette dock's content: a filter field over the block palette. Typing
// narrows the palette to the kinds that match; Return adds the first one
// shown, as a double-click on it would.

#include <QWidget>

class QLineEdit;

namespace archscape {

class BlockPalette;

class BlockPalettePanel : public QWidget
{
    Q_OBJECT
public:
    explicit BlockPalettePanel(QWidget* parent = nullptr);

    BlockPalette* palette() const { return palette_; }
    QLineEdit* filter() const { return filter_; }

private:
    void activateFirstShown();

    QLineEdit* filter_;
    BlockPalette* palette_;
};

} // namespace archscape
