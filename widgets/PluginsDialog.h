#pragma once
// Help > Plugins: the plugins of this process, as `archscape-cli plugins`
// lists them: name, version, file and what each provides (strategies,
// evaluators, block kinds), and the refused ones with the reason.

#include <QDialog>

class QTableWidget;

namespace archscape {

class PluginsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PluginsDialog(QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }

private:
    void fill();

    QTableWidget* table_;
};

} // namespace archscape
