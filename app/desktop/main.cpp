// archscape [FILE.json | STUDY.db]: the desktop app. Wiring only: the window and
// everything in it come from the widgets library.

#include "LastCrashNotice.h"
#include "MainWindow.h"
#include "SpaceAnalysis.h"
#include "SpaceScene.h"
#include "SpaceView.h"
#include "TrialSelection.h"
#include "UiLanguage.h"
#include "inspect/ArchitectureView.h"
#include "plugin/PluginCatalog.h"
#include "plugin/PluginCrashHandler.h"
#include "run/RunPanel.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"

#ifdef ARCHSCAPE_WITH_TORCH
#include "torch/DeviceSelection.h"
#include "torch/TorchComponents.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <memory>

#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

QString examplesFolder()
{
    const QString relative = QDir(QCoreApplication::applicationDirPath())
                                 .filePath(QStringLiteral(ARCHSCAPE_RELATIVE_SPACES));
    for (const QString& candidate : {relative, QStringLiteral(ARCHSCAPE_SOURCE_SPACES),
                                     QStringLiteral(ARCHSCAPE_INSTALLED_SPACES)})
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    return {};
}

// Saves the window as a PNG once the space is laid out and analysed, then quits.
void screenshotThenQuit(archscape::MainWindow* window, const QString& path)
{
    auto shoot = [window, path] {
        window->view()->fitToView();
        QTimer::singleShot(200, window, [window, path] {
            const bool ok = window->grab().save(path);
            std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "saved" : "cannot write",
                         qPrintable(QDir::toNativeSeparators(path)));
            QCoreApplication::exit(ok ? 0 : 1);
        });
    };
    auto* analysis = window->analysis();
    auto waitThenShoot = [analysis, shoot] {
        if (!analysis->isBusy())
            shoot();
        else
            QObject::connect(analysis, &archscape::SpaceAnalysis::idle, analysis, shoot,
                             Qt::SingleShotConnection);
    };
    // Let the window get its final size and the first analysis start.
    QTimer::singleShot(300, window, waitThenShoot);
}

// With a study open: waits until every trial is loaded and the selected
// trial's architecture is laid out, saves the window as PATH, then each
// study view, brought to the front in turn, as PATH-<view>.png; then quits.
void studyScreenshotsThenQuit(archscape::MainWindow* window, const QString& path)
{
    archscape::StudyWorkspace* studies = window->studyWorkspace();
    auto docks = std::make_shared<QList<QDockWidget*>>(studies->docks());
    auto failures = std::make_shared<int>(0);
    auto save = [failures](QWidget* widget, const QString& file) {
        const bool ok = widget->grab().save(file);
        *failures += ok ? 0 : 1;
        std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "saved" : "cannot write",
                     qPrintable(QDir::toNativeSeparators(file)));
    };
    auto next = std::make_shared<std::function<void()>>();
    *next = [window, path, docks, save, next, failures] {
        if (docks->isEmpty()) {
            QCoreApplication::exit(*failures ? 1 : 0);
            return;
        }
        QDockWidget* dock = docks->takeFirst();
        dock->raise();
        QTimer::singleShot(300, window, [dock, path, save, next] {
            const QFileInfo base(path);
            QString name = dock->objectName();
            name.chop(4); // "Dock"
            save(dock, base.dir().filePath(base.completeBaseName() + QLatin1Char('-') + name
                                           + QStringLiteral(".png")));
            (*next)();
        });
    };
    auto waitThenShoot = std::make_shared<std::function<void()>>();
    *waitThenShoot = [window, studies, path, save, next, waitThenShoot] {
        if (studies->session()->isLoading() || studies->architectureView()->isLayoutPending()) {
            QTimer::singleShot(100, window, *waitThenShoot);
            return;
        }
        window->view()->fitToView();
        QTimer::singleShot(300, window, [window, path, save, next] {
            save(window, path);
            (*next)();
        });
    };
    QTimer::singleShot(500, window, *waitThenShoot);
}

// The default plugin folders, then the user's (Preferences: plugins/folders),
// before any window lists strategies. Help > Plugins shows what was refused.
void loadPlugins()
{
    archscape::PluginCatalog& catalog = archscape::PluginCatalog::global();
    catalog.loadDefaultFolders();
    const QStringList folders = QSettings().value(QStringLiteral("plugins/folders")).toStringList();
    for (const QString& folder : folders)
        if (!folder.trimmed().isEmpty())
            catalog.loadFolder(QDir::cleanPath(folder.trimmed()).toStdString());
    for (const auto& record : catalog.records())
        if (!record.loaded())
            std::fprintf(stderr, "archscape: plugin refused: %s: %s\n", record.file.c_str(),
                         record.refusal.c_str());
}

