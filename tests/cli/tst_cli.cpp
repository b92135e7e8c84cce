// archscape-cli against DESIGN.md's contract: exit code 0 on success, 2 on
// bad usage or bad input with a message naming the problem; the commands
// space, new, run, resume, trials, pareto, best and info on the real
// NAS-Bench-201 table.

#include "CliTestSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>

using namespace clitest;

namespace {

QByteArray checksum(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

struct Csv
{
    QStringList header;
    QList<QStringList> rows;
    int column(const QString& name) const { return int(header.indexOf(name)); }
};

Csv parseCsv(const QString& text)
{
    Csv csv;
    QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return csv;
    csv.header = lines.takeFirst().split(',');
    for (const auto& l : lines)
        csv.rows.append(l.split(','));
    return csv;
}

QStringList runArgs(const QString& study, const QStringList& extra = {})
{
    return QStringList{"run",         study, "--strategy", "evolution",  "--evaluator", "nb201",
                       "--data",      nb201Table(), "--seed", "1", "--quiet"}
           + extra;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void spaceOnBundledSpaces_data();
    void spaceOnBundledSpaces();
    void spaceDescribesArchitecture();
    void spaceOnMalformedFile_data();
    void spaceOnMalformedFile();
    void topLevelUsage();
    void helpForEachSubcommand_data();
    void helpForEachSubcommand();
    void unknownCommand();
    void unknownOption_data();
    void unknownOption();
    void studyWorkflow();
    void runOnAlreadyRunStudy();
    void resumeOfFinishedStudyReportsItsTrials();
    void resumeOnNeverRunStudy();
    void runWithMissingData();
    void runWithBadValues_data();
    void runWithBadValues();
    void newRefusesExistingFile();
    void commandsRefuseNonStudy_data();
    void commandsRefuseNonStudy();
    void timeBudget();
    void interruptThenResume();

private:
    QTemporaryDir dir_;
    QString newStudyPath(const QString& name) { return dir_.filePath(name + ".db"); }
    QString createdStudy(const QString& name);
    QString ranStudy_; // a study run to 50 trials by studyWorkflow()
    QString badValuesStudy_;
};

void TestCli::initTestCase()
{
    QVERIFY(dir_.isValid());
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    QVERIFY2(QFile::exists(nb201Table()), qPrintable(nb201Table()));
}

QString TestCli::createdStudy(const QString& name)
{
    const QString path = newStudyPath(name);
    CliResult r = runCli({"new", path, "--space", bundledSpace("nb201.json")});
    if (r.code != 0)
        qWarning("%s", qPrintable(describe(r)));
    return path;
}

void TestCli::spaceOnBundledSpaces_data()
{
    QTest::addColumn<QString>("file");
    for (const char* f : {"nb201.json", "mbconv.json", "fashion_mnist.json"})
        QTest::newRow(f) << QString(f);
}

void TestCli::spaceOnBundledSpaces()
{
    QFETCH(QString, file);
    CliResult r = runCli({"space", bundledSpace(file)});
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("problems: none"), qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QRegularExpression("size: \\S+ distinct architectures")),
             qPrintable(describe(r)));
}

void TestCli::spaceDescribesArchitecture()
{
    const QString cell =
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    CliResult r = runCli({"space", bundledSpace("nb201.json"), "--arch", cell});
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("nb201: " + cell), qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QRegularExpression("\\nparams: \\d+\\n")), qPrintable(describe(r)));
    QVERIFY2(r.out.contains(QRegularExpression("\\nflops: \\d+")), qPrintable(describe(r)));

    // The same seed draws the same architecture.
    CliResult a = runCli({"space", bundledSpace("mbconv.json"), "--arch", "random", "--seed", "9"});
    CliResult b = runCli({"space", bundledSpace("mbconv.json"), "--arch", "random", "--seed", "9"});
    EXPECT_EXIT(a, 0);
    QCOMPARE(a.out, b.out);

    // An encoding that names no option of the space is bad input.
    CliResult bad = runCli({"space", bundledSpace("nb201.json"), "--arch", "nope=1"});
    EXPECT_EXIT(bad, 2);
    QVERIFY2(!bad.err.isEmpty(), qPrintable(describe(bad)));
}

