// The plugin system: the built-in strategies come from a plugin; broken
// plugins are refused with a message naming the file, also those that
// crash or hang while loading (tried first in archscape-plugin-probe);
// components that throw while a search runs fail their trial or end the
// search cleanly, with every trial of the study kept.

#include "../search/SearchTestSupport.h"

#include "eval/CostEvaluator.h"
#include "eval/EvaluatorRegistry.h"
#include "plugin/PluginCatalog.h"
#include "plugin/PluginError.h"
#include "plugin/PluginInterface.h"
#include "plugin/PluginLoader.h"
#include "plugin/PluginProbe.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace archscape;

namespace {

bool sameFile(const std::string& a, const std::string& b)
{
    return std::filesystem::weakly_canonical(a) == std::filesystem::weakly_canonical(b);
}

bool contains(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::unique_ptr<Evaluator> costEvaluator(const ArchitectureCodec& codec)
{
    return std::make_unique<CostEvaluator>(codec);
}

searchtest::EvaluatorFactory registered(const std::string& name)
{
    return [name](const ArchitectureCodec& codec) {
        RunSettings settings;
        settings.evaluator = name;
        return EvaluatorRegistry::create(settings, codec);
    };
}

searchtest::RunSpec spec(const std::string& strategy, int workers, int64_t budget)
{
    searchtest::RunSpec s;
    s.strategy = strategy;
    s.workers = workers;
    s.budget = budget;
    s.objectives = "params:min";
    return s;
}

// What the run threw, or "" when it did not.
std::string runError(const std::string& path, const searchtest::RunSpec& s)
{
    try {
        searchtest::runStudy(path, s, costEvaluator);
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestPlugins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builtinStrategiesComeFromThePlugin();
    void refusesBrokenPlugins_data();
    void refusesBrokenPlugins();
    void refusesAFileThatIsNotASharedLibrary();
    void refusesAMissingFolder();
    void refusesAPluginWhoseNameIsTakenAndKeepsNoneOfIt();
    void loadsAFileOnce();
    void refusesAPluginThatCrashesWhileLoadingAndLoadsTheOthers();
    void refusesAPluginThatHangsWhileLoading();
    void probeGivesTheLoadersReason();
    void withoutAProbeNothingIsRefused();
    void evaluatorExceptionFailsTheTrial_data();
    void evaluatorExceptionFailsTheTrial();
    void strategyExceptionEndsTheSearchAndKeepsEveryTrial_data();
    void strategyExceptionEndsTheSearchAndKeepsEveryTrial();

private:
    QTemporaryDir dir_;
    int studies_ = 0;
    std::string newStudyPath()
    {
        return dir_.filePath(QString("s%1.db").arg(studies_++)).toStdString();
    }
};

void TestPlugins::initTestCase()
{
    QVERIFY(dir_.isValid());
    const PluginRecord record =
        PluginCatalog::global().loadFile(ARCHSCAPE_THROWING_COMPONENTS_PLUGIN);
    QVERIFY2(record.loaded(), record.refusal.c_str());
}

void TestPlugins::builtinStrategiesComeFromThePlugin()
{
    const std::vector<std::string> names = StrategyRegistry::names(); // loads the default folder
    for (const char* name : {"random", "evolution", "nsga2", "local", "predictor"})
        QVERIFY2(contains(names, name), name);
    bool found = false;
    for (const auto& record : PluginCatalog::global().records()) {
        if (!sameFile(record.file, ARCHSCAPE_BUILTIN_PLUGIN))
            continue;
        found = true;
        QVERIFY2(record.loaded(), record.refusal.c_str());
        QCOMPARE(record.name, std::string("builtin-strategies"));
        QCOMPARE(record.version, std::string(ARCHSCAPE_VERSION_FOR_TEST));
        QCOMPARE(record.strategies,
                 (std::vector<std::string>{"random", "evolution", "nsga2", "local", "predictor"}));
        QVERIFY(record.evaluators.empty());
    }
    QVERIFY2(found, "the built-in plugin was not loaded from the default folder");
    // A strategy from the plugin runs a real search.
    const auto result =
        searchtest::runStudy(newStudyPath(), spec("evolution", 1, 12), costEvaluator);
    QCOMPARE(result.trials.size(), size_t(12));
    for (const auto& t : result.trials)
        QCOMPARE(t.state, TrialState::Complete);
}

void TestPlugins::refusesBrokenPlugins_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("reason");
    QTest::newRow("wrong interface version")
        << ARCHSCAPE_WRONG_VERSION_PLUGIN
        << QStringList{QString("built for plugin interface version %1").arg(ARCHSCAPE_PLUGIN_API_VERSION + 41),
                       QString("this Archscape uses version %1").arg(ARCHSCAPE_PLUGIN_API_VERSION)};
    QTest::newRow("no entry point")
        << ARCHSCAPE_NO_ENTRY_PLUGIN
        << QStringList{"not an Archscape plugin", "archscape_plugin_api_version()"};
    QTest::newRow("no factory") << ARCHSCAPE_NO_FACTORY_PLUGIN
                                << QStringList{"no archscape_create_plugin()"};
    QTest::newRow("factory throws")
        << ARCHSCAPE_THROWING_FACTORY_PLUGIN
        << QStringList{"archscape_create_plugin() threw", "deliberate failure in the factory"};
}

void TestPlugins::refusesBrokenPlugins()
{
    QFETCH(QString, file);
    QFETCH(QStringList, reason);
    const PluginRecord record = PluginCatalog::global().loadFile(file.toStdString());
    QVERIFY(!record.loaded());
    QCOMPARE(QString::fromStdString(record.file), file);
    for (const QString& part : reason)
        QVERIFY2(QString::fromStdString(record.refusal).contains(part), record.refusal.c_str());
    QVERIFY(record.name.empty() && record.strategies.empty() && record.evaluators.empty());
}

void TestPlugins::refusesAFileThatIsNotASharedLibrary()
{
    QTemporaryDir folder;
    const std::string fake = folder.filePath("fake.so").toStdString();
    std::ofstream(fake) << "not a shared library\n";
    std::ofstream(folder.filePath("notes.txt").toStdString()) << "not a plugin either\n";
    const size_t before = PluginCatalog::global().records().size();
    PluginCatalog::global().loadFolder(folder.path().toStdString());
    const auto records = PluginCatalog::global().records();
    QCOMPARE(records.size(), before + 1); // notes.txt is not looked at
    QCOMPARE(records.back().file, fake);
    QVERIFY2(records.back().refusal.find("cannot be loaded as a shared library") !=
                 std::string::npos,
             records.back().refusal.c_str());
}

void TestPlugins::refusesAMissingFolder()
{
    const std::string missing = dir_.filePath("no-such-folder").toStdString();
    PluginCatalog::global().loadFolder(missing);
    const PluginRecord record = PluginCatalog::global().records().back();
    QCOMPARE(record.file, missing);
    QCOMPARE(record.refusal, std::string("no such plugin folder"));
}

void TestPlugins::refusesAPluginWhoseNameIsTakenAndKeepsNoneOfIt()
{
    StrategyRegistry::names(); // the built-in plugin first
    const PluginRecord record = PluginCatalog::global().loadFile(ARCHSCAPE_DUPLICATE_PLUGIN);
    QVERIFY(!record.loaded());
    QVERIFY2(record.refusal.find("the strategy 'random'") != std::string::npos,
             record.refusal.c_str());
    QVERIFY2(
        record.refusal.find(std::filesystem::path(ARCHSCAPE_BUILTIN_PLUGIN).filename().string()) !=
            std::string::npos,
        record.refusal.c_str());
    QVERIFY(!StrategyRegistry::has("random-again"));
}

void TestPlugins::loadsAFileOnce()
{
    const size_t before = PluginCatalog::global().records().size();
    const PluginRecord again =
        PluginCatalog::global().loadFile(ARCHSCAPE_THROWING_COMPONENTS_PLUGIN);
    QVERIFY(again.loaded());
    QCOMPARE(again.name, std::string("throwing-components"));
    QCOMPARE(PluginCatalog::global().records().size(), before);
}

void TestPlugins::refusesAPluginThatCrashesWhileLoadingAndLoadsTheOthers()
{
    QVERIFY2(!PluginProbe::forThisProgram().executable().empty(), "no archscape-plugin-probe");
    // Its folder: the crashing plugin first (by name), then one that exits,
    // then a working one.
    const std::string folder =
        std::filesystem::path(ARCHSCAPE_CRASHING_FACTORY_PLUGIN).parent_path().string();
    PluginCatalog::global().loadFolder(folder);
    bool sawCrash = false, sawWorking = false;
    for (const auto& record : PluginCatalog::global().records()) {
        if (sameFile(record.file, ARCHSCAPE_CRASHING_FACTORY_PLUGIN)) {
            sawCrash = true;
            QVERIFY(!record.loaded());
            QCOMPARE(record.refusal, std::string("crashed while loading (signal 11, Segmentation "
                                                 "fault); it was tried in a separate process "
                                                 "and not loaded"));
        }
        if (sameFile(record.file, ARCHSCAPE_CRASHING_STRATEGY_PLUGIN)) {
            sawWorking = true;
            QVERIFY2(record.loaded(), record.refusal.c_str());
            QCOMPARE(record.strategies,
                     (std::vector<std::string>{"crashes-propose", "aborts-propose"}));
        }
    }
    QVERIFY(sawCrash && sawWorking);
    const PluginRecord exiting = PluginCatalog::global().loadFile(ARCHSCAPE_EXITING_FACTORY_PLUGIN);
    QCOMPARE(exiting.refusal, std::string("ended its process while loading (exit status 3); it "
                                          "was tried in a separate process and not loaded"));
    QVERIFY(StrategyRegistry::has("crashes-propose"));
}

void TestPlugins::refusesAPluginThatHangsWhileLoading()
{
    const PluginProbe probe(PluginProbe::forThisProgram().executable(),
                            std::chrono::milliseconds(300));
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(probe.refusalOf(ARCHSCAPE_HANGING_PLUGIN),
             std::string("did not finish loading within 0.3 s and was stopped; it was tried in a "
                         "separate process and not loaded"));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));

