#pragma once
// Edit > Preferences: the interface language (the system's, or one that
// Archscape ships; applied at the next start) and the folders the plugin
// loader searches. Both are kept in QSettings when the dialog is accepted.

#include <QDialog>
#include <QString>
#include <QStringList>

class QComboBox;
class QListWidget;
class QPushButton;

namespace archscape {

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    // QStringList of folders, read by the plugin loader.
    static constexpr const char* kPluginFoldersKey = "plugins/folders";

    explicit PreferencesDialog(QWidget* parent = nullptr);

    // The language code chosen (see UiLanguage), empty for the system's.
    QString language() const;
    void setLanguage(const QString& code);
    QStringList pluginFolders() const;
    // Adds a folder unless it is listed already; false when it was.
    bool addPluginFolder(const QString& folder);
    void removeSelectedPluginFolders();

    // Writes the choices to QSettings; accept() calls it.
    void save() const;
    void accept() override;

private:
    void browseForPluginFolder();
    void load();

    QComboBox* language_;
    QListWidget* pluginFolders_;
    QPushButton* removeFolder_;
};

} // namespace archscape
