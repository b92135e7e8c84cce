// Opening a big study in the app (DESIGN.md: "a study with 1,000,000 trials
// opens in under 2 s"). Makes a NAS-Bench-201 study of N trials (default
// 1,000,000: the table's 15,625 cells evaluated once, repeated), in one
// transaction, then times, on the platform QT_QPA_PLATFORM selects:
//   open  - from creating the main window to the first paint of the trials
//           table with the study's rows (target: under 2 s);
//   sort  - re-sorting the table by valid_acc, best first, to its next paint;
//   deep  - selecting a trial deep in that order (the table finds its row
//           in SQL, scrolls there and paints);
//   all   - the background load of every trial for the Pareto and
//           architecture views (the table is usable meanwhile).
// Run e.g. QT_QPA_PLATFORM=offscreen build/bench/bench_study_open
// [--trials N] [--study PATH: reuse or keep the study file].

#include "BenchSupport.h"

#include "MainWindow.h"
#include "TrialSelection.h"
#include "eval/Nb201Table.h"
#include "eval/Nb201TableEvaluator.h"
#include "space/ArchitectureCodec.h"
#include "space/Nb201Format.h"
#include "space/SpaceFile.h"
#include "storage/SqliteStudyStorage.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/TrialTableModel.h"
#include "study/TrialsPanel.h"

#include <QApplication>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QTableView>

#include <cstdio>
#include <memory>

using namespace archscape;

namespace {

// Counts paints of a widget, so a timing ends when the user sees the result.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

void makeStudy(const std::string& path, int64_t trials)
{
    const std::string data = std::string(ARCHSCAPE_SHARED_DATA) + "/nb201/nb201_cifar10.csv";
    const SearchSpace space = SpaceFile::load(std::string(ARCHSCAPE_SOURCE_DIR) + "/resources/spaces/nb201.json");
    ArchitectureCodec codec{SearchSpace(space)};
    auto table = std::make_shared<const Nb201Table>(data);
    Nb201TableEvaluator evaluator(codec, table, "gold_6226");
    std::vector<TrialRecord> cells;
    for (const auto& [arch, row] : table->rows()) {
        TrialRecord t;
        Architecture a = codec.canonical(Nb201Format::parse(codec, arch));
        t.encoding = codec.encodeCanonical(a);
        t.archHash = ArchitectureCodec::hashToHex(ArchitectureCodec::hashText(t.encoding));
        EvaluationOutcome out = evaluator.evaluate(a);
        t.state = out.state;
        t.metrics = out.metrics;
        cells.push_back(std::move(t));
    }
    auto storage = SqliteStudyStorage::create(path, "nb201 x" + std::to_string(trials),
                                              SpaceFile::serialize(space));
    const int64_t batch = 100000;
    for (int64_t done = 0; done < trials; done += batch) {
        std::vector<TrialRecord> chunk;
        for (int64_t i = done; i < std::min(trials, done + batch); ++i) {
            chunk.push_back(cells[size_t(i) % cells.size()]);
            chunk.back().observedSeq = i;
            chunk.back().proposedAfter = i;
        }
        storage->importTrials(chunk);
    }
}

// Processes events until the widget has painted again (or 30 s passed).
double untilPainted(QWidget* widget, PaintCounter& counter, double start)
{
    const int before = counter.paints;
    widget->update();
    while (counter.paints == before && bench::seconds() - start < 30)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return bench::seconds() - start;
}

} // namespace

int main(int argc, char** argv)
{
    const int64_t trials = std::stoll(bench::option(argc, argv, "--trials", "1000000"));
    std::string path = bench::option(argc, argv, "--study", "");
    if (path.empty())
        path = bench::scratchFolder() + "/study.db";
    if (!QFileInfo::exists(QString::fromStdString(path))) {
        const double t0 = bench::seconds();
        makeStudy(path, trials);
        std::printf("made %s: %lld trials in %.1f s\n", path.c_str(), static_cast<long long>(trials),
                    bench::seconds() - t0);
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ArchscapeBench"));
    std::printf("bench_study_open on %s, platform %s\n", bench::machineDescription().c_str(),
                qPrintable(QGuiApplication::platformName()));

    const double start = bench::seconds();
    MainWindow window;
    window.resize(1440, 900);
    window.show();
    if (!window.openFile(QString::fromStdString(path)))
        return 1;
    TrialsPanel* panel = window.studyWorkspace()->trialsPanel();
    QWidget* viewport = panel->table()->viewport();
    PaintCounter paints;
    viewport->installEventFilter(&paints);
    const double opened = untilPainted(viewport, paints, start);
    const int rows = panel->model()->rowCount();
    std::printf("open  %.3f s to the table's first paint, %d rows (target < 2 s)\n", opened, rows);

    double t = bench::seconds();
    panel->table()->sortByColumn(2, Qt::DescendingOrder);
    const double sorted = untilPainted(viewport, paints, t);
    std::printf("sort  %.3f s by %s, best first (first row %s)\n", sorted,
                qPrintable(panel->model()->metricOfColumn(2)),
                qPrintable(panel->model()->data(panel->model()->index(0, 2)).toString()));

    t = bench::seconds();
    const int64_t deepId = panel->model()->trialIdAt(rows * 3 / 4);
    window.studyWorkspace()->selection()->select(deepId);
    const double deep = untilPainted(viewport, paints, t);
    std::printf("deep  %.3f s to select row %d of %d and show it\n", deep,
                panel->table()->currentIndex().row(), rows);

    StudySession* session = window.studyWorkspace()->session();
    while (session->isLoading() && bench::seconds() - start < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    std::printf("all   %.1f s from the start until every trial was loaded for the plots\n",
                bench::seconds() - start);
    return 0;
}
