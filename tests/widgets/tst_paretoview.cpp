// The Pareto view on real NAS-Bench-201 trials: the front it draws is the
// engine's non-dominated set, live appends keep it so, clicks select,
// the selection is highlighted, and exports hold what is drawn.

#include "InspectTestSupport.h"
#include "TrialSelection.h"
#include "inspect/ParetoView.h"
#include "inspect/QCustomPlotSupport.h"
#include "inspect/TwoObjectiveFront.h"
#include "multiobjective/Hypervolume.h"
#include "multiobjective/ParetoRanking.h"

#include <QApplication>
#include <QFile>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <set>

using namespace archscape;

class TestParetoView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void frontEqualsEngineNonDominatedSet_data();
    void frontEqualsEngineNonDominatedSet();
    void twoObjectiveFrontMatchesEngineOnTies();
    void appendingKeepsTheFront();
    void hypervolumeUsesTheStatedReference();
    void clickSelectsTheTrial();
    void selectionIsHighlighted();
    void csvExportHoldsThePoints();
    void imageExportsWriteFiles();
    void exportToABadPathSaysSo();

private:
    std::unique_ptr<ArchitectureCodec> codec_;
    std::vector<TrialRecord> trials_;
};

namespace {

std::vector<int64_t> engineFront(const std::vector<TrialRecord>& trials, const Objective& x, const Objective& y)
{
    std::vector<std::vector<double>> points;
    std::vector<int64_t> ids;
    for (const auto& t : trials) {
        auto a = t.metric(x.metric), b = t.metric(y.metric);
        if (t.state != TrialState::Complete || !a || !b)
            continue;
        points.push_back({x.minimized(*a), y.minimized(*b)});
        ids.push_back(t.id);
    }
    std::vector<int64_t> front;
    for (int i : ParetoRanking::nonDominated(points))
        front.push_back(ids[size_t(i)]);
    std::sort(front.begin(), front.end());
    return front;
}

QCPGraph* graphNamed(QCustomPlot* plot, const QString& name)
{
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == name)
            return plot->graph(i);
    return nullptr;
}

std::vector<std::pair<double, double>> graphPoints(QCPGraph* graph)
{
    std::vector<std::pair<double, double>> points;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        points.emplace_back(it->key, it->value);
    std::sort(points.begin(), points.end());
    return points;
}

const TrialRecord& trialById(const std::vector<TrialRecord>& trials, int64_t id)
{
    return *std::find_if(trials.begin(), trials.end(), [id](const TrialRecord& t) { return t.id == id; });
}

} // namespace

void TestParetoView::initTestCase()
{
    codec_ = std::make_unique<ArchitectureCodec>(inspecttest::loadSpace("nb201.json"));
    trials_ = inspecttest::nb201Trials(*codec_, 2000, 7);
    QCOMPARE(trials_.size(), size_t(2000));
    // A few trials that must not be drawn: failed, and missing a metric.
    trials_[10].state = TrialState::Failed;
    trials_[11].metrics.erase("params");
}

void TestParetoView::frontEqualsEngineNonDominatedSet_data()
{
    QTest::addColumn<QString>("x");
    QTest::addColumn<QString>("y");
    QTest::newRow("valid_acc/params") << "valid_acc" << "params";
    QTest::newRow("test_acc/latency_ms") << "test_acc" << "latency_ms";
    QTest::newRow("flops/valid_acc") << "flops" << "valid_acc";
}

