// How interactive the Pareto view stays with many trials (DESIGN.md: "the
// Pareto view stays interactive (redraw under 50 ms) with 100,000 points"),
// and how long Graphviz takes to lay out the biggest bundled network.
// Times, on the platform QT_QPA_PLATFORM selects:
//   build     - setTrials() with N trials up to the first full paint;
//   select    - a TrialSelection change up to the repainted widget (target:
//               under 50 ms): only the buffered selection layer is redrawn;
//   replot    - a full replot (what zooming or panning costs);
//   hover     - the nearest-point search a tooltip or click runs;
//   append    - appendTrials() of 100 new trials, repainted;
//   layout    - GraphvizLayout of the mbconv network with the most layers
//               among 50 samples (and of a NAS-Bench-201 network).
// The trials are synthetic: accuracy rising with log(parameters) plus
// noise, from a fixed seed. Run e.g.
// QT_QPA_PLATFORM=offscreen build/bench/bench_pareto_view [--points N] [--repeats R]

#include "BenchSupport.h"

#include "TrialSelection.h"
#include "inspect/ArchitectureGraph.h"
#include "inspect/ArchitectureScene.h"
#include "inspect/GraphvizLayout.h"
#include "inspect/ParetoView.h"
#include "inspect/QCustomPlotSupport.h"
#include "space/ArchitectureSampler.h"
#include "space/Nb201Format.h"
#include "space/SpaceFile.h"

#include <QApplication>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace archscape;

namespace {

std::vector<TrialRecord> syntheticTrials(size_t count, size_t firstId, std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> logParams(4.5, 7.0);
    std::normal_distribution<double> noise(0.0, 2.5);
    std::uniform_real_distribution<double> latency(1.0, 30.0);
    std::vector<TrialRecord> trials(count);
    for (size_t i = 0; i < count; ++i) {
        TrialRecord& t = trials[i];
        t.id = int64_t(firstId + i);
        t.number = t.id - 1;
        t.state = TrialState::Complete;
        const double lp = logParams(rng);
        t.metrics["params"] = std::pow(10.0, lp);
        t.metrics["valid_acc"] = std::min(99.9, 60.0 + 12.0 * (lp - 4.5) + noise(rng));
        t.metrics["latency_ms"] = latency(rng);
    }
    return trials;
}

double ms(double seconds)
{
    return seconds * 1000.0;
}

void layoutTimes()
{
    const std::string spaces = std::string(ARCHSCAPE_SOURCE_DIR) + "/resources/spaces/";
    for (const char* name : {"mbconv.json", "nb201.json"}) {
        const SearchSpace space = SpaceFile::load(spaces + name);
        ArchitectureCodec codec(space);
        ArchitectureSampler sampler(codec);
        std::mt19937_64 rng(1);
        Architecture biggest = sampler.sample(rng);
        size_t most = 0;
        for (int i = 0; i < 50; ++i) {
            const Architecture a = sampler.sample(rng);
            const size_t n = codec.network(a).layers.size();
            if (n > most) {
                most = n;
                biggest = a;
            }
        }
        std::vector<ArchitectureGraph> graphs{ArchitectureGraph::fromNetwork(codec.network(biggest), space)};
        for (const auto& [cellName, cell] : space.cells())
            graphs.push_back(ArchitectureGraph::fromCell(cell, codec, biggest));
        size_t nodes = 0, edges = 0;
        for (auto& g : graphs) {
            ArchitectureScene::measure(g);
            nodes += g.nodes.size();
            edges += g.edges.size();
        }
        std::vector<double> times;
        for (int r = 0; r < 5; ++r) {
            const double t0 = bench::seconds();
            for (const auto& g : graphs)
                GraphvizLayout::compute(g);
            times.push_back(ms(bench::seconds() - t0));
        }
        std::sort(times.begin(), times.end());
        std::printf("layout %-12s %zu layers -> %zu boxes, %zu arrows: median %.1f ms, max %.1f ms (5 runs)\n", name,
                    most, nodes, edges, times[2], times[4]);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const size_t points = std::stoul(bench::option(argc, argv, "--points", "100000"));
    const int repeats = std::stoi(bench::option(argc, argv, "--repeats", "20"));
    std::printf("bench_pareto_view on %s, Qt platform %s\n", bench::machineDescription().c_str(),
                qPrintable(QGuiApplication::platformName()));

    std::mt19937_64 rng(42);
    const std::vector<TrialRecord> trials = syntheticTrials(points, 1, rng);
    ParetoView view;
    TrialSelection selection;
    view.setSelection(&selection);
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();

    double t0 = bench::seconds();
    view.setTrials(trials);
    view.plot()->repaint();
    const double build = bench::seconds() - t0;
    std::printf("build   %zu points (%d on the front): %.1f ms\n", points, int(view.frontTrialIds().size()), ms(build));

    std::vector<double> select, replot, hover;
    std::uniform_int_distribution<size_t> pick(0, trials.size() - 1);
    for (int r = 0; r < repeats; ++r) {
        const int64_t id = trials[pick(rng)].id;
        t0 = bench::seconds();
        selection.select(id);
        view.plot()->repaint();
        select.push_back(ms(bench::seconds() - t0));

        t0 = bench::seconds();
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        replot.push_back(ms(bench::seconds() - t0));

        const QPoint at = view.pixelOfTrial(id);
        t0 = bench::seconds();
        const int64_t found = view.trialAt(at);
        hover.push_back(ms(bench::seconds() - t0));
        if (found == 0)
            std::printf("warning: no trial found at trial %lld's pixel\n", static_cast<long long>(id));
    }
    auto report = [](const char* what, std::vector<double> v) {
        std::sort(v.begin(), v.end());
        const auto s = bench::meanStd(v);
        std::printf("%-7s mean %.2f ms, median %.2f ms, max %.2f ms (%zu runs)\n", what, s.mean, v[v.size() / 2],
                    v.back(), v.size());
    };
    report("select", select);
    report("replot", replot);
    report("hover", hover);

    std::vector<double> append;
    size_t nextId = points + 1;
    for (int r = 0; r < 5; ++r) {
        const std::vector<TrialRecord> more = syntheticTrials(100, nextId, rng);
        nextId += 100;
        t0 = bench::seconds();
        view.appendTrials(more);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        append.push_back(ms(bench::seconds() - t0));
    }
    report("append", append);
    std::printf("select target: under 50 ms -> %s\n",
                *std::max_element(select.begin(), select.end()) < 50.0 ? "met" : "NOT met");

    layoutTimes();
    return 0;
}
