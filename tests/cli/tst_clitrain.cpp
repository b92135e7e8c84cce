// archscape-cli with the "train" evaluator, on the first 6,000 training and
// 2,000 test images of the real Fashion-MNIST: `run --evaluator train`
// stores metrics, curves and weights for every trial; `train` fully trains
// a chosen trial beside the search; `run --evaluator supernet` prints the
// supernet's training as it goes; bad trainer options, a missing data set
// and a CUDA device on a machine without one exit 2 naming the problem.

#include "CliTestSupport.h"

#include "../torch/FashionMnistSubset.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace clitest;

class TestCliTrain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runTrainsEveryTrial();
    void trainFullyTrainsOneTrial();
    void runShowsTheSupernetTraining();
    void badTrainingRequestsExit2_data();
    void badTrainingRequestsExit2();

private:
    QString newStudy();
    QStringList runArgs(const QString& study) const;

    QTemporaryDir dir_;
    QString data_;
    QString searched_; // the study runTrainsEveryTrial leaves
    int studies_ = 0;
};

void TestCliTrain::initTestCase()
{
    QVERIFY(dir_.isValid());
    data_ = QString::fromStdString(
        torchtest::writeFashionMnistSubset(dir_.filePath("fashion-mnist"), 6000, 2000));
}

QString TestCliTrain::newStudy()
{
    const QString path = dir_.filePath(QString("s%1.db").arg(studies_++));
    const CliResult r = runCli({"new", path, "--space", bundledSpace("fashion_mnist.json")});
    return r.code == 0 ? path : QString();
}

// 1,680 training images in batches of 32 and 1,200 for validation, on one
// thread: a few seconds a trial.
QStringList TestCliTrain::runArgs(const QString& study) const
{
    return {"run", study, "--strategy", "random", "--evaluator", "train", "--data", data_,
            "--epochs", "1", "--budget", "2", "--seed", "1", "--train-fraction", "0.35",
            "--validation-fraction", "0.2", "--batch-size", "32", "--threads", "1", "--lr",
            "0.05", "--optimizer", "sgd", "--quiet"};
}

void TestCliTrain::runTrainsEveryTrial()
{
    const QString study = newStudy();
    QVERIFY(!study.isEmpty());
    const CliResult r = runCli(runArgs(study), 120000);
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("done: 2 trials"), qPrintable(describe(r)));

    StudyDb db(study);
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM trials WHERE state = 'complete'"), std::string("2"));
    for (const char* metric : {"valid_acc", "test_acc", "params", "flops", "train_time_s"})
        QCOMPARE(db.scalar(std::string("SELECT COUNT(*) FROM metrics WHERE step = 0 AND name = '")
                           + metric + "'"),
                 std::string("2"));
    // Percent, well above the 10 % of guessing.
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM metrics WHERE step = 0 AND name IN "
                       "('valid_acc', 'test_acc') AND value > 40 AND value <= 100"),
             std::string("4"));
    for (const char* curve : {"train_loss", "valid_acc", "epoch_time_s"})
        QCOMPARE(db.scalar(std::string("SELECT COUNT(*) FROM metrics WHERE step = 1 AND name = '")
                           + curve + "'"),
                 std::string("2"));
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM artifacts WHERE kind = 'weights' AND "
                       "trial_id IS NOT NULL AND length(data) > 1000"),
             std::string("2"));
    const auto settings = nlohmann::json::parse(db.scalar("SELECT settings FROM studies"));
    QCOMPARE(settings.at("evaluator").get<std::string>(), std::string("train"));
    QCOMPARE(settings.at("options").at("train_fraction").get<double>(), 0.35);

    const CliResult trials = runCli({"trials", study});
    EXPECT_EXIT(trials, 0);
    QVERIFY(trials.out.contains("test_acc"));
    searched_ = study;
}