void TestCli::spaceOnMalformedFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("create");
    QTest::newRow("truncated JSON") << QByteArray(R"({"format": "archscape-space", "version": 1, "blocks": [)") << true;
    QTest::newRow("not JSON") << QByteArray("this is not a space\n") << true;
    QTest::newRow("another format") << QByteArray(R"({"format": "onnx", "version": 1})") << true;
    QTest::newRow("newer version")
        << QByteArray(R"({"format": "archscape-space", "version": 99, "blocks": [], "edges": []})") << true;
    QTest::newRow("block of unknown kind")
        << QByteArray(R"({"format": "archscape-space", "version": 1, "blocks": [{"id": "x", "kind": "teleporter"}], "edges": []})")
        << true;
    QTest::newRow("missing file") << QByteArray() << false;
}

void TestCli::spaceOnMalformedFile()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, create);
    const QString path = dir_.filePath(QString("malformed-%1.json").arg(QTest::currentDataTag()).replace(' ', '_'));
    if (create)
        writeFile(path, content);
    CliResult r = runCli({"space", path});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.all().contains(path), qPrintable("the message does not name the file: " + describe(r)));
    // `new` refuses it the same way and creates nothing.
    const QString study = newStudyPath(QString("from-malformed-%1").arg(QTest::currentDataTag()).replace(' ', '_'));
    CliResult n = runCli({"new", study, "--space", path});
    EXPECT_EXIT(n, 2);
    QVERIFY2(n.all().contains(path), qPrintable(describe(n)));
    QVERIFY(!QFile::exists(study));
}

void TestCli::topLevelUsage()
{
    CliResult none = runCli({});
    EXPECT_EXIT(none, 2);
    QVERIFY(none.all().contains("usage: archscape-cli"));
    CliResult help = runCli({"--help"});
    EXPECT_EXIT(help, 0);
    for (const char* c : {"space", "new", "run", "resume", "trials", "pareto", "best", "info"})
        QVERIFY2(help.out.contains(QString("  %1 ").arg(c)), c);
    CliResult version = runCli({"--version"});
    EXPECT_EXIT(version, 0);
    QVERIFY(version.out.startsWith("archscape-cli "));
}

void TestCli::helpForEachSubcommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char* c : {"space", "new", "run", "resume", "trials", "pareto", "best", "info"})
        QTest::newRow(c) << QString(c);
}

void TestCli::helpForEachSubcommand()
{
    QFETCH(QString, command);
    CliResult r = runCli({command, "--help"});
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.startsWith("usage: archscape-cli " + command), qPrintable(describe(r)));
    QVERIFY(r.err.isEmpty());
}

void TestCli::unknownCommand()
{
    CliResult r = runCli({"frobnicate", "x.db"});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains("unknown command 'frobnicate'"), qPrintable(describe(r)));
}

void TestCli::unknownOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("info") << QStringList{"info", "x.db", "--bogus"};
    QTest::newRow("trials") << QStringList{"trials", "x.db", "--bogus"};
    QTest::newRow("pareto") << QStringList{"pareto", "x.db", "--bogus=1"};
    QTest::newRow("best") << QStringList{"best", "x.db", "--bogus"};
    QTest::newRow("resume") << QStringList{"resume", "x.db", "--bogus"};
    QTest::newRow("new") << QStringList{"new", "x.db", "--space", "s.json", "--bogus"};
    QTest::newRow("space") << QStringList{"space", "s.json", "--bogus"};
    QTest::newRow("run") << QStringList{"run",     "x.db",  "--strategy", "random",
                                        "--evaluator", "nb201", "--bogus", "3"};
}

void TestCli::unknownOption()
{
    QFETCH(QStringList, args);
    CliResult r = runCli(args);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains("unknown option --bogus"), qPrintable(describe(r)));
}

