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

#include <iostream>
#include <random>

namespace archscape::cli {

const char* SpaceCommand::usage()
{
    return "usage: archscape-cli space FILE.json [--arch ENC|random [--seed S]]\n"
           "\n"
           "Validates a search space and prints its size and any problems.\n"
           "With --arch, describes one architecture: its canonical encoding, hash,\n"
           "parameter count and FLOPs (multiply-accumulates). ENC is the encoding\n"
           "this command prints; for NAS-Bench-201 spaces a NAS-Bench-201 string\n"
           "(|nor_conv_3x3~0|+|...|) works too. 'random' draws one (--seed S).\n"
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

} // namespace

int SpaceCommand::run(const std::vector<std::string>& args)
{
    ArgumentList list(args, {"--arch", "--seed"}, {"--help"});
    if (list.has("--help")) {
        std::cout << usage();
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("space needs exactly one FILE.json");
    if (list.has("--seed") && !list.has("--arch"))
        throw UsageError("--seed goes with --arch random");
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
    }
    return 0;
}

} // namespace archscape::cli