    // The catalog's probe takes its timeout from the environment.
    qputenv("ARCHSCAPE_PLUGIN_PROBE_TIMEOUT", "0.5");
    clock.restart();
    const PluginRecord record = PluginCatalog::global().loadFile(ARCHSCAPE_HANGING_PLUGIN);
    qunsetenv("ARCHSCAPE_PLUGIN_PROBE_TIMEOUT");
    QVERIFY(!record.loaded());
    QVERIFY2(record.refusal.find("did not finish loading within 0.5 s") == 0,
             record.refusal.c_str());
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(PluginProbe::forThisProgram().timeout(), std::chrono::milliseconds(20000));
}

void TestPlugins::probeGivesTheLoadersReason()
{
    const PluginProbe probe = PluginProbe::forThisProgram();
    for (const char* file : {ARCHSCAPE_WRONG_VERSION_PLUGIN, ARCHSCAPE_NO_FACTORY_PLUGIN,
                             ARCHSCAPE_THROWING_FACTORY_PLUGIN}) {
        std::string inProcess;
        try {
            PluginLoader::load(file);
        } catch (const PluginError& e) {
            inProcess = e.reason();
        }
        QVERIFY2(!inProcess.empty(), file);
        QCOMPARE(probe.refusalOf(file), inProcess);
    }
    QCOMPARE(probe.refusalOf(ARCHSCAPE_BUILTIN_PLUGIN), std::string());
    QCOMPARE(probe.refusalOf(ARCHSCAPE_CRASHING_STRATEGY_PLUGIN), std::string());
}

