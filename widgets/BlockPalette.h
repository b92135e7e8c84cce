#pragma once
// The block palette: the engine's built-in kinds, grouped and coloured by
// family, then the kinds the loaded plugins add (BlockKindRegistry), with
// each kind's help as tooltip. Drag a kind onto the canvas to add a block,
// or double-click it to add one in the middle of the view. Kinds are named
// as in space files ("conv", "resblock").

#include "space/BlockKind.h"

#include <QListWidget>

#include <optional>
#include <string>

class QMimeData;

namespace archscape {

class BlockPalette : public QListWidget
{
    Q_OBJECT
public:
    static const char* const kMimeType; // data: the kind's file name, e.g. "conv"

    explicit BlockPalette(QWidget* parent = nullptr);

    static QMimeData* mimeFor(const std::string& kindName);
    // The kind a drag carries, when it names a kind this process knows.
    static std::optional<std::string> kindFromMime(const QMimeData* mime);
    // The row showing the kind of that name; nullptr when none does.
    QListWidgetItem* itemFor(const std::string& kindName) const;

    // Shows only the kinds whose name, display name, help, group or plugin
    // contains the text (any case), and the headers of their groups; empty
    // shows all.
    void setFilter(const QString& text);

Q_SIGNALS:
    void kindActivated(const QString& kindName);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;

private:
    void addHeader(const QString& family);
    void addKind(const BlockKindInfo& info, const QString& group, const QString& plugin);
};

} // namespace archscape
