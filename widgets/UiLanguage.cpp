#include "UiLanguage.h"

#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace archscape {

namespace {

bool installTranslator(const QLocale& locale, const QString& file, const QString& folder)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, file, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QList<UiLanguage::Option> UiLanguage::available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString UiLanguage::saved()
{
    const QString code = QSettings().value(QLatin1String(kSettingsKey)).toString();
    for (const Option& option : available())
        if (option.code == code)
            return code;
    return {}; // unset, or a language this version no longer ships
}

void UiLanguage::save(const QString& code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kSettingsKey));
    else
        settings.setValue(QLatin1String(kSettingsKey), code);
}

QLocale UiLanguage::locale(const QString& code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool UiLanguage::install(const QString& code)
{
    const QLocale chosen = locale(code);
    installTranslator(chosen, QStringLiteral("qt"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installTranslator(chosen, QStringLiteral("archscape"), QLatin1String(kResourceFolder));
}

} // namespace archscape
