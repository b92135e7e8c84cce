// archscape-cli with plugins: `plugins` lists the loaded and the refused
// ones; --plugin-dir works before and after the command, and so does
// ARCHSCAPE_PLUGIN_PATH; a plugin's strategy that throws ends `run` with a
// clear message and exit code 1; its throwing evaluator fails each trial.
// A plugin that crashes or hangs while loading is refused; one whose
// strategy crashes the run is named on standard error, and the trials
// finished before are in the study.

#include "../cli/CliTestSupport.h"

#include "plugin/PluginInterface.h"

#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

using clitest::CliResult;
using clitest::describe;
using clitest::runCli;

namespace {

const QString kRefused = QStringLiteral(ARCHSCAPE_REFUSED_PLUGINS);
const QString kThrowing = QStringLiteral(ARCHSCAPE_THROWING_PLUGINS);
const QString kCrashing = QStringLiteral(ARCHSCAPE_CRASHING_PLUGINS);
const QString kHanging = QStringLiteral(ARCHSCAPE_HANGING_PLUGINS);

CliResult runWithEnvironment(const QStringList& args, const QString& name, const QString& value)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(name, value);
    p.setProcessEnvironment(env);
    p.start(clitest::cliPath(), args);
    CliResult r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000))
        return r;
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

CliResult runWithPluginPath(const QStringList& args, const QString& pluginPath)
{
    return runWithEnvironment(args, "ARCHSCAPE_PLUGIN_PATH", pluginPath);
}

int count(clitest::StudyDb& db, const std::string& sql)
{
    return std::stoi(db.rows(sql).at(0).at(0));
}

// The table row of the plugin file whose name contains `file`.
QString rowOf(const QString& table, const QString& file)
{
    for (const QString& line : table.split('\n'))
        if (line.contains(file))
            return line;
    return {};
}

} // namespace

class TestCliPlugins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheBuiltinPlugin();
    void listsRefusedPluginsWithTheReason();
    void takesFoldersFromTheEnvironment();
    void refusesAMissingPluginDir();
    void strategyThatThrowsEndsTheRun();
    void evaluatorThatThrowsFailsTheTrials();
    void refusesAPluginThatCrashesWhileLoading();
    void refusesAPluginThatHangsWhileLoading();
    void strategyThatCrashesNamesThePluginAndKeepsFinishedTrials_data();
    void strategyThatCrashesNamesThePluginAndKeepsFinishedTrials();

private:
    QTemporaryDir dir_;
    QString newStudy()
    {
        static int n = 0;
        const QString path = dir_.filePath(QString("s%1.db").arg(n++));
        const CliResult r = runCli({"new", path, "--space", clitest::bundledSpace("nb201.json")});
        return r.code == 0 ? path : QString();
    }
};

void TestCliPlugins::listsTheBuiltinPlugin()
{
    const CliResult r = runCli({"plugins"});
    QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describe(r)));
    const QString row = rowOf(r.out, "libarchscape_builtin_strategies.so");
    QVERIFY2(row.contains("builtin-strategies"), qPrintable(r.out));
    QVERIFY2(row.contains("strategy random, strategy evolution, strategy nsga2, strategy local, "
                          "strategy predictor"),
             qPrintable(row));
    QVERIFY2(row.contains("loaded"), qPrintable(row));
    QVERIFY(r.out.startsWith("name"));
}