void TestPlugins::withoutAProbeNothingIsRefused()
{
    // As before the probe: the plugin is loaded in-process (not done here).
    const std::chrono::milliseconds second(1000);
    QCOMPARE(PluginProbe("", second).refusalOf(ARCHSCAPE_CRASHING_FACTORY_PLUGIN), std::string());
    QCOMPARE(PluginProbe(dir_.filePath("no-probe").toStdString(), second)
                 .refusalOf(ARCHSCAPE_CRASHING_FACTORY_PLUGIN),
             std::string());
}

void TestPlugins::evaluatorExceptionFailsTheTrial_data()
{
    QTest::addColumn<QString>("evaluator");
    QTest::addColumn<int>("workers");
    QTest::addColumn<QString>("error");
    QTest::newRow("std::exception, 1 worker") << "throws" << 1 << "deliberate failure in evaluate";
    QTest::newRow("std::exception, 3 workers") << "throws" << 3 << "deliberate failure in evaluate";
    QTest::newRow("int, 2 workers") << "throws-int" << 2 << "not a std::exception";
}

void TestPlugins::evaluatorExceptionFailsTheTrial()
{
    QFETCH(QString, evaluator);
    QFETCH(int, workers);
    QFETCH(QString, error);
    const auto result = searchtest::runStudy(newStudyPath(), spec("random", workers, 6),
                                             registered(evaluator.toStdString()));
    QCOMPARE(result.outcome, SearchRunner::Outcome::BudgetReached);
    QCOMPARE(result.trials.size(), size_t(6));
    for (const auto& t : result.trials) {
        QCOMPARE(t.state, TrialState::Failed);
        QVERIFY2(QString::fromStdString(t.error).contains(error), t.error.c_str());
    }
}

