#include "BlockPalette.h"

#include "BlockHelpText.h"
#include "BlockStyle.h"

#include <QFontMetrics>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>

namespace archscape {

const char* const BlockPalette::kMimeType = "application/x-archscape-block-kind";

namespace {

constexpr int kKindRole = Qt::UserRole + 1;

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(28, 28);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(150), 2));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(3, 5, 22, 18), 4, 4);
    return QIcon(pixmap);
}

} // namespace

BlockPalette::BlockPalette(QWidget* parent) : QListWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(20, 20));
    setSpacing(1);
    // Grouped by family, families in the order the kinds table first names them.
    QStringList families;
    for (const BlockKindInfo& info : allBlockKinds())
        if (!families.contains(BlockStyle::familyName(info.kind)))
            families << BlockStyle::familyName(info.kind);
    QFont headerFont = font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 0.85);
    for (const QString& family : families) {
        auto* header = new QListWidgetItem(family.toUpper(), this);
        header->setFlags(Qt::NoItemFlags);
        header->setFont(headerFont);
        // Room above the capitals: the accents of "ZUSAMMENFÜHRUNG" were clipped.
        const QFontMetrics metrics(headerFont);
        header->setSizeHint(QSize(metrics.horizontalAdvance(header->text()) + 8, metrics.height() + 6));
        for (const BlockKindInfo& info : allBlockKinds()) {
            if (BlockStyle::familyName(info.kind) != family)
                continue;
            auto* item = new QListWidgetItem(swatch(BlockStyle::familyColor(info.kind)),
                                             QString::fromStdString(info.displayName), this);
            item->setData(kKindRole, static_cast<int>(info.kind));
            item->setToolTip(tr("<b>%1</b> (%2)<br>%3<br><i>Drag onto the canvas to add.</i>")
                                 .arg(QString::fromStdString(info.displayName).toHtmlEscaped(),
                                      family.toHtmlEscaped(),
                                      BlockHelpText::of(info).toHtmlEscaped()));
            item->setStatusTip(BlockHelpText::of(info));
        }
    }
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->data(kKindRole).isValid())
            Q_EMIT kindActivated(static_cast<BlockKind>(item->data(kKindRole).toInt()));
    });
}

QListWidgetItem* BlockPalette::itemFor(BlockKind kind) const
{
    for (int row = 0; row < count(); ++row)
        if (item(row)->data(kKindRole).isValid()
            && item(row)->data(kKindRole).toInt() == static_cast<int>(kind))
            return item(row);
    return nullptr;
}

QMimeData* BlockPalette::mimeFor(BlockKind kind)
{
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType),
                  QByteArray::fromStdString(blockKindInfo(kind).name));
    return mime;
}

std::optional<BlockKind> BlockPalette::kindFromMime(const QMimeData* mime)
{
    if (!mime || !mime->hasFormat(QString::fromLatin1(kMimeType)))
        return std::nullopt;
    return blockKindFromName(mime->data(QString::fromLatin1(kMimeType)).toStdString());
}

QStringList BlockPalette::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData* BlockPalette::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty() || !items.front()->data(kKindRole).isValid())
        return nullptr;
    return mimeFor(static_cast<BlockKind>(items.front()->data(kKindRole).toInt()));
}

} // namespace archscape
