#include "EvaluatorData.h"

#include <stdexcept>

namespace archscape {

namespace {

// The space's networks must take the data set's images and score its classes.
void checkFit(const ArchitectureCodec& codec, const TrainingData& data)
{
    const Network net = codec.network(codec.defaultArchitecture(), false);
    const Shape in = net.inputShape();
    const std::string images = std::to_string(data.channels()) + "×"
        + std::to_string(data.height()) + "×" + std::to_string(data.width());
    if (in.isVector || in.channels != data.channels() || in.height != data.height()
        || in.width != data.width())
        throw std::invalid_argument("the space's networks take " + in.toString()
                                    + " inputs, but the images of " + data.folder() + " are "
                                    + images);
    const Shape out = net.layers.at(size_t(net.output)).shape;
    if (!out.isVector || out.channels < data.classCount())
        throw std::invalid_argument("the space's networks output " + out.toString()
                                    + ", not a vector of scores for the "
                                    + std::to_string(data.classCount()) + " classes of "
                                    + data.folder());
}

} // namespace

std::shared_ptr<const TrainingData> loadEvaluatorData(const std::string& evaluator,
                                                      const RunSettings& run,
                                                      const TrainingSettings& settings,
                                                      const ArchitectureCodec& codec)
{
    if (run.data.empty())
        throw std::invalid_argument(
            "the " + evaluator + " evaluator needs --data FOLDER, a folder of IDX files such as "
            "/usr/share/datasets/fashion-mnist");
    std::shared_ptr<const TrainingData> data;
    try {
        data = TrainingData::load(run.data, settings.validationFraction, settings.seed);
    } catch (const std::runtime_error& e) {
        throw std::invalid_argument("the " + evaluator + " evaluator cannot read its data: "
                                    + e.what());
    }
    checkFit(codec, *data);
    return data;
}

} // namespace archscape
