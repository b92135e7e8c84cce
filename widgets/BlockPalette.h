#pragma once
// The block palette: every kind in the engine's kinds table, coloured by
// family, with the kind's help as tooltip. Drag a kind onto the canvas to
// add a block, or double-click it to add one in the middle of the view.

#include "space/BlockKind.h"

#include <QListWidget>

#include <optional>

class QMimeData;

namespace archscape {

class BlockPalette : public QListWidget
{
    Q_OBJECT
public:
    static const char* const kMimeType; // data: the kind's file name, e.g. "conv"

    explicit BlockPalette(QWidget* parent = nullptr);

    static QMimeData* mimeFor(BlockKind kind);
    static std::optional<BlockKind> kindFromMime(const QMimeData* mime);
    // The row showing `kind`.
    QListWidgetItem* itemFor(BlockKind kind) const;

Q_SIGNALS:
    void kindActivated(archscape::BlockKind kind);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

} // namespace archscape