void TestCliTrain::trainFullyTrainsOneTrial()
{
    if (searched_.isEmpty())
        QSKIP("needs the study of runTrainsEveryTrial");
    const CliResult r = runCli({"train", searched_, "--trial", "1", "--epochs", "2",
                                "--train-fraction", "0.5", "--threads", "1"},
                               120000);
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains("test_acc: ") && r.out.contains("full_training/trial-1"),
             qPrintable(describe(r)));

    StudyDb db(searched_);
    // The search is as it was: two trials, their own metrics.
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM trials"), std::string("2"));
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM metrics WHERE name = 'train_loss'"), std::string("2"));
    // Trial 1 has new weights beside its search weights.
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM artifacts a JOIN trials t ON t.id = a.trial_id "
                       "WHERE t.number = 1 AND a.kind = 'weights'"),
             std::string("2"));
    const auto full = nlohmann::json::parse(db.scalar(
        "SELECT data FROM artifacts WHERE trial_id IS NULL AND kind = 'full_training' "
        "AND name = 'trial-1'"));
    QCOMPARE(full.at("state").get<std::string>(), std::string("complete"));
    QCOMPARE(full.at("epochs").get<int>(), 2);
    QCOMPARE(full.at("curves").at("train_loss").size(), size_t(2));
    QVERIFY(full.at("metrics").at("test_acc").get<double>() > 40.0);
    QCOMPARE(full.at("settings").at("options").at("train_fraction").get<double>(), 0.5);

    const CliResult missing = runCli({"train", searched_, "--trial", "7"});
    EXPECT_EXIT(missing, 2);
    QVERIFY2(missing.err.contains("no trial 7"), qPrintable(describe(missing)));
}

// 480 training images in batches of 32: 15 steps, shown from the first to
// the last, before the trials' lines.
void TestCliTrain::runShowsTheSupernetTraining()
{
    const QString study = newStudy();
    QVERIFY(!study.isEmpty());
    const CliResult r = runCli({"run", study, "--strategy", "spos", "--evaluator", "supernet",
                                "--data", data_, "--epochs", "1", "--budget", "2", "--seed", "1",
                                "--train-fraction", "0.1", "--validation-fraction", "0.2",
                                "--batch-size", "32", "--threads", "1"},
                               120000);
    EXPECT_EXIT(r, 0);
    const int first = int(r.out.indexOf(
        QRegularExpression(R"(^training the supernet: epoch 1/1, step 0/15 \(0 %\)  elapsed 0\.0s  eta \?$)",
                           QRegularExpression::MultilineOption)));
    const int last = int(r.out.indexOf(QRegularExpression(
        R"(^training the supernet: epoch 1/1, step 15/15 \(100 %\)  elapsed \d+\.\ds  eta 0\.0s$)",
        QRegularExpression::MultilineOption)));
    QVERIFY2(first >= 0 && last > first, qPrintable(describe(r)));
    QVERIFY2(r.out.indexOf("done: 2 trials") > last, qPrintable(describe(r)));
}

void TestCliTrain::badTrainingRequestsExit2_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("cuda without CUDA") << QStringList{"--device", "cuda:0"} << "cuda:0";
    QTest::newRow("unknown optimizer") << QStringList{"--optimizer", "adam"} << "adam";
    QTest::newRow("fraction out of range") << QStringList{"--train-fraction", "0"}
                                           << "training fraction";
    QTest::newRow("learning rate not a number") << QStringList{"--lr", "fast"} << "--lr";
    QTest::newRow("batch size of one") << QStringList{"--batch-size", "1"} << "batch size";
    QTest::newRow("data set missing") << QStringList{"--data", "/nonexistent/fashion"}
                                      << "/nonexistent/fashion";
}

void TestCliTrain::badTrainingRequestsExit2()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    if (extra.contains("cuda:0") && QFile::exists("/dev/nvidiactl"))
        QSKIP("an NVIDIA GPU may be usable here");
    const QString study = newStudy();
    QVERIFY(!study.isEmpty());
    const CliResult r = runCli(runArgs(study) + extra);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(message), qPrintable(describe(r)));
    StudyDb db(study);
    QCOMPARE(db.scalar("SELECT COUNT(*) FROM trials"), std::string("0"));
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_clitrain.moc"