void TestCliPlugins::listsRefusedPluginsWithTheReason()
{
    for (const QStringList& args : {QStringList{"--plugin-dir", kRefused, "plugins"},
                                    QStringList{"plugins", "--plugin-dir=" + kRefused}}) {
        const CliResult r = runCli(args);
        QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describe(r)));
        QVERIFY2(rowOf(r.out, "libWrongVersionPlugin.so")
                     .contains(QString("refused: built for plugin interface version %1")
                                   .arg(ARCHSCAPE_PLUGIN_API_VERSION + 41)),
                 qPrintable(r.out));
        QVERIFY2(rowOf(r.out, "libNoEntryPlugin.so").contains("refused: not an Archscape plugin"),
                 qPrintable(r.out));
        QVERIFY2(rowOf(r.out, "libNoFactoryPlugin.so").contains("no archscape_create_plugin()"),
                 qPrintable(r.out));
        QVERIFY2(rowOf(r.out, "libThrowingFactoryPlugin.so")
                     .contains("deliberate failure in the factory"),
                 qPrintable(r.out));
        QVERIFY2(rowOf(r.out, "libDuplicatePlugin.so").contains("the strategy 'random'"),
                 qPrintable(r.out));
        QVERIFY2(rowOf(r.out, "libarchscape_builtin_strategies.so").contains("loaded"),
                 qPrintable(r.out));
    }
    // Other commands go on, with one warning per refused plugin.
    const CliResult space =
        runCli({"space", clitest::bundledSpace("nb201.json"), "--plugin-dir", kRefused});
    QVERIFY2(space.code == 0, qPrintable(describe(space)));
    QCOMPARE(space.err.count("archscape-cli: plugin refused: "), 5);
    QVERIFY2(space.err.contains(kRefused + "/libWrongVersionPlugin.so: built for plugin interface"),
             qPrintable(space.err));
}

void TestCliPlugins::takesFoldersFromTheEnvironment()
{
    const CliResult r =
        runWithPluginPath({"plugins", "--csv"}, kThrowing + ":" + dir_.filePath("none"));
    QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describe(r)));
    const QString row = rowOf(r.out, "libThrowingComponentsPlugin.so");
    QVERIFY2(row.startsWith("throwing-components,0.1,"), qPrintable(r.out));
    QVERIFY2(row.contains("\"strategy fails-propose, strategy fails-observe, evaluator throws, "
                          "evaluator throws-int\",loaded"),
             qPrintable(row));
    QVERIFY2(rowOf(r.out, dir_.filePath("none")).contains("refused: no such plugin folder"),
             qPrintable(r.out));
}

void TestCliPlugins::refusesAMissingPluginDir()
{
    const CliResult r = runCli({"plugins", "--plugin-dir", dir_.filePath("missing")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--plugin-dir: no such folder: " + dir_.filePath("missing")),
             qPrintable(describe(r)));
    const CliResult bare = runCli({"plugins", "--plugin-dir"});
    QCOMPARE(bare.code, 2);
    QVERIFY2(bare.err.contains("--plugin-dir needs a folder"), qPrintable(describe(bare)));
}

void TestCliPlugins::strategyThatThrowsEndsTheRun()
{
    const QString study = newStudy();
    QVERIFY(!study.isEmpty());
    const CliResult r =
        runCli({"run", study, "--strategy", "fails-observe", "--evaluator", "cost", "--objectives",
                "params:min", "--budget", "10", "--workers", "2", "--plugin-dir", kThrowing});
    QCOMPARE(r.code, 1);
    QVERIFY(!r.crashed);
    QVERIFY2(r.err.contains(
                 "the 'fails-observe' strategy failed in observe(): deliberate failure in observe"),
             qPrintable(describe(r)));
    // Every trial handed out is in the study, finished.
    clitest::StudyDb db(study);
    const int total = count(db, "SELECT COUNT(*) FROM trials");
    QVERIFY2(total >= 4 && total < 10, qPrintable(QString::number(total)));
    QCOMPARE(count(db, "SELECT COUNT(*) FROM trials WHERE state = 'complete'"), total);
}

void TestCliPlugins::evaluatorThatThrowsFailsTheTrials()
{
    const QString study = newStudy();
    QVERIFY(!study.isEmpty());
    const CliResult r =
        runCli({"--plugin-dir", kThrowing, "run", study, "--strategy", "random", "--evaluator",
                "throws", "--objectives", "params:min", "--budget", "3"});
    QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describe(r)));
    clitest::StudyDb db(study);
    QCOMPARE(count(db, "SELECT COUNT(*) FROM trials WHERE state = 'failed' AND error LIKE "
                       "'%deliberate failure in evaluate%'"),
             3);
}