void TestParetoView::frontEqualsEngineNonDominatedSet()
{
    QFETCH(QString, x);
    QFETCH(QString, y);
    const Objective ox{x.toStdString(), metricIsMaximized(x.toStdString())};
    const Objective oy{y.toStdString(), metricIsMaximized(y.toStdString())};
    ParetoView view;
    view.setTrials(trials_);
    view.setObjectives(ox, oy);

    const std::vector<int64_t> expected = engineFront(trials_, ox, oy);
    QVERIFY(expected.size() >= 3);
    QCOMPARE(view.frontTrialIds(), expected);
    const long drawable = std::count_if(trials_.begin(), trials_.end(), [&](const TrialRecord& t) {
        return t.state == TrialState::Complete && t.metric(ox.metric) && t.metric(oy.metric);
    });
    QCOMPARE(view.plottedCount(), int(drawable));

    // What is drawn: the front line passes through exactly the front's
    // points, and the dominated graph holds every other point.
    std::vector<std::pair<double, double>> frontPoints;
    for (int64_t id : expected) {
        const TrialRecord& t = trialById(trials_, id);
        frontPoints.emplace_back(*t.metric(ox.metric), *t.metric(oy.metric));
    }
    std::sort(frontPoints.begin(), frontPoints.end());
    QCPGraph* line = graphNamed(view.plot(), "Pareto front");
    QVERIFY(line);
    QCOMPARE(graphPoints(line), frontPoints);
    QCPGraph* dominated = graphNamed(view.plot(), "dominated");
    QVERIFY(dominated);
    QCOMPARE(int(dominated->dataCount() + line->dataCount()), view.plottedCount());
    QCOMPARE(line->lineStyle(), ox.maximize ? QCPGraph::lsStepRight : QCPGraph::lsStepLeft);
}

void TestParetoView::twoObjectiveFrontMatchesEngineOnTies()
{
    // Duplicates, ties in one objective, infinities and NaN.
    const double inf = std::numeric_limits<double>::infinity(), nan = std::nan("");
    const std::vector<double> a{1, 1, 2, 2, 3, 0, 0, 5, nan, -inf, -inf, 4};
    const std::vector<double> b{5, 5, 4, 3, 3, 9, 8, 1, 0, inf, inf, 1};
    std::vector<std::vector<double>> points;
    for (size_t i = 0; i < a.size(); ++i)
        points.push_back({a[i], b[i]});
    QCOMPARE(TwoObjectiveFront::nonDominated(a, b), ParetoRanking::nonDominated(points));
    // And on the NB201 sample, projected on its (valid_acc, params) plane.
    std::vector<double> acc, params;
    points.clear();
    for (const auto& t : trials_) {
        acc.push_back(-t.metric("valid_acc").value_or(nan));
        params.push_back(t.metric("params").value_or(nan));
        points.push_back({acc.back(), params.back()});
    }
    QCOMPARE(TwoObjectiveFront::nonDominated(acc, params), ParetoRanking::nonDominated(points));
}

void TestParetoView::appendingKeepsTheFront()
{
    ParetoView view;
    const Objective acc{"valid_acc", true}, params{"params", false};
    view.setObjectives(acc, params);
    std::vector<TrialRecord> first(trials_.begin(), trials_.begin() + 500);
    view.setTrials(first);
    for (size_t start = 500; start < trials_.size(); start += 250) {
        std::vector<TrialRecord> chunk(trials_.begin() + long(start),
                                       trials_.begin() + long(std::min(start + 250, trials_.size())));
        view.appendTrials(chunk);
        std::vector<TrialRecord> seen(trials_.begin(), trials_.begin() + long(start + chunk.size()));
        QCOMPARE(view.frontTrialIds(), engineFront(seen, acc, params));
    }
    QCOMPARE(view.plottedCount(), int(trials_.size()) - 2);
    QCPGraph* dominated = graphNamed(view.plot(), "dominated");
    QCPGraph* line = graphNamed(view.plot(), "Pareto front");
    QCOMPARE(int(dominated->dataCount() + line->dataCount()), view.plottedCount());

    // A trial finishing later (same id, now complete) replaces the old record.
    TrialRecord failed = trials_[10];
    failed.state = TrialState::Complete;
    view.appendTrials({failed});
    QCOMPARE(view.plottedCount(), int(trials_.size()) - 1);
}