void TestCli::studyWorkflow()
{
    const QString study = newStudyPath("workflow");
    CliResult created = runCli({"new", study, "--space", bundledSpace("nb201.json")});
    EXPECT_EXIT(created, 0);
    QVERIFY2(created.out.contains("created " + study), qPrintable(describe(created)));

    CliResult ran = runCli(runArgs(study, {"--budget", "50"}));
    EXPECT_EXIT(ran, 0);
    QVERIFY2(ran.out.contains("done: 50 trials"), qPrintable(describe(ran)));

    // trials --csv: the contract's metric names, 50 complete rows.
    CliResult trials = runCli({"trials", study, "--csv"});
    EXPECT_EXIT(trials, 0);
    const Csv csv = parseCsv(trials.out);
    QVERIFY2(csv.header.join(',').contains("valid_acc,test_acc,params,flops,latency_ms"),
             qPrintable(csv.header.join(',')));
    QCOMPARE(csv.rows.size(), 50);
    const int state = csv.column("state"), valid = csv.column("valid_acc"),
              params = csv.column("params"), test = csv.column("test_acc"),
              arch = csv.column("architecture"), number = csv.column("trial");
    QVERIFY(state >= 0 && valid >= 0 && params >= 0 && test >= 0 && arch >= 0 && number >= 0);
    QSet<QString> archs;
    double bestValid = -1;
    QString bestTest;
    for (int i = 0; i < csv.rows.size(); ++i) {
        const QStringList& row = csv.rows[i];
        QCOMPARE(row.size(), csv.header.size());
        QCOMPARE(row[number], QString::number(i));
        QCOMPARE(row[state], QString("complete"));
        archs.insert(row[arch]);
        for (int c = 2; c < row.size() - 1; ++c) {
            bool ok = false;
            row[c].toDouble(&ok);
            QVERIFY2(ok, qPrintable(QString("row %1, %2: '%3'").arg(i).arg(csv.header[c], row[c])));
        }
        if (row[valid].toDouble() > bestValid) {
            bestValid = row[valid].toDouble();
            bestTest = row[test];
        }
    }
    QCOMPARE(archs.size(), 50);
    CliResult text = runCli({"trials", study});
    EXPECT_EXIT(text, 0);
    QCOMPARE(text.out.count('\n'), 51);
    CliResult complete = runCli({"trials", study, "--state", "complete", "--csv"});
    EXPECT_EXIT(complete, 0);
    QCOMPARE(parseCsv(complete.out).rows.size(), 50);

    // pareto --csv: non-dominated in (valid_acc max, params min) among all 50.
    CliResult pareto = runCli({"pareto", study, "--csv"});
    EXPECT_EXIT(pareto, 0);
    const Csv front = parseCsv(pareto.out);
    QCOMPARE(front.header, csv.header);
    QVERIFY(!front.rows.isEmpty() && front.rows.size() <= 50);
    for (const auto& f : front.rows) {
        const double fv = f[valid].toDouble(), fp = f[params].toDouble();
        for (const auto& row : csv.rows) {
            const double v = row[valid].toDouble(), p = row[params].toDouble();
            QVERIFY2(!(v >= fv && p <= fp && (v > fv || p < fp)),
                     qPrintable(QString("front member %1 is dominated by trial %2")
                                    .arg(f[number], row[number])));
        }
    }
    CliResult paretoText = runCli({"pareto", study, "--objectives", "acc,latency"});
    EXPECT_EXIT(paretoText, 0);
    QVERIFY2(paretoText.out.contains("hypervolume:"), qPrintable(describe(paretoText)));
    QVERIFY2(paretoText.out.contains("valid_acc:max, latency_ms:min"), qPrintable(describe(paretoText)));

    // best: the trial with the highest valid_acc, reporting its test_acc.
    CliResult best = runCli({"best", study});
    EXPECT_EXIT(best, 0);
    QVERIFY2(best.out.contains("test_acc: " + bestTest), qPrintable(describe(best) + "\nexpected test_acc " + bestTest));
    QVERIFY2(best.out.contains(QRegularExpression("\\nnb201: \\|")), qPrintable(describe(best)));
    CliResult bestParams = runCli({"best", study, "--objective", "params"});
    EXPECT_EXIT(bestParams, 0);

    CliResult info = runCli({"info", study});
    EXPECT_EXIT(info, 0);
    for (const char* expected : {"strategy: evolution", "evaluator: nb201", "budget: 50 trials",
                                 "seed: 1", "trials: 50, 50 complete", "objectives: valid_acc:max"})
        QVERIFY2(info.out.contains(expected), qPrintable(QString(expected) + "\n" + describe(info)));

    // Resuming a finished study adds nothing.
    CliResult resumed = runCli({"resume", study, "--quiet"});
    EXPECT_EXIT(resumed, 0);
    QCOMPARE(parseCsv(runCli({"trials", study, "--csv"}).out).rows, csv.rows);
    ranStudy_ = study;
}

