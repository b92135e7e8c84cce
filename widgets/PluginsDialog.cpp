#include "PluginsDialog.h"

#include "plugin/PluginCatalog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace archscape {

namespace {

QString joined(const std::vector<std::string>& names, const QString& kind)
{
    QStringList parts;
    for (const auto& name : names)
        parts << kind.arg(QString::fromStdString(name));
    return parts.join(QStringLiteral(", "));
}

QString provides(const PluginRecord& record)
{
    QStringList parts;
    if (!record.strategies.empty())
        parts << joined(record.strategies, PluginsDialog::tr("strategy %1"));
    if (!record.evaluators.empty())
        parts << joined(record.evaluators, PluginsDialog::tr("evaluator %1"));
    if (!record.blockKinds.empty())
        parts << joined(record.blockKinds, PluginsDialog::tr("block kind %1"));
    return parts.isEmpty() ? PluginsDialog::tr("nothing") : parts.join(QStringLiteral(", "));
}

} // namespace

PluginsDialog::PluginsDialog(QWidget* parent) : QDialog(parent), table_(new QTableWidget(this))
{
    setWindowTitle(tr("Plugins"));
    auto* note = new QLabel(tr("Plugins are loaded at start-up from the built-in folder, the "
                               "folders of ARCHSCAPE_PLUGIN_PATH and the plugin folders in "
                               "Preferences."),
                            this);
    note->setWordWrap(true);
    table_->setColumnCount(5);
    table_->setHorizontalHeaderLabels(
        {tr("Name"), tr("Version"), tr("File"), tr("Provides"), tr("Status")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    fill();
    resize(900, 320);
}

void PluginsDialog::fill()
{
    const std::vector<PluginRecord> records = PluginCatalog::global().records();
    table_->setRowCount(static_cast<int>(records.size()));
    for (int row = 0; row < static_cast<int>(records.size()); ++row) {
        const PluginRecord& record = records[static_cast<size_t>(row)];
        const QString status = record.loaded()
                                   ? tr("loaded")
                                   : tr("refused: %1").arg(QString::fromStdString(record.refusal));
        const QStringList cells{QString::fromStdString(record.name),
                                QString::fromStdString(record.version),
                                QString::fromStdString(record.file),
                                record.loaded() ? provides(record) : QString(), status};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(record.loaded() ? QString::fromStdString(record.description) : status);
            table_->setItem(row, column, item);
        }
    }
    table_->resizeColumnsToContents();
}

} // namespace archscape
