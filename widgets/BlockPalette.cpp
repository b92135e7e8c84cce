#include "BlockPalette.h"

#include "BlockHelpText.h"
#include "BlockStyle.h"
#include "plugin/PluginCatalog.h"
#include "space/BlockKindRegistry.h"

#include <QFontMetrics>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>

#include <map>

namespace archscape {

const char* const BlockPalette::kMimeType = "application/x-archscape-block-kind";

namespace {

constexpr int kKindRole = Qt::UserRole + 1;   // the kind's name; headers have none
constexpr int kGroupRole = Qt::UserRole + 2;  // the group heading it
constexpr int kSearchRole = Qt::UserRole + 3; // what the filter matches

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

// Which loaded plugin provides each kind, by kind name.
std::map<std::string, std::string> pluginOfKinds()
{
    std::map<std::string, std::string> plugins;
    for (const PluginRecord& record : PluginCatalog::global().records())
        for (const std::string& kind : record.blockKinds)
            plugins[kind] = record.name;
    return plugins;
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
    for (const QString& family : families) {
        addHeader(family);
        for (const BlockKindInfo& info : allBlockKinds())
            if (BlockStyle::familyName(info.kind) == family)
                addKind(info, family, {});
    }
    const auto pluginKinds = BlockKindRegistry::all();
    if (!pluginKinds.empty()) {
        const QString group = BlockStyle::familyName(BlockKind::Extension);
        const auto plugins = pluginOfKinds();
        addHeader(group);
        for (const auto& info : pluginKinds) {
            auto plugin = plugins.find(info->name);
            addKind(*info, group,
                    plugin == plugins.end() ? QString() : QString::fromStdString(plugin->second));
        }
    }
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->data(kKindRole).isValid())
            Q_EMIT kindActivated(item->data(kKindRole).toString());
    });
}

void BlockPalette::addHeader(const QString& family)
{
    QFont headerFont = font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 0.85);
    auto* header = new QListWidgetItem(family.toUpper(), this);
    header->setFlags(Qt::NoItemFlags);
    header->setFont(headerFont);
    header->setData(kGroupRole, family);
    // Room above the capitals: the accents of "ZUSAMMENFÜHRUNG" were clipped.
    const QFontMetrics metrics(headerFont);
    header->setSizeHint(QSize(metrics.horizontalAdvance(header->text()) + 8, metrics.height() + 6));
}

void BlockPalette::addKind(const BlockKindInfo& info, const QString& group, const QString& plugin)
{
    const QString displayName = QString::fromStdString(info.displayName);
    const QString help = BlockHelpText::of(info);
    auto* item = new QListWidgetItem(swatch(BlockStyle::familyColor(info.kind)), displayName, this);
    item->setData(kKindRole, QString::fromStdString(info.name));
    item->setData(kGroupRole, group);
    item->setData(
        kSearchRole,
        QStringList{displayName, QString::fromStdString(info.name), help, group, plugin}.join(
            QLatin1Char('\n')));
    const QString origin = plugin.isEmpty() ? group : tr("plugin %1").arg(plugin);
    item->setToolTip(
        tr("<b>%1</b> (%2)<br>%3<br><i>Drag onto the canvas to add.</i>")
            .arg(displayName.toHtmlEscaped(), origin.toHtmlEscaped(), help.toHtmlEscaped()));
    item->setStatusTip(help);
}

QListWidgetItem* BlockPalette::itemFor(const std::string& kindName) const
{
    const QString name = QString::fromStdString(kindName);
    for (int row = 0; row < count(); ++row)
        if (item(row)->data(kKindRole).toString() == name)
            return item(row);
    return nullptr;
}

void BlockPalette::setFilter(const QString& text)
{
    const QString needle = text.trimmed();
    QMap<QString, bool> groupShown;
    for (int row = 0; row < count(); ++row) {
        QListWidgetItem* kind = item(row);
        if (!kind->data(kKindRole).isValid())
            continue;
        const bool shown = needle.isEmpty() ||
                           kind->data(kSearchRole).toString().contains(needle, Qt::CaseInsensitive);
        kind->setHidden(!shown);
        groupShown[kind->data(kGroupRole).toString()] |= shown;
    }
    for (int row = 0; row < count(); ++row)
        if (!item(row)->data(kKindRole).isValid())
            item(row)->setHidden(!groupShown.value(item(row)->data(kGroupRole).toString()));
}

QMimeData* BlockPalette::mimeFor(const std::string& kindName)
{
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), QByteArray::fromStdString(kindName));
    return mime;
}

std::optional<std::string> BlockPalette::kindFromMime(const QMimeData* mime)
{
    if (!mime || !mime->hasFormat(QString::fromLatin1(kMimeType)))
        return std::nullopt;
    const std::string name = mime->data(QString::fromLatin1(kMimeType)).toStdString();
    if (!BlockKindRegistry::blockOfKind(name))
        return std::nullopt;
    return name;
}

QStringList BlockPalette::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData* BlockPalette::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty() || !items.front()->data(kKindRole).isValid())
        return nullptr;
    return mimeFor(items.front()->data(kKindRole).toString().toStdString());
}

} // namespace archscape
