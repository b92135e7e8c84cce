// archscape [FILE.json]: the desktop app. Wiring only: the window and
// everything in it come from the widgets library.

#include "MainWindow.h"
#include "SpaceAnalysis.h"
#include "SpaceScene.h"
#include "SpaceView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

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

struct Options
{
    QString file;
    QString screenshot;
    QString select;
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
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QCoreApplication::translate("main", "A search space (.json) to open."),
                                 QStringLiteral("[FILE.json]"));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as a PNG once laid out, then quit."),
        QStringLiteral("PATH"));
    QCommandLineOption select(QStringLiteral("select"),
                              QCoreApplication::translate("main", "Select this block at start."),
                              QStringLiteral("BLOCK"));
    parser.addOption(screenshot);
    parser.addOption(select);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "archscape: %s\n", qPrintable(parser.errorText()));
        std::exit(2);
    }
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0); // exits
    if (parser.positionalArguments().size() > 1) {
        std::fprintf(stderr, "archscape: give at most one FILE.json\n");
        std::exit(2);
    }
    Options options;
    options.file = parser.positionalArguments().value(0);
    options.screenshot = parser.value(screenshot);
    options.select = parser.value(select);
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

    archscape::MainWindow window;
    window.setExamplesFolder(examplesFolder());
    if (!options.screenshot.isEmpty())
        window.resize(1440, 900); // the same picture whatever the saved layout
    window.show();
    if (!options.file.isEmpty()) {
        const bool opened = window.openFile(options.file);
        if (!opened && !options.screenshot.isEmpty()) {
            std::fprintf(stderr, "archscape: cannot open %s\n", qPrintable(options.file));
            return 2;
        }
    }
    if (!options.select.isEmpty())
        window.view()->centreOnBlock(options.select);
    if (!options.screenshot.isEmpty())
        screenshotThenQuit(&window, options.screenshot);
    return app.exec();
}
