#include "PreferencesDialog.h"

#include "UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace archscape {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent), language_(new QComboBox(this)), pluginFolders_(new QListWidget(this)),
      removeFolder_(new QPushButton(tr("&Remove"), this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    language_->setObjectName(QStringLiteral("languageCombo"));
    const QString systemLanguage = QLocale::system().nativeLanguageName(); // empty for "C"
    language_->addItem(systemLanguage.isEmpty() ? tr("System language")
                                                : tr("System language (%1)").arg(systemLanguage),
                       QString());
    for (const UiLanguage::Option& option : UiLanguage::available())
        language_->addItem(option.nativeName, option.code);
    auto* languageNote =
        new QLabel(tr("The new language is used the next time Archscape starts."), this);
    languageNote->setWordWrap(true);
    auto* languageBox = new QGroupBox(tr("Language"), this);
    auto* languageForm = new QFormLayout(languageBox);
    languageForm->addRow(tr("&Interface language:"), language_);
    languageForm->addRow(languageNote);

    pluginFolders_->setObjectName(QStringLiteral("pluginFolders"));
    pluginFolders_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* addFolder = new QPushButton(tr("&Add…"), this);
    addFolder->setObjectName(QStringLiteral("addPluginFolder"));
    removeFolder_->setObjectName(QStringLiteral("removePluginFolder"));
    removeFolder_->setEnabled(false);
    connect(addFolder, &QPushButton::clicked, this, &PreferencesDialog::browseForPluginFolder);
    connect(removeFolder_, &QPushButton::clicked, this,
            &PreferencesDialog::removeSelectedPluginFolders);
    connect(pluginFolders_, &QListWidget::itemSelectionChanged, this,
            [this] { removeFolder_->setEnabled(!pluginFolders_->selectedItems().isEmpty()); });
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(addFolder);
    buttons->addWidget(removeFolder_);
    buttons->addStretch();
    auto* pluginNote = new QLabel(tr("Archscape loads strategy, evaluator and block plugins from "
                                     "these folders when it starts."),
                                  this);
    pluginNote->setWordWrap(true);
    auto* pluginBox = new QGroupBox(tr("Plugin folders"), this);
    auto* pluginLayout = new QVBoxLayout(pluginBox);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(pluginFolders_, 1);
    listRow->addLayout(buttons);
    pluginLayout->addLayout(listRow);
    pluginLayout->addWidget(pluginNote);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(languageBox);
    layout->addWidget(pluginBox, 1);
    layout->addWidget(box);
    resize(520, 420);
    load();
}

QString PreferencesDialog::language() const
{
    return language_->currentData().toString();
}

void PreferencesDialog::setLanguage(const QString& code)
{
    const int index = language_->findData(code);
    language_->setCurrentIndex(index < 0 ? 0 : index);
}

QStringList PreferencesDialog::pluginFolders() const
{
    QStringList folders;
    for (int i = 0; i < pluginFolders_->count(); ++i)
        folders << pluginFolders_->item(i)->text();
    return folders;
}

bool PreferencesDialog::addPluginFolder(const QString& folder)
{
    const QString clean = QDir::toNativeSeparators(QDir::cleanPath(folder));
    if (clean.isEmpty() || pluginFolders().contains(clean))
        return false;
    pluginFolders_->addItem(clean);
    return true;
}

void PreferencesDialog::removeSelectedPluginFolders()
{
    qDeleteAll(pluginFolders_->selectedItems());
}

void PreferencesDialog::save() const
{
    UiLanguage::save(language());
    QSettings settings;
    QStringList folders;
    for (const QString& folder : pluginFolders())
        folders << QDir::fromNativeSeparators(folder);
    settings.setValue(QLatin1String(kPluginFoldersKey), folders);
}

void PreferencesDialog::accept()
{
    save();
    QDialog::accept();
}

void PreferencesDialog::browseForPluginFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Add a Plugin Folder"), QDir::homePath());
    if (!folder.isEmpty())
        addPluginFolder(folder);
}

void PreferencesDialog::load()
{
    setLanguage(UiLanguage::saved());
    const QStringList folders = QSettings().value(QLatin1String(kPluginFoldersKey)).toStringList();
    for (const QString& folder : folders)
        addPluginFolder(folder);
}

} // namespace archscape
