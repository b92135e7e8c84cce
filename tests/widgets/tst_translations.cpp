// The translations a user gets: every compiled .qm loads, the German and
// Chinese .ts files are complete (nothing unfinished, empty or obsolete,
// the same placeholders and shortcut markers as the English text), no tr()
// string in the sources is missing from them (lupdate run afresh), the
// language follows the system locale or the saved choice, and the main
// window's menus and docks come up translated. The Preferences dialog keeps
// the language and the plugin folders in QSettings.

#include "BlockHelpText.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "UiLanguage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <memory>

using namespace archscape;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;      // translation type: "", "unfinished", "obsolete", "vanished"
    QStringList forms; // the translation, or each numerus form
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
};

// Reads a Qt Linguist .ts file; fails the test on malformed XML.
TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read %1").arg(path)), __FILE__, __LINE__);
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{};
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            ts.messages << message;
        }
    }
    if (xml.hasError())
        QTest::qFail(qPrintable(QStringLiteral("%1: %2 at line %3")
                                    .arg(path, xml.errorString())
                                    .arg(xml.lineNumber())),
                     __FILE__, __LINE__);
    return ts;
}

QString translationsFolder()
{
    return qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + QStringLiteral("/translations");
}

// %1..%99 (also as %L1), the arguments a translation must keep.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("%L?([1-9][0-9]?)"));
    QSet<QString> found;
    for (const auto& match : marker.globalMatch(text))
        found << match.captured(1);
    return found;
}

// A shortcut marker: '&' before a letter, not "&&" and not an entity (&nbsp;).
bool hasShortcut(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("(?<!&)&(?!&)(?![a-z]+;)\\w"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    return marker.match(text).hasMatch();
}

// The shipped languages whose every string must be translated.
const QStringList kTranslatedLanguages = {QStringLiteral("de"), QStringLiteral("zh_CN")};

// Removes the translators UiLanguage::install left on the application.
void removeInstalledTranslators()
{
    qDeleteAll(qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly));
}

