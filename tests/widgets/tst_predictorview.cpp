// The predictor view on predictions stored in a real study file: its tau
// and rho are RankCorrelation's on the stored pairs, the predictor combo
// switches between them, clicks select trials, the selection is highlighted.

#include "InspectTestSupport.h"
#include "TrialSelection.h"
#include "inspect/PredictorView.h"
#include "inspect/QCustomPlotSupport.h"
#include "stats/RankCorrelation.h"
#include "storage/SqliteStudyStorage.h"

#include <QComboBox>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace archscape;

class TestPredictorView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void correlationsAreRankCorrelations();
    void comboSwitchesPredictor();
    void clickSelectsAndSelectionHighlights();
    void emptyStudySaysSo();

private:
    QTemporaryDir dir_;
    std::unique_ptr<SqliteStudyStorage> storage_;
    std::vector<PredictionRecord> rows(const std::string& predictor) const
    {
        return storage_->predictions(predictor);
    }
};

void TestPredictorView::initTestCase()
{
    const SearchSpace space = inspecttest::loadSpace("nb201.json");
    ArchitectureCodec codec(space);
    QFile spaceFile(QString::fromStdString(inspecttest::sourcePath("resources/spaces/nb201.json")));
    QVERIFY(spaceFile.open(QIODevice::ReadOnly));
    storage_ = SqliteStudyStorage::create(dir_.filePath("study.db").toStdString(), "predictors",
                                          spaceFile.readAll().toStdString());
    // Real NB201 trials; two "predictors" of valid_acc built from other
    // columns of the table: test accuracy, and parameter count.
    std::vector<TrialRecord> trials = inspecttest::nb201Trials(codec, 400, 3);
    std::vector<PredictionRecord> predictions;
    for (auto& t : trials) {
        storage_->addTrial(t);
        predictions.push_back({"from_test_acc", t.id, *t.metric("test_acc"), t.metric("valid_acc")});
        predictions.push_back({"from_params", t.id, std::log10(*t.metric("params")), t.metric("valid_acc")});
    }
    predictions.push_back({"from_params", trials[0].id, 1.0, std::nullopt}); // not measured: not drawn
    storage_->addPredictions(predictions);
}

void TestPredictorView::correlationsAreRankCorrelations()
{
    PredictorView view;
    view.setStorage(storage_.get());
    view.setPredictor("from_test_acc");
    std::vector<double> predicted, measured;
    for (const auto& r : rows("from_test_acc")) {
        predicted.push_back(r.predicted);
        measured.push_back(*r.measured);
    }
    QCOMPARE(view.pointCount(), 400);
    QCOMPARE(view.predicted(), predicted);
    QCOMPARE(view.measured(), measured);
    QCOMPARE(view.kendall(), kendallTau(predicted, measured));
    QCOMPARE(view.spearman(), spearmanRho(predicted, measured));
    QVERIFY(view.kendall() > 0.5); // test and validation accuracy agree
    QVERIFY(view.spearman() > view.kendall());
}

void TestPredictorView::comboSwitchesPredictor()
{
    PredictorView view;
    view.setStorage(storage_.get());
    auto* combo = view.findChild<QComboBox*>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);
    const int index = combo->findText("from_params");
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    QCOMPARE(view.predictor(), std::string("from_params"));
    std::vector<double> predicted, measured;
    std::map<int64_t, size_t> seen;
    for (const auto& r : rows("from_params"))
        if (r.measured) {
            predicted.push_back(r.predicted);
            measured.push_back(*r.measured);
        }
    QCOMPARE(view.pointCount(), 400);
    QCOMPARE(view.kendall(), kendallTau(predicted, measured));
    QCOMPARE(view.spearman(), spearmanRho(predicted, measured));
}

void TestPredictorView::clickSelectsAndSelectionHighlights()
{
    PredictorView view;
    TrialSelection selection;
    view.setStorage(storage_.get());
    view.setSelection(&selection);
    view.setPredictor("from_test_acc");
    view.resize(700, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // A point with no other within 4 pixels.
    const auto all = rows("from_test_acc");
    int64_t pick = 0;
    for (const auto& r : all) {
        const QPoint p = view.pixelOfTrial(r.trialId);
        bool alone = !p.isNull();
        for (const auto& o : all)
            if (o.trialId != r.trialId && (view.pixelOfTrial(o.trialId) - p).manhattanLength() <= 4)
                alone = false;
        if (alone) {
            pick = r.trialId;
            break;
        }
    }
    QVERIFY(pick != 0);
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, view.pixelOfTrial(pick));
    QCOMPARE(selection.current(), pick);
    QCOMPARE(view.highlightedTrial(), pick);

    selection.select(all[5].trialId);
    QCOMPARE(view.highlightedTrial(), all[5].trialId);
    int highlighted = 0;
    for (int i = 0; i < view.plot()->graphCount(); ++i)
        if (view.plot()->graph(i)->layer()->name() == "selection")
            highlighted += view.plot()->graph(i)->dataCount();
    QCOMPARE(highlighted, 2); // on the scatter and on the residuals
    inspecttest::saveShot(view, "predictor");
}

void TestPredictorView::emptyStudySaysSo()
{
    QTemporaryDir dir;
    auto empty = SqliteStudyStorage::create(dir.filePath("empty.db").toStdString(), "empty", "{}");
    PredictorView view;
    view.setStorage(empty.get());
    QCOMPARE(view.pointCount(), 0);
    QVERIFY(std::isnan(view.kendall()));
    QCOMPARE(view.predictor(), std::string());
}

QTEST_MAIN(TestPredictorView)
#include "tst_predictorview.moc"