void TestPlugins::strategyExceptionEndsTheSearchAndKeepsEveryTrial_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("minimumTrials");
    QTest::newRow("propose, 1 worker") << "fails-propose" << 1 << 3;
    QTest::newRow("propose, 3 workers") << "fails-propose" << 3 << 3;
    QTest::newRow("observe, 1 worker") << "fails-observe" << 1 << 4;
    QTest::newRow("observe, 3 workers") << "fails-observe" << 3 << 4;
}

void TestPlugins::strategyExceptionEndsTheSearchAndKeepsEveryTrial()
{
    QFETCH(QString, strategy);
    QFETCH(int, workers);
    QFETCH(int, minimumTrials);
    const std::string path = newStudyPath();
    const QString call = strategy == "fails-propose" ? "propose()" : "observe()";
    const QString error =
        QString::fromStdString(runError(path, spec(strategy.toStdString(), workers, 20)));
    QVERIFY2(error.contains(QString("the '%1' strategy failed in %2").arg(strategy, call)),
             qPrintable(error));
    QVERIFY2(error.contains("deliberate failure in " + call.chopped(2)), qPrintable(error));

    // Every trial the strategy proposed is in the study, with its result:
    // none left queued or running, none lost.
    const auto trials = Study::open(path)->storage().trials();
    QVERIFY2(trials.size() >= size_t(minimumTrials), qPrintable(QString::number(trials.size())));
    QVERIFY(trials.size() < 20);
    for (const auto& t : trials) {
        QCOMPARE(t.state, TrialState::Complete);
        QVERIFY(t.observedSeq.has_value());
        QVERIFY(t.metric("params").has_value());
    }
    if (workers == 1)
        QCOMPARE(trials.size(), size_t(minimumTrials));
}

QTEST_GUILESS_MAIN(TestPlugins)
#include "tst_plugins.moc"