// Selects the trial with that number once the study is open.
bool selectTrialNumber(archscape::MainWindow* window, qint64 number)
{
    archscape::StudySession* session = window->studyWorkspace()->session();
    if (!session || number < 0)
        return false;
    const auto page = session->storage().queryTrials({}, number, 1);
    if (page.empty())
        return false;
    window->studyWorkspace()->selection()->select(page.front().id);
    return true;
}

struct Options
{
    QString file;
    QString screenshot;
    QString select;
    qint64 trial = -1;
};

// Parsed before any window system is needed: --help and --version must work
// on a machine with no display.
Options parseOptions(int argc, char* argv[])
{
    QCoreApplication probe(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("archscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHSCAPE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Compose, search and inspect neural architecture "
                                            "search spaces."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate("main", "A search space (.json) or a study (.db) to open."),
        QStringLiteral("[FILE.json | STUDY.db]"));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as a PNG once laid out, then quit."),
        QStringLiteral("PATH"));
    QCommandLineOption select(QStringLiteral("select"),
                              QCoreApplication::translate("main", "Select this block at start."),
                              QStringLiteral("BLOCK"));
    QCommandLineOption trial(QStringLiteral("trial"),
                             QCoreApplication::translate("main", "Select this trial (its number) of the study at start."),
                             QStringLiteral("NUMBER"));
    parser.addOption(screenshot);
    parser.addOption(select);
    parser.addOption(trial);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "archscape: %s\n", qPrintable(parser.errorText()));
        std::exit(2);
    }
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0); // exits
    if (parser.positionalArguments().size() > 1) {
        std::fprintf(stderr, "archscape: give at most one FILE.json or STUDY.db\n");
        std::exit(2);
    }
    Options options;
    options.file = parser.positionalArguments().value(0);
    options.screenshot = parser.value(screenshot);
    options.select = parser.value(select);
    if (parser.isSet(trial)) {
        bool ok = false;
        options.trial = parser.value(trial).toLongLong(&ok);
        if (!ok || options.trial < 0) {
            std::fprintf(stderr, "archscape: --trial needs a trial number (0, 1, ...), not '%s'\n",
                         qPrintable(parser.value(trial)));
            std::exit(2);
        }
    }
    return options;
}

} // namespace

int main(int argc, char* argv[])
{
    const Options options = parseOptions(argc, argv);

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Archscape"));
    QCoreApplication::setApplicationName(QStringLiteral("Archscape"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHSCAPE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Archscape"));
    archscape::PluginCrashHandler::install("archscape",
                                           archscape::LastCrashNotice::reportFile().toStdString());
    // Before any window exists: widgets translate their texts as they are built.
    archscape::UiLanguage::install(archscape::UiLanguage::saved());

#ifdef ARCHSCAPE_WITH_TORCH
    // Before the plugins, as in the CLI: a plugin cannot take these names.
    archscape::registerTorchComponents();
#endif
    loadPlugins();

    archscape::MainWindow window;
    window.setExamplesFolder(examplesFolder());
#ifdef ARCHSCAPE_WITH_TORCH
    QStringList devices;
    for (const std::string& device : archscape::DeviceSelection::available())
        devices << QString::fromStdString(device);
    window.studyWorkspace()->runPanel()->setDevices(devices);
#endif
    if (!options.screenshot.isEmpty())
        window.resize(1440, 900); // the same picture whatever the saved layout
    window.show();
    archscape::LastCrashNotice::showIfAny(&window);
    if (!options.file.isEmpty()) {
        const bool opened = window.openFile(options.file);
        if (!opened && !options.screenshot.isEmpty()) {
            std::fprintf(stderr, "archscape: cannot open %s\n", qPrintable(options.file));
            return 2;
        }
    }
    if (!options.select.isEmpty())
        window.view()->centreOnBlock(options.select);
    if (options.trial >= 0 && !selectTrialNumber(&window, options.trial))
        std::fprintf(stderr, "archscape: no trial %lld in the study\n", options.trial);
    const bool study = window.studyWorkspace()->session() != nullptr;
    if (!options.screenshot.isEmpty() && study)
        studyScreenshotsThenQuit(&window, options.screenshot);
    else if (!options.screenshot.isEmpty())
        screenshotThenQuit(&window, options.screenshot);
    return app.exec();
}
