// Help > Plugins: the same table as `archscape-cli plugins`, with what each
// plugin provides (strategies, block kinds), the refused plugins with their
// reason.

#include "PluginsDialog.h"
#include "plugin/PluginCatalog.h"
#include "plugin/PluginInterface.h"
#include "search/StrategyRegistry.h"

#include <QTableWidget>
#include <QtTest>

using namespace archscape;

class TestPluginsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsLoadedAndRefusedPlugins();
};

namespace {

int rowWithFile(QTableWidget* table, const QString& fileName)
{
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 2)->text().endsWith("/" + fileName))
            return row;
    return -1;
}

} // namespace

void TestPluginsDialog::listsLoadedAndRefusedPlugins()
{
    StrategyRegistry::names(); // the default folder, with the built-in strategies
    PluginCatalog::global().loadFile(ARCHSCAPE_WRONG_VERSION_PLUGIN);
    PluginsDialog dialog;
    QTableWidget* table = dialog.table();
    QCOMPARE(table->rowCount(), static_cast<int>(PluginCatalog::global().records().size()));

    const int builtin = rowWithFile(table, "libarchscape_builtin_strategies.so");
    QVERIFY(builtin >= 0);
    QCOMPARE(table->item(builtin, 0)->text(), QString("builtin-strategies"));
    QVERIFY(table->item(builtin, 3)->text().startsWith("strategy random, strategy evolution"));
    QCOMPARE(table->item(builtin, 4)->text(), QString("loaded"));

    // A plugin of block kinds says which kinds it adds.
    const int blocks = rowWithFile(table, "libarchscape_resnet_blocks.so");
    QVERIFY(blocks >= 0);
    QCOMPARE(table->item(blocks, 0)->text(), QString("resnet-blocks"));
    QCOMPARE(table->item(blocks, 3)->text(),
             QString("block kind resblock, block kind bottleneck"));
    QCOMPARE(table->item(blocks, 4)->text(), QString("loaded"));

    const int refused = rowWithFile(table, "libWrongVersionPlugin.so");
    QVERIFY(refused >= 0);
    QVERIFY(table->item(refused, 0)->text().isEmpty());
    const QString refusal = QString("refused: built for plugin interface version %1, but this "
                                    "Archscape uses version %2")
                                .arg(ARCHSCAPE_PLUGIN_API_VERSION + 41)
                                .arg(ARCHSCAPE_PLUGIN_API_VERSION);
    QVERIFY2(table->item(refused, 4)->text().startsWith(refusal),
             qPrintable(table->item(refused, 4)->text()));
}

QTEST_MAIN(TestPluginsDialog)
#include "tst_pluginsdialog.moc"