void TestCli::runOnAlreadyRunStudy()
{
    QVERIFY(!ranStudy_.isEmpty());
    const QByteArray before = checksum(ranStudy_);
    CliResult r = runCli(runArgs(ranStudy_, {"--budget", "60"}));
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains("has run already") && r.err.contains("resume"), qPrintable(describe(r)));
    QCOMPARE(checksum(ranStudy_), before);
    CliResult info = runCli({"info", ranStudy_});
    QVERIFY2(info.out.contains("trials: 50, 50 complete") && info.out.contains("budget: 50 trials"),
             qPrintable(describe(info)));
}

// Resuming a study whose budget is spent runs nothing; its summary should
// still count the study's trials, not only those of this process.
void TestCli::resumeOfFinishedStudyReportsItsTrials()
{
    QVERIFY(!ranStudy_.isEmpty());
    CliResult r = runCli({"resume", ranStudy_, "--quiet"});
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("done: 50 trials"), qPrintable(describe(r)));
}

void TestCli::resumeOnNeverRunStudy()
{
    const QString study = createdStudy("never-run");
    CliResult r = runCli({"resume", study});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains("has not been run yet"), qPrintable(describe(r)));
    CliResult info = runCli({"info", study});
    EXPECT_EXIT(info, 0);
    QVERIFY2(info.out.contains("strategy: (not run yet)"), qPrintable(describe(info)));
}

void TestCli::runWithMissingData()
{
    const QString study = createdStudy("no-data");
    CliResult r = runCli({"run", study, "--strategy", "random", "--evaluator", "nb201", "--budget", "5"});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains("--data"), qPrintable(describe(r)));
    // Nothing was stored: the study still has not run.
    CliResult resume = runCli({"resume", study});
    EXPECT_EXIT(resume, 2);

    const QString missing = dir_.filePath("nowhere/nb201_cifar10.csv");
    CliResult m = runCli({"run", study, "--strategy", "random", "--evaluator", "nb201", "--data", missing});
    EXPECT_EXIT(m, 2);
    QVERIFY2(m.err.contains(missing), qPrintable(describe(m)));

    const QString notTable = dir_.filePath("not-a-table.csv");
    writeFile(notTable, "a,b,c\n1,2,3\n");
    CliResult t = runCli({"run", study, "--strategy", "random", "--evaluator", "nb201", "--data", notTable});
    EXPECT_EXIT(t, 2);
    QVERIFY2(t.err.contains(notTable), qPrintable(describe(t)));

    // And with good settings it then runs.
    CliResult ok = runCli(runArgs(study, {"--budget", "5"}));
    EXPECT_EXIT(ok, 0);
}

void TestCli::runWithBadValues_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown strategy") << QStringList{"--strategy", "annealing"} << "unknown strategy 'annealing'";
    QTest::newRow("unknown evaluator") << QStringList{"--evaluator", "oracle"} << "unknown evaluator 'oracle'";
    QTest::newRow("budget not a number") << QStringList{"--budget", "many"} << "--budget";
    QTest::newRow("budget zero") << QStringList{"--budget", "0"} << "--budget";
    QTest::newRow("unknown metric") << QStringList{"--objectives", "beauty:max"} << "unknown metric 'beauty'";
    QTest::newRow("bad direction") << QStringList{"--objectives", "acc:up"} << "max or min";
    QTest::newRow("bad constraint") << QStringList{"--constraints", "params<=lots"} << "lots";
    QTest::newRow("no workers") << QStringList{"--workers", "0"} << "--workers";
    QTest::newRow("bad device") << QStringList{"--device", "tpu"} << "--device";
    QTest::newRow("bad time budget") << QStringList{"--time-budget", "soon"} << "--time-budget";
    QTest::newRow("value missing") << QStringList{"--seed"} << "--seed needs a value";
}

void TestCli::runWithBadValues()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    // One never-run study serves every row: each refused run must leave it
    // byte for byte as it was.
    if (badValuesStudy_.isEmpty())
        badValuesStudy_ = createdStudy("bad-values");
    const QString study = badValuesStudy_;
    const QByteArray before = checksum(study);
    // Later options win, so `extra` overrides the good defaults.
    CliResult r = runCli(runArgs(study, {"--budget", "5"}) + extra);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    QCOMPARE(checksum(study), before);
}

