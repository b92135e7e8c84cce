#pragma once
// The language of the user interface: the languages Archscape ships, the
// choice saved in the settings (empty: follow the system locale), and the
// translators that apply it at start-up. Archscape's own .qm files are
// embedded under :/i18n; Qt's (standard buttons, dialogs) are used where the
// system has them.

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

namespace archscape {

class UiLanguage
{
    Q_DECLARE_TR_FUNCTIONS(UiLanguage)

public:
    static constexpr const char* kSettingsKey = "ui/language";
    static constexpr const char* kResourceFolder = ":/i18n";

    struct Option
    {
        QString code;       // "en", "de", "zh_CN"
        QString nativeName; // "English", "Deutsch", "简体中文": what a reader of it looks for
    };
    static QList<Option> available();

    // The saved choice: a code from available(), or empty for the system locale.
    static QString saved();
    static void save(const QString& code);

    // The locale a choice stands for: the system's when `code` is empty.
    static QLocale locale(const QString& code);

    // Installs translators for the choice on the running application; they
    // live as long as it does. False when Archscape has no translation for
    // it (the interface stays English).
    static bool install(const QString& code);
};

} // namespace archscape