void TestCliPlugins::refusesAPluginThatCrashesWhileLoading()
{
    const CliResult r = runCli({"plugins", "--plugin-dir", kCrashing});
    QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describe(r)));
    QVERIFY2(rowOf(r.out, "libCrashingFactoryPlugin.so")
                 .contains("refused: crashed while loading (signal 11, Segmentation fault); it "
                           "was tried in a separate process and not loaded"),
             qPrintable(r.out));
    QVERIFY2(rowOf(r.out, "libExitingFactoryPlugin.so")
                 .contains("refused: ended its process while loading (exit status 3)"),
             qPrintable(r.out));
    QVERIFY2(rowOf(r.out, "libCrashingStrategyPlugin.so").contains("loaded"), qPrintable(r.out));
    QVERIFY2(rowOf(r.out, "libarchscape_builtin_strategies.so").contains("loaded"),
             qPrintable(r.out));
}

void TestCliPlugins::refusesAPluginThatHangsWhileLoading()
{
    QElapsedTimer clock;
    clock.start();
    const CliResult r = runWithEnvironment({"plugins", "--plugin-dir", kHanging},
                                           "ARCHSCAPE_PLUGIN_PROBE_TIMEOUT", "1");
    QVERIFY2(r.code == 0 && !r.crashed, qPrintable(describe(r)));
    QVERIFY2(rowOf(r.out, "libHangingPlugin.so")
                 .contains("refused: did not finish loading within 1 s and was stopped"),
             qPrintable(r.out));
    QVERIFY2(rowOf(r.out, "libarchscape_builtin_strategies.so").contains("loaded"),
             qPrintable(r.out));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
}

void TestCliPlugins::strategyThatCrashesNamesThePluginAndKeepsFinishedTrials_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("signal");
    QTest::newRow("segfault") << "crashes-propose"
                              << "Segmentation fault";
    // abort() faults in the C library: the plugin is found on the stack.
    QTest::newRow("abort") << "aborts-propose"
                           << "Aborted";
}

void TestCliPlugins::strategyThatCrashesNamesThePluginAndKeepsFinishedTrials()
{
    QFETCH(QString, strategy);
    QFETCH(QString, signal);
    const QString study = newStudy();
    QVERIFY(!study.isEmpty());
    const CliResult r =
        runCli({"run", study, "--strategy", strategy, "--evaluator", "cost", "--objectives",
                "params:min", "--budget", "10", "--workers", "1", "--plugin-dir", kCrashing});
    QVERIFY2(r.crashed, qPrintable(describe(r)));
    const QString plugin = kCrashing + "/libCrashingStrategyPlugin.so";
    // Named by the plugin's symbol table: its functions are hidden from dladdr.
    QVERIFY2(r.err.contains("archscape-cli: the plugin " + plugin + " crashed (" + signal +
                            ") in _ZN12_GLOBAL__N_114CrashingSearch7proposeEv."),
             qPrintable(describe(r)));
    QVERIFY2(r.err.contains("Finished trials are safe in the study; run `archscape-cli resume "
                            "STUDY.db` once the plugin is fixed or removed."),
             qPrintable(describe(r)));

    // The two trials proposed before the crash are there, finished.
    const CliResult trials = runCli({"trials", study, "--csv"});
    QVERIFY2(trials.code == 0, qPrintable(describe(trials)));
    QCOMPARE(trials.out.count(",complete,"), 2);
    clitest::StudyDb db(study);
    QCOMPARE(count(db, "SELECT COUNT(*) FROM trials"), 2);
    QCOMPARE(count(db, "SELECT COUNT(*) FROM trials WHERE state = 'complete'"), 2);
}

QTEST_GUILESS_MAIN(TestCliPlugins)
#include "tst_cliplugins.moc"
