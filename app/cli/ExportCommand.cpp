#include "ExportCommand.h"

#include "ArgumentList.h"

#include "export/ExportError.h"
#include "export/ModelExport.h"
#include "space/ArchitectureCodec.h"
#include "space/ArchitectureSampler.h"
#include "space/Nb201Format.h"
#include "space/SpaceError.h"
#include "space/SpaceFile.h"
#include "space/SpaceValidator.h"
#include "study/Study.h"

#include <iostream>
#include <random>

namespace archscape::cli {

const char* ExportCommand::usage()
{
    return "usage: archscape-cli export STUDY.db --trial N -o model.onnx [options]\n"
           "       archscape-cli export --space FILE.json --arch ENC|random [--seed S]\n"
           "                            -o model.onnx [options]\n"
           "\n"
           "Writes a network with its weights as an ONNX model: input 'input'\n"
           "(N×C×H×W, N dynamic), output 'logits'. A study's trial takes its trained\n"
           "weights when the trial stored them, else freshly initialised ones (seed S,\n"
           "default 0). --arch takes the encoding `space --arch` prints, a\n"
           "NAS-Bench-201 string for NAS-Bench-201 spaces, or 'random' (drawn with\n"
           "--seed S, which also seeds the weights).\n"
           "\n"
           "options:\n"
           "  -o, --output FILE        the model file (written atomically)\n"
           "  --opset N                ONNX opset, 13 to 17 (default 13)\n"
           "  --batch-norm keep|fold   BatchNormalization nodes (default), or folded\n"
           "                           into the convolutions before them\n"
           "Exit code: 0 written, 2 bad usage, bad input or unsupported network, 1 other\n"
           "failures (the file cannot be written, stored weights do not load).\n";
}

namespace {

OnnxExportOptions optionsFrom(const ArgumentList& list)
{
    OnnxExportOptions options;
    if (auto opset = list.integer("--opset"))
        options.opset = static_cast<int>(*opset);
    if (auto mode = list.value("--batch-norm")) {
        if (*mode != "keep" && *mode != "fold")
            throw UsageError("--batch-norm takes keep or fold, not '" + *mode + "'");
        options.batchNorm = batchNormExportFromName(*mode);
    }
    return options;
}

Architecture architectureFrom(const ArchitectureCodec& codec, const std::string& arch,
                              uint64_t seed)
{
    if (arch == "random") {
        std::mt19937_64 rng(seed);
        return ArchitectureSampler(codec).sample(rng);
    }
    if (Nb201Format::looksLikeNb201(arch))
        return Nb201Format::parse(codec, arch);
    return codec.decode(arch);
}

void printReport(const ExportReport& r)
{
    std::cout << "wrote: " << r.path << "\n";
    std::cout << "architecture: " << (r.encoding.empty() ? "(the space has no choices)" : r.encoding)
              << "\n";
    std::cout << "weights: " << r.weights << "\n";
    std::cout << "opset: " << r.opset << ", batch norm: " << batchNormExportName(r.batchNorm)
              << "\n";
    std::cout << "params: " << r.parameters;
    if (r.parameters != r.engineParameters)
        std::cout << "  (engine: " << r.engineParameters << "; folding batch norm changes it)";
    std::cout << "\n";
}

} // namespace

int ExportCommand::run(const std::vector<std::string>& args)
{
    std::vector<std::string> normalised = args;
    for (auto& a : normalised)
        if (a == "-o")
            a = "--output";
    ArgumentList list(normalised,
                      {"--trial", "--space", "--arch", "--seed", "--output", "--opset", "--batch-norm"},
                      {"--help"});
    if (list.has("--help")) {
        std::cout << usage();
        return 0;
    }
    const auto output = list.value("--output");
    if (!output || output->empty())
        throw UsageError("export needs -o model.onnx");
    const OnnxExportOptions options = optionsFrom(list);
    const auto seed = static_cast<uint64_t>(list.integer("--seed").value_or(0));

    if (list.has("--space")) {
        if (!list.positional().empty() || list.has("--trial"))
            throw UsageError("export takes either STUDY.db --trial N or --space FILE.json --arch ENC");
        const auto arch = list.value("--arch");
        if (!arch)
            throw UsageError("--space needs --arch ENC|random");
        SearchSpace space = SpaceFile::load(*list.value("--space"));
        const std::vector<Problem> problems = SpaceValidator::validate(space);
        if (!problems.empty())
            throw SpaceError(*list.value("--space"), problems.front().blockId,
                             problems.front().message + " (archscape-cli space lists every problem)");
        ArchitectureCodec codec(space);
        printReport(ModelExport::exportArchitecture(codec, architectureFrom(codec, *arch, seed),
                                                    seed, *output, options));
        return 0;
    }
    if (list.positional().size() != 1)
        throw UsageError("export needs one STUDY.db (with --trial N) or --space FILE.json");
    if (list.has("--arch"))
        throw UsageError("--arch goes with --space; a study's trial is chosen with --trial N");
    const auto trial = list.integer("--trial");
    if (!trial)
        throw UsageError("export STUDY.db needs --trial N (the number `trials` lists)");
    auto study = Study::open(list.positional().front());
    printReport(ModelExport::exportTrial(*study, *trial, *output, options, seed));
    return 0;
}

} // namespace archscape::cli