void TestParetoView::hypervolumeUsesTheStatedReference()
{
    ParetoView view;
    view.setTrials(trials_);
    view.setObjectives({"valid_acc", true}, {"params", false});
    double worstAcc = -1e300, bestAcc = 1e300, worstParams = -1e300, bestParams = 1e300;
    std::vector<std::vector<double>> front;
    for (const auto& t : trials_) {
        auto a = t.metric("valid_acc"), p = t.metric("params");
        if (t.state != TrialState::Complete || !a || !p)
            continue;
        worstAcc = std::max(worstAcc, -*a);
        bestAcc = std::min(bestAcc, -*a);
        worstParams = std::max(worstParams, *p);
        bestParams = std::min(bestParams, *p);
    }
    for (int64_t id : view.frontTrialIds()) {
        const TrialRecord& t = trialById(trials_, id);
        front.push_back({-*t.metric("valid_acc"), *t.metric("params")});
    }
    const std::vector<double> reference{worstAcc + 0.1 * (worstAcc - bestAcc),
                                        worstParams + 0.1 * (worstParams - bestParams)};
    QCOMPARE(view.hypervolumeReference(), reference);
    QCOMPARE(view.hypervolume(), Hypervolume::compute(front, reference));
    QVERIFY(view.hypervolume() > 0.0);
}

void TestParetoView::clickSelectsTheTrial()
{
    ParetoView view;
    TrialSelection selection;
    view.setSelection(&selection);
    view.setTrials(trials_);
    view.setObjectives({"valid_acc", true}, {"latency_ms", false});
    view.resize(900, 650);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // Pick points drawn alone (no other within 4 px), on and off the front.
    std::vector<QPoint> pixels;
    for (const auto& t : trials_)
        pixels.push_back(view.pixelOfTrial(t.id));
    auto alone = [&](size_t i) {
        if (pixels[i].isNull())
            return false;
        for (size_t j = 0; j < pixels.size(); ++j)
            if (j != i && !pixels[j].isNull() && (pixels[j] - pixels[i]).manhattanLength() <= 4)
                return false;
        return true;
    };
    const std::vector<int64_t> front = view.frontTrialIds();
    const std::set<int64_t> onFront(front.begin(), front.end());
    int64_t frontPick = 0, dominatedPick = 0;
    for (size_t i = 0; i < trials_.size() && (!frontPick || !dominatedPick); ++i) {
        if (!alone(i))
            continue;
        if (onFront.count(trials_[i].id) && !frontPick)
            frontPick = trials_[i].id;
        else if (!onFront.count(trials_[i].id) && !dominatedPick)
            dominatedPick = trials_[i].id;
    }
    QVERIFY(frontPick != 0);
    QVERIFY(dominatedPick != 0);

    for (int64_t id : {frontPick, dominatedPick}) {
        const QPoint at = view.pixelOfTrial(id);
        QVERIFY(view.plot()->axisRect()->rect().contains(at));
        QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(selection.current(), id);
        QCOMPARE(view.highlightedTrial(), id);
    }
    inspecttest::saveShot(view, "pareto_latency");
    view.setColorMetric("params");
    view.setLogAxes(false, true);
    inspecttest::saveShot(view, "pareto_colour_log");
    view.setColorMetric("");
    view.setLogAxes(false, false);
    // Hovering a point shows its trial number and metrics.
    const TrialRecord& hovered = trialById(trials_, frontPick);
    const QPoint hoverAt = view.pixelOfTrial(frontPick);
    QMouseEvent move(QEvent::MouseMove, QPointF(hoverAt), QPointF(view.plot()->mapToGlobal(hoverAt)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.plot(), &move);
    QVERIFY(QToolTip::text().startsWith(QString("Trial %1 (id %2)").arg(hovered.number).arg(hovered.id)));
    QVERIFY(QToolTip::text().contains(QString("valid_acc: %1").arg(*hovered.metric("valid_acc"), 0, 'g', 6)));
    QVERIFY(QToolTip::text().contains("latency_ms: "));

    // A click far from every point keeps the selection.
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, QPoint(3, 3));
    QCOMPARE(selection.current(), dominatedPick);
}

