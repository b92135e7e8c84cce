#include "ModelExport.h"

#include "ExportError.h"
#include "ModuleTensors.h"
#include "OnnxModelSummary.h"

#include "cost/NetworkCost.h"
#include "torch/NetworkWeights.h"

#include <torch/utils.h>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace archscape {

namespace {

void addMetadata(OnnxExportOptions& options, const std::string& key, const std::string& value)
{
    options.metadata.emplace_back(key, value);
}

void describeArchitecture(OnnxExportOptions& options, const ArchitectureCodec& codec,
                          const std::string& encoding)
{
    addMetadata(options, "space", codec.space().name);
    addMetadata(options, "architecture", encoding);
    addMetadata(options, "architecture_hash",
                ArchitectureCodec::hashToHex(ArchitectureCodec::hashText(encoding)));
}

ExportReport writeModule(NetworkModule& module, const std::string& path, OnnxExportOptions options,
                         const std::string& encoding, const std::string& weights)
{
    addMetadata(options, "weights", weights);
    addMetadata(options, "batch_norm", batchNormExportName(options.batchNorm));
    module->eval();
    const std::vector<LayerTensors> tensors = moduleTensors(module);
    const OnnxExporter exporter(module->network(), tensors, options);
    const std::string bytes = exporter.serialize();
    OnnxExporter::writeFile(bytes, path);

    ExportReport report;
    report.path = path;
    report.encoding = encoding;
    report.weights = weights;
    report.parameters = OnnxModelSummary::of(bytes).parameters;
    report.engineParameters = NetworkCost::of(module->network()).params;
    report.opset = options.opset;
    report.batchNorm = options.batchNorm;
    return report;
}

NetworkModule freshModule(const Network& net, uint64_t seed)
{
    torch::manual_seed(seed);
    return NetworkModule(net);
}

} // namespace

ExportReport ModelExport::exportTrial(Study& study, int64_t trialNumber, const std::string& path,
                                      OnnxExportOptions options, uint64_t seed)
{
    const std::vector<TrialRecord> trials = study.storage().trials();
    auto trial = std::find_if(trials.begin(), trials.end(),
                              [&](const TrialRecord& t) { return t.number == trialNumber; });
    if (trial == trials.end())
        throw ExportError("the study has no trial " + std::to_string(trialNumber) + " (it has " +
                          std::to_string(trials.size()) + ", numbered from 0)");
    const ArchitectureCodec& codec = study.codec();
    const Architecture arch = codec.decode(trial->encoding);
    NetworkModule module = freshModule(codec.network(arch), seed);
    std::string weights = "initialised (seed " + std::to_string(seed) + ")";
    if (auto stored = study.storage().artifact(trial->id, "weights")) {
        loadNetworkWeights(module, *stored);
        weights = "trained (trial " + std::to_string(trialNumber) + ")";
    }

    describeArchitecture(options, codec, trial->encoding);
    addMetadata(options, "study", study.info().name);
    addMetadata(options, "study_file", study.storage().location());
    addMetadata(options, "trial", std::to_string(trialNumber));
    addMetadata(options, "trial_state", trialStateName(trial->state));
    addMetadata(options, "metrics", nlohmann::json(trial->metrics).dump());
    return writeModule(module, path, std::move(options), trial->encoding, weights);
}

ExportReport ModelExport::exportArchitecture(const ArchitectureCodec& codec,
                                             const Architecture& arch, uint64_t seed,
                                             const std::string& path, OnnxExportOptions options)
{
    NetworkModule module = freshModule(codec.network(arch), seed);
    const std::string encoding = codec.encode(arch);
    describeArchitecture(options, codec, encoding);
    return writeModule(module, path, std::move(options), encoding,
                       "initialised (seed " + std::to_string(seed) + ")");
}

} // namespace archscape
