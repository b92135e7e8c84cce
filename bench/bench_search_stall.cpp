// The GUI's longest stall while a search runs (issue: "the GUI never blocks:
// no freeze over 100 ms while a search runs, measured"). Creates a study of
// the NAS-Bench-201 space from the main window, starts a tabular search of
// N trials (default 10,000) from the run panel, and meanwhile ticks a
// QTimer every 5 ms, recording how late each tick comes: the longest
// lateness is the longest time the event loop was busy. The views (table,
// Pareto front, architecture, curves) stay open and follow the search.
// Run e.g. QT_QPA_PLATFORM=offscreen build/bench/bench_search_stall
// [--trials N] [--strategy evolution] [--workers W].

#include "BenchSupport.h"

#include "MainWindow.h"
#include "run/RunPanel.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/TrialTableModel.h"
#include "study/TrialsPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace archscape;

int main(int argc, char** argv)
{
    const int trials = std::stoi(bench::option(argc, argv, "--trials", "10000"));
    const std::string strategy = bench::option(argc, argv, "--strategy", "evolution");
    const int workers = std::stoi(bench::option(argc, argv, "--workers", "1"));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ArchscapeBench"));
    std::printf("bench_search_stall on %s, platform %s: %s, %d trials, %d worker(s)\n",
                bench::machineDescription().c_str(), qPrintable(QGuiApplication::platformName()),
                strategy.c_str(), trials, workers);

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    if (!window.openFile(QStringLiteral(ARCHSCAPE_SOURCE_DIR "/resources/spaces/nb201.json")))
        return 1;
    const QString study = QString::fromStdString(bench::scratchFolder() + "/search.db");
    if (!window.createStudy(study))
        return 1;
    RunPanel* panel = window.studyWorkspace()->runPanel();
    panel->strategyBox()->setCurrentText(QString::fromStdString(strategy));
    panel->evaluatorBox()->setCurrentText(QStringLiteral("nb201"));
    panel->objectivesEdit()->setText(QStringLiteral("valid_acc:max,params:min"));
    panel->budgetBox()->setValue(trials);
    panel->workersBox()->setValue(workers);
    panel->dataEdit()->setText(QStringLiteral(ARCHSCAPE_SHARED_DATA "/nb201/nb201_cifar10.csv"));
    // Settle: the window's first layout and paint are not the search's doing.
    for (int i = 0; i < 50; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);

    std::vector<double> lateness;
    double last = bench::seconds();
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double now = bench::seconds();
        lateness.push_back(std::max(0.0, (now - last) * 1000.0 - 5.0));
        last = now;
    });
    bool ok = false;
    QObject::connect(panel, &RunPanel::searchFinished, [&](bool success) {
        ok = success;
        QCoreApplication::quit();
    });
    const double start = bench::seconds();
    last = start;
    ticker.start(5);
    panel->start();
    app.exec();
    const double elapsed = bench::seconds() - start;
    ticker.stop();
    if (!ok) {
        std::printf("the search failed\n");
        return 1;
    }
    window.studyWorkspace()->session()->refresh();
    std::sort(lateness.begin(), lateness.end());
    auto quantile = [&](double q) { return lateness[size_t(q * double(lateness.size() - 1))]; };
    const auto over = [&](double ms) {
        return std::count_if(lateness.begin(), lateness.end(), [ms](double l) { return l > ms; });
    };
    std::printf("search: %lld trials stored in %.2f s (%.0f trials/s); table shows %d rows\n",
                static_cast<long long>(window.studyWorkspace()->session()->trialCount()), elapsed,
                double(window.studyWorkspace()->session()->trialCount()) / elapsed,
                window.studyWorkspace()->trialsPanel()->model()->rowCount());
    std::printf("stall: longest %.1f ms (target: none over 100 ms), p99 %.1f ms, median %.2f ms "
                "over %zu ticks; %ld ticks late by more than 50 ms, %ld by more than 100 ms\n",
                lateness.back(), quantile(0.99), quantile(0.5), lateness.size(), long(over(50)),
                long(over(100)));
    return 0;
}