void TestParetoView::selectionIsHighlighted()
{
    ParetoView view;
    TrialSelection selection;
    view.setTrials(trials_);
    view.setSelection(&selection);
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const TrialRecord& t = trials_[123];
    selection.select(t.id);
    QCOMPARE(view.highlightedTrial(), t.id);
    QCPGraph* selected = graphNamed(view.plot(), "selected");
    QVERIFY(selected);
    QCOMPARE(graphPoints(selected),
             (std::vector<std::pair<double, double>>{{*t.metric("valid_acc"), *t.metric("params")}}));

    // The ring is painted where the point is.
    view.plot()->replot();
    inspecttest::saveShot(view, "pareto_selected");
    const QImage image = view.plot()->toPixmap(view.plot()->width(), view.plot()->height(), 1.0).toImage();
    const QPoint at = view.pixelOfTrial(t.id);
    int ringPixels = 0;
    for (int dx = -9; dx <= 9; ++dx)
        for (int dy = -9; dy <= 9; ++dy) {
            const QColor c = image.pixelColor(at + QPoint(dx, dy));
            ringPixels += c.blue() > 150 && c.red() < 80 && c.green() > 80 && c.green() < 160;
        }
    QVERIFY2(ringPixels > 10, qPrintable(QString("only %1 ring pixels").arg(ringPixels)));

    // Selecting a trial that is not drawn clears the highlight.
    selection.select(trials_[10].id);
    QCOMPARE(selected->dataCount(), 0);
}

void TestParetoView::csvExportHoldsThePoints()
{
    ParetoView view;
    view.setTrials(trials_);
    view.setObjectives({"valid_acc", true}, {"params", false});
    view.setColorMetric("latency_ms");
    QTemporaryDir dir;
    const QString path = dir.filePath("front.csv");
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.front(), QString("trial_id,number,valid_acc,params,latency_ms,on_front"));
    QCOMPARE(lines.size() - 1, view.plottedCount());
    const std::vector<int64_t> front = view.frontTrialIds();
    std::vector<int64_t> csvFront;
    int64_t lastNumber = -1;
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(',');
        QCOMPARE(cells.size(), 6);
        const TrialRecord& t = trialById(trials_, cells[0].toLongLong());
        QCOMPARE(cells[1].toLongLong(), t.number);
        QVERIFY(t.number > lastNumber);
        lastNumber = t.number;
        QCOMPARE(cells[2].toDouble(), *t.metric("valid_acc"));
        QCOMPARE(cells[3].toDouble(), *t.metric("params"));
        QCOMPARE(cells[4].toDouble(), *t.metric("latency_ms"));
        if (cells[5] == "1")
            csvFront.push_back(t.id);
        else
            QCOMPARE(cells[5], QString("0"));
    }
    std::sort(csvFront.begin(), csvFront.end());
    QCOMPARE(csvFront, front);
}

void TestParetoView::imageExportsWriteFiles()
{
    ParetoView view;
    view.setTrials(trials_);
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTemporaryDir dir;
    QString error;
    QVERIFY2(view.exportPng(dir.filePath("a.png"), &error), qPrintable(error));
    QVERIFY2(view.exportSvg(dir.filePath("a.svg"), &error), qPrintable(error));
    QVERIFY2(view.exportPdf(dir.filePath("a.pdf"), &error), qPrintable(error));
    QImage png(dir.filePath("a.png"));
    QVERIFY(!png.isNull());
    QFile svg(dir.filePath("a.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("valid_acc"));
    QFile pdf(dir.filePath("a.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
}

void TestParetoView::exportToABadPathSaysSo()
{
    ParetoView view;
    view.setTrials(trials_);
    QString error;
    QVERIFY(!view.exportCsv("/nonexistent-folder/x.csv", &error));
    QVERIFY(error.contains("/nonexistent-folder/x.csv"));
    error.clear();
    QVERIFY(!view.exportSvg("/nonexistent-folder/x.svg", &error));
    QVERIFY(error.contains("x.svg"));
}

QTEST_MAIN(TestParetoView)
#include "tst_paretoview.moc"