void TestCli::newRefusesExistingFile()
{
    const QString path = dir_.filePath("precious.txt");
    writeFile(path, "precious\n");
    const QByteArray before = checksum(path);
    CliResult r = runCli({"new", path, "--space", bundledSpace("nb201.json")});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(path) && r.err.contains("exists"), qPrintable(describe(r)));
    QCOMPARE(checksum(path), before);

    QVERIFY(!ranStudy_.isEmpty());
    const QByteArray study = checksum(ranStudy_);
    CliResult again = runCli({"new", ranStudy_, "--space", bundledSpace("nb201.json")});
    EXPECT_EXIT(again, 2);
    QCOMPARE(checksum(ranStudy_), study);
}

void TestCli::commandsRefuseNonStudy_data()
{
    QTest::addColumn<QString>("command");
    for (const char* c : {"info", "trials", "pareto", "best", "resume"})
        QTest::newRow(c) << QString(c);
}

void TestCli::commandsRefuseNonStudy()
{
    QFETCH(QString, command);
    const QString path = dir_.filePath("notes.db");
    if (!QFile::exists(path))
        writeFile(path, "these are notes, not a study\n");
    const QByteArray before = checksum(path);
    CliResult r = runCli({command, path});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(path) && r.err.contains("not an Archscape study"), qPrintable(describe(r)));
    QCOMPARE(checksum(path), before);

    CliResult missing = runCli({command, dir_.filePath("missing.db")});
    EXPECT_EXIT(missing, 2);
    QVERIFY(!QFile::exists(dir_.filePath("missing.db")));
}

void TestCli::timeBudget()
{
    const QString study = createdStudy("time");
    CliResult r = runCli(runArgs(study, {"--budget", "1000", "--time-budget", "20000"}));
    EXPECT_EXIT(r, 0);
    const Csv csv = parseCsv(runCli({"trials", study, "--csv"}).out);
    QVERIFY2(csv.rows.size() > 1 && csv.rows.size() < 100, qPrintable(QString::number(csv.rows.size())));
    const int time = csv.column("train_time_s");
    double sum = 0;
    for (const auto& row : csv.rows)
        sum += row[time].toDouble();
    QVERIFY(sum >= 20000);
    QVERIFY(sum - csv.rows.last()[time].toDouble() < 20000);
}

// Ctrl-C stops cleanly (exit 130, the way to continue printed); resume then
// finishes the budget.
void TestCli::interruptThenResume()
{
    const QString study = createdStudy("interrupted");
    QProcess p;
    p.start(cliPath(), runArgs(study, {"--budget", "20000"}));
    QVERIFY(p.waitForStarted());
    // Wait for the search to be under way.
    QElapsedTimer timer;
    timer.start();
    int64_t trials = 0;
    while (trials < 50 && timer.elapsed() < 30000 && p.state() == QProcess::Running) {
        QThread::msleep(20);
        try {
            StudyDb db(study);
            trials = std::stoll(db.scalar("SELECT COUNT(*) FROM trials"));
        } catch (const std::exception&) {
        }
    }
    QVERIFY2(p.state() == QProcess::Running, "the run ended before it could be interrupted");
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 130, qPrintable(QString("exit %1\n%2").arg(p.exitCode()).arg(out)));
    QVERIFY2(out.contains("continue with: archscape-cli resume " + study), qPrintable(out));
    {
        StudyDb db(study);
        QCOMPARE(db.scalar("SELECT COUNT(*) FROM trials WHERE state <> 'complete'"), std::string("0"));
        trials = std::stoll(db.scalar("SELECT COUNT(*) FROM trials"));
    }
    QVERIFY(trials >= 50 && trials < 20000);
    // Finish a smaller total quickly.
    CliResult r = runCli({"resume", study, "--budget", QString::number(trials + 100), "--quiet"}, 120000);
    EXPECT_EXIT(r, 0);
    CliResult info = runCli({"info", study});
    QVERIFY2(info.out.contains(QString("trials: %1, %1 complete").arg(trials + 100)), qPrintable(describe(info)));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
