#include "SpaceCommand.h"

#include "ArgumentList.h"

#include "cost/NetworkCost.h"
#include "space/ArchitectureCodec.h"
#include "space/ArchitectureSampler.h"
#include "space/Nb201Format.h"
#include "space/SpaceError.h"
#include "space/SpaceFile.h"
#include "space/SpaceSize.h"
#include "space/SpaceValidator.h"

#ifdef ARCHSCAPE_HAVE_TORCH
#include "torch/DeviceSelection.h"
#include "torch/LatencyMeter.h"
#include "torch/LatencyTable.h"
#include "torch/NetworkModule.h"

#include "study/Study.h"
#endif

#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <random>

namespace archscape::cli {

const char* SpaceCommand::usage()
{
    return "usage: archscape-cli space FILE.json [--arch ENC|random [--seed S]]\n"
           "         [--latency [--device cpu|cuda:N] [--runs N] [--study STUDY.db]]\n"
           "\n"
           "Validates a search space and prints its size and any problems.\n"
           "With --arch, describes one architecture: its canonical encoding, hash,\n"
           "parameter count and FLOPs (multiply-accumulates). ENC is the encoding\n"
           "this command prints; for NAS-Bench-201 spaces a NAS-Bench-201 string\n"
           "(|nor_conv_3x3~0|+|...|) works too. 'random' draws one (--seed S).\n"
           "--latency also measures the built network's latency_ms on --device\n"
           "(default cpu): the median of --runs timed runs (default 50) after 10\n"
           "warm-up runs, batch 1; and estimates it from a per-operation lookup\n"
           "table (each distinct operation timed alone, summed), with its error;\n"
           "--study keeps that table in a study and times only what it lacks.\n"
           "Exit code: 0 valid, 2 bad usage, unreadable file or invalid space.\n";
}

namespace {

bool isNb201Space(const SearchSpace& space)
{
    return space.cells().size() == 1 && space.cells().begin()->second.nodes == 4;
}

// Costs are those of the network as written: NAS-Bench-201 counts the
// parameters of operations whose result is unused, and so does this. The
// canonical form (what encodings and searches use) leaves those out.
void describeArchitecture(const ArchitectureCodec& codec, const Architecture& arch)
{
    Architecture canonical = codec.canonical(arch);
    Network net = codec.network(arch);
    NetworkCost cost = NetworkCost::of(net);
    std::string encoding = codec.encodeCanonical(canonical);
    std::cout << "architecture: " << (encoding.empty() ? "(the space has no choices)" : encoding)
              << "\n";
    if (isNb201Space(codec.space()))
        std::cout << "nb201: " << Nb201Format::format(codec, arch) << "\n";
    std::cout << "hash: " << ArchitectureCodec::hashToHex(ArchitectureCodec::hashText(encoding))
              << "\n";
    std::cout << "params: " << cost.params << "\n";
    std::cout << "flops: " << cost.macs << "  (multiply-accumulates for input "
              << net.inputShape().toString() << ")\n";
    NetworkCost canonicalCost = NetworkCost::of(codec.network(canonical));
    if (canonicalCost.params != cost.params)
        std::cout << "canonical params: " << canonicalCost.params
                  << "  (without operations that cannot affect the output)\n";
}

#ifdef ARCHSCAPE_HAVE_TORCH
// With a study, the table is the one cached there for this device: only
// operations it lacks are timed, and the grown table is saved back.
void describeLatency(const Network& net, const std::string& deviceName, int runs,
                     const std::optional<std::string>& studyPath)
{
    const c10::Device device = DeviceSelection::parse(deviceName);
    std::unique_ptr<Study> study = studyPath ? Study::open(*studyPath) : nullptr;
    const LatencyMeter meter(device, {10, runs, 1});
    NetworkModule module(net, device);
    const double measured = meter.measureMs(*module);
    const std::string label = LatencyTable::deviceLabel(device);
    LatencyTable table =
        study ? LatencyTable::loadFrom(study->storage(), label).value_or(LatencyTable(label))
              : LatencyTable(label);
    const size_t cached = table.size();
    const auto start = std::chrono::steady_clock::now();
    const int operations = table.measureMissing(net, LatencyMeter(device, {3, 15, 1}));
    const double tableS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double estimated = table.estimateMs(net);
    if (study) {
        table.saveTo(study->storage());
        std::cout << "latency table: " << cached << " entries read from " << *studyPath << ", "
                  << table.size() << " saved (study artifact latency_table/" << label << ")\n";
    }
    std::cout << std::fixed << std::setprecision(3) << "latency_ms: " << measured
              << "  (measured on " << table.device() << ": median of " << runs
              << " runs after 10 warm-up runs, batch 1)\n"
              << "latency_ms estimated: " << estimated << "  (lookup table of " << operations
              << " operations timed in " << std::setprecision(2) << tableS << " s; error "
              << std::showpos << std::setprecision(1) << 100.0 * (estimated - measured) / measured
              << std::noshowpos << " %)\n";
}
#endif

} // namespace

int SpaceCommand::run(const std::vector<std::string>& args)
{
    ArgumentList list(args, {"--arch", "--seed", "--device", "--runs", "--study"}, {"--help", "--latency"});
    if (list.has("--help")) {
        std::cout << usage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("space needs exactly one FILE.json");
    if (list.has("--seed") && !list.has("--arch"))
        throw UsageError("--seed goes with --arch random");
    if (list.has("--latency") && !list.has("--arch"))
        throw UsageError("--latency goes with --arch");
    if ((list.has("--device") || list.has("--runs") || list.has("--study")) &&
        !list.has("--latency"))
        throw UsageError("--device, --runs and --study go with --latency");
    const int runs = static_cast<int>(list.integer("--runs").value_or(50));
    if (runs < 1 || runs > 100000)
        throw UsageError("--runs must be between 1 and 100000");
#ifndef ARCHSCAPE_HAVE_TORCH
    if (list.has("--latency"))
        throw UsageError("--latency needs LibTorch, which this build has not");
#endif
    const std::string path = list.positional().front();

    SearchSpace space = SpaceFile::load(path);
    std::cout << "space: " << (space.name.empty() ? "(unnamed)" : space.name) << " (" << path
              << ")\n";
    std::cout << "blocks: " << space.blocks().size() << ", edges: " << space.edges().size()
              << "\n";
    std::vector<Problem> problems = SpaceValidator::validate(space);
    if (!problems.empty()) {
        std::cout << "problems: " << problems.size() << "\n";
        for (const auto& p : problems)
            std::cout << "  error [" << Problem::kindName(p.kind) << "] "
                      << (p.blockId.empty() ? "" : "block '" + p.blockId + "': ") << p.message
                      << "\n";
        return 2;
    }
    ArchitectureCodec codec(space);
    SpaceCount raw = SpaceSize::rawCount(codec.decisions());
    SpaceCount distinct = SpaceSize::distinctCount(codec);
    std::cout << "decisions: " << codec.decisions().size() << "\n";
    std::cout << "size: " << distinct.toString() << " distinct architectures (" << distinct.method
              << "; " << raw.toString() << " assignments)\n";
    std::cout << "problems: none\n";

    if (auto arch = list.value("--arch")) {
        Architecture a;
        if (*arch == "random") {
            auto seed = list.integer("--seed").value_or(std::random_device{}());
            std::mt19937_64 rng(static_cast<uint64_t>(seed));
            a = ArchitectureSampler(codec).sample(rng);
        } else if (Nb201Format::looksLikeNb201(*arch)) {
            a = Nb201Format::parse(codec, *arch);
        } else {
            a = codec.decode(*arch);
        }
        describeArchitecture(codec, a);
#ifdef ARCHSCAPE_HAVE_TORCH
        if (list.has("--latency")) {
            try {
                describeLatency(codec.network(a, false), list.valueOr("--device", "cpu"), runs,
                                list.value("--study"));
            } catch (const std::invalid_argument& e) {
                throw UsageError(e.what());
            }
        }
#endif
    }
    return 0;
}

} // namespace archscape::cli