QStringList menuTitles(const MainWindow& window)
{
    QStringList titles;
    for (QAction* action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyTsFileIsCompiledAndLoads();
    void translationsAreComplete_data();
    void translationsAreComplete();
    void noSourceStringIsMissing();
    void languageFollowsTheSystemLocale();
    void savedChoiceOverridesTheSystem();
    void mainWindowComesUpInGerman();
    void blockHelpFollowsTheEngine();
    void mainWindowComesUpInChinese();
    void preferencesKeepLanguageAndPluginFolders();

private:
    QTemporaryDir settingsDir_;
};

void TestTranslations::initTestCase()
{
    QVERIFY(settingsDir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QCoreApplication::setOrganizationName(QStringLiteral("ArchscapeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    QVERIFY2(QDir(translationsFolder()).exists(), qPrintable(translationsFolder()));
}

void TestTranslations::cleanup()
{
    removeInstalledTranslators();
    QSettings().clear();
}

void TestTranslations::everyTsFileIsCompiledAndLoads()
{
    const QStringList tsFiles =
        QDir(translationsFolder()).entryList({QStringLiteral("archscape_*.ts")}, QDir::Files);
    QStringList shipped;
    for (const UiLanguage::Option& option : UiLanguage::available())
        shipped << QStringLiteral("archscape_%1.ts").arg(option.code);
    QCOMPARE(QSet<QString>(tsFiles.begin(), tsFiles.end()),
             QSet<QString>(shipped.begin(), shipped.end()));

    for (const QString& ts : tsFiles) {
        const QString qm =
            QStringLiteral("%1/%2.qm")
                .arg(QLatin1String(UiLanguage::kResourceFolder), QFileInfo(ts).completeBaseName());
        QVERIFY2(QFile::exists(qm), qPrintable(qm + QStringLiteral(" is not embedded")));
        QTranslator translator;
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QVERIFY2(!translator.isEmpty(), qPrintable(qm + QStringLiteral(" holds no translation")));
    }
    // English is the source language: only its plural forms are spelled out.
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/archscape_en.qm")));
    QCOMPARE(english.translate("MoveBlocksCommand", "Move %n block(s)", nullptr, 1),
             QStringLiteral("Move %n block"));
    QCOMPARE(english.translate("MoveBlocksCommand", "Move %n block(s)", nullptr, 3),
             QStringLiteral("Move %n blocks"));
}

void TestTranslations::translationsAreComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("de") << QStringLiteral("de") << 2;
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1;
}

void TestTranslations::translationsAreComplete()
{
    QFETCH(QString, language);
    QFETCH(int, pluralForms);
    const TsFile ts =
        readTs(QStringLiteral("%1/archscape_%2.ts").arg(translationsFolder(), language));
    QCOMPARE(ts.language, language);
    QVERIFY2(ts.messages.size() > 300, qPrintable(QString::number(ts.messages.size())));

    QStringList problems;
    for (const TsMessage& m : ts.messages) {
        const QString where = QStringLiteral("%1 \"%2\"").arg(m.context, m.source);
        if (!m.type.isEmpty()) {
            problems << QStringLiteral("%1 is %2").arg(where, m.type);
            continue;
        }
        if (m.numerus && m.forms.size() != pluralForms)
            problems << QStringLiteral("%1 has %2 plural forms, not %3")
                            .arg(where)
                            .arg(m.forms.size())
                            .arg(pluralForms);
        for (const QString& form : m.forms) {
            if (form.trimmed().isEmpty()) {
                problems << QStringLiteral("%1 has an empty translation").arg(where);
                continue;
            }
            if (placeholders(form) != placeholders(m.source))
                problems << QStringLiteral("%1: \"%2\" has other %-arguments").arg(where, form);
            if (hasShortcut(m.source) != hasShortcut(form))
                problems
                    << QStringLiteral("%1: \"%2\" gains or loses the &-shortcut").arg(where, form);
        }
        // The plural form with the count spelled out must show it.
        if (m.numerus && m.source.contains(QLatin1String("%n")) &&
            !m.forms.constLast().contains(QLatin1String("%n")))
            problems << QStringLiteral("%1: the last plural form lacks %n").arg(where);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::noSourceStringIsMissing()
{
    // lupdate afresh over the same sources as the update_translations
    // target, into a scratch file: what it finds must all be in the .ts files.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString fresh = scratch.filePath(QStringLiteral("fresh_de.ts"));
    const QString source = qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR");
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(ARCHSCAPE_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-no-obsolete"), source + QStringLiteral("/widgets"),
                   source + QStringLiteral("/app/desktop"), QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    auto key = [](const TsMessage& m) {
        return m.context + QChar(0) + m.source + QChar(0) + m.comment;
    };
    QSet<QString> found;
    for (const TsMessage& m : readTs(fresh).messages)
        found << key(m);
    QVERIFY(found.size() > 300);
    for (const QString& language : kTranslatedLanguages + QStringList{QStringLiteral("en")}) {
        QSet<QString> listed;
        for (const TsMessage& m :
             readTs(QStringLiteral("%1/archscape_%2.ts").arg(translationsFolder(), language))
                 .messages)
            listed << key(m);
        QStringList missing;
        for (const QString& k : found - listed)
            missing << QString(k).replace(QChar(0), QLatin1String(" | "));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("archscape_%1.ts lacks these strings; run `ninja "
                                           "update_translations` and translate them:\n%2")
                                .arg(language, missing.join(QLatin1Char('\n')))));
        QStringList stale;
        for (const QString& k : listed - found)
            stale << QString(k).replace(QChar(0), QLatin1String(" | "));
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("archscape_%1.ts lists strings no source "
                                           "has; run `ninja update_translations`:\n%2")
                                .arg(language, stale.join(QLatin1Char('\n')))));
    }
}

void TestTranslations::languageFollowsTheSystemLocale()
{
    // main() set the environment to German before the application started.
    QVERIFY2(QLocale::system().uiLanguages().contains(QStringLiteral("de")),
             qPrintable(QLocale::system().uiLanguages().join(QLatin1Char(','))));
    QVERIFY(UiLanguage::saved().isEmpty());
    QVERIFY(UiLanguage::install(UiLanguage::saved()));
    QCOMPARE(QCoreApplication::translate("archscape::MainWindow", "&File"),
             QStringLiteral("&Datei"));
}

void TestTranslations::savedChoiceOverridesTheSystem()
{
    UiLanguage::save(QStringLiteral("zh_CN"));
    QCOMPARE(UiLanguage::saved(), QStringLiteral("zh_CN"));
    QVERIFY(UiLanguage::install(UiLanguage::saved()));
    QCOMPARE(QCoreApplication::translate("archscape::MainWindow", "&File"),
             QStringLiteral("文件(&F)"));
    removeInstalledTranslators();

    UiLanguage::save(QStringLiteral("en"));
    QVERIFY(UiLanguage::install(UiLanguage::saved()));
    QCOMPARE(QCoreApplication::translate("archscape::MainWindow", "&File"),
             QStringLiteral("&File"));

    // A language this version does not ship reads as "the system's".
    QSettings().setValue(QLatin1String(UiLanguage::kSettingsKey), QStringLiteral("tlh"));
    QVERIFY(UiLanguage::saved().isEmpty());
}

void TestTranslations::mainWindowComesUpInGerman()
{
    QVERIFY(UiLanguage::install(QStringLiteral("de")));
    MainWindow window;
    const QStringList titles = menuTitles(window);
    QVERIFY2(titles.mid(0, 3) ==
                 QStringList({QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                              QStringLiteral("&Ansicht")}),
             qPrintable(titles.join(QLatin1String(", "))));
    auto* palette = window.findChild<QDockWidget*>(QStringLiteral("paletteDock"));
    QVERIFY(palette);
    QCOMPARE(palette->windowTitle(), QStringLiteral("Blöcke"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Unbenannt")));
    QAction* preferences = nullptr;
    for (QAction* action : window.menuBar()->actions().at(1)->menu()->actions())
        if (action->text() == QStringLiteral("E&instellungen…"))
            preferences = action;
    QVERIFY2(preferences, "no translated Preferences action in the Edit menu");
    QCOMPARE(preferences->shortcut(), QKeySequence(QKeySequence::Preferences));
}

void TestTranslations::blockHelpFollowsTheEngine()
{
    // The help texts are copied from the engine's table for lupdate: a text
    // changed there and not here would silently stay English.
    QSet<QString> engine;
    for (const BlockKindInfo& info : allBlockKinds()) {
        engine << QString::fromStdString(info.help);
        for (const ParamSpec& spec : info.params)
            engine << QString::fromStdString(spec.help);
    }
    const QStringList listed = BlockHelpText::listed();
    QCOMPARE(QSet<QString>(listed.begin(), listed.end()), engine);

    const BlockKindInfo& cell = blockKindInfo(BlockKind::Cell);
    QCOMPARE(BlockHelpText::of(cell), QString::fromStdString(cell.help)); // no translator yet
    QVERIFY(UiLanguage::install(QStringLiteral("de")));
    QCOMPARE(
        BlockHelpText::of(cell),
        QStringLiteral(
            "Eine wiederverwendbare Zelle: jede Kante ihres inneren DAG wählt eine Operation."));
    QCOMPARE(BlockHelpText::of(*cell.param("cell")), QStringLiteral("Name der Zelldefinition"));
}

void TestTranslations::mainWindowComesUpInChinese()
{
    QVERIFY(UiLanguage::install(QStringLiteral("zh_CN")));
    MainWindow window;
    const QStringList titles = menuTitles(window);
    QVERIFY2(titles.mid(0, 3) ==
                 QStringList({QStringLiteral("文件(&F)"), QStringLiteral("编辑(&E)"),
                              QStringLiteral("视图(&V)")}),
             qPrintable(titles.join(QLatin1String(", "))));
    auto* properties = window.findChild<QDockWidget*>(QStringLiteral("propertiesDock"));
    QVERIFY(properties);
    QCOMPARE(properties->windowTitle(), QStringLiteral("属性"));
}

void TestTranslations::preferencesKeepLanguageAndPluginFolders()
{
    QTemporaryDir pluginsA;
    QTemporaryDir pluginsB;
    {
        PreferencesDialog dialog;
        QCOMPARE(dialog.language(), QString()); // the system's, at first
        QVERIFY(dialog.pluginFolders().isEmpty());
        dialog.setLanguage(QStringLiteral("de"));
        QVERIFY(dialog.addPluginFolder(pluginsA.path()));
        QVERIFY(dialog.addPluginFolder(pluginsB.path() + QStringLiteral("/")));
        QVERIFY(!dialog.addPluginFolder(pluginsA.path())); // listed already
        dialog.accept();
    }
    QCOMPARE(UiLanguage::saved(), QStringLiteral("de"));
    QCOMPARE(QSettings().value(QLatin1String(PreferencesDialog::kPluginFoldersKey)).toStringList(),
             (QStringList{pluginsA.path(), pluginsB.path()}));

    PreferencesDialog reopened;
    QCOMPARE(reopened.language(), QStringLiteral("de"));
    QCOMPARE(reopened.pluginFolders().size(), 2);
    auto* list = reopened.findChild<QListWidget*>(QStringLiteral("pluginFolders"));
    auto* remove = reopened.findChild<QPushButton*>(QStringLiteral("removePluginFolder"));
    QVERIFY(list && remove);
    QVERIFY(!remove->isEnabled());
    list->item(0)->setSelected(true);
    QVERIFY(remove->isEnabled());
    remove->click();
    QCOMPARE(reopened.pluginFolders(), QStringList{QDir::toNativeSeparators(pluginsB.path())});
    reopened.setLanguage(QString());
    reopened.reject(); // cancelled: nothing saved
    QCOMPARE(UiLanguage::saved(), QStringLiteral("de"));
    QCOMPARE(QSettings()
                 .value(QLatin1String(PreferencesDialog::kPluginFoldersKey))
                 .toStringList()
                 .size(),
             2);
}

// The system locale is read once, when the application starts: make it
// German first, whatever the machine running the test uses.
int main(int argc, char* argv[])
{
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    qputenv("LANGUAGE", "de");
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
