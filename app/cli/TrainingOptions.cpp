#include "TrainingOptions.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <vector>

namespace archscape::cli {

namespace {

// Numeric options and the RunSettings::options key each fills.
const std::map<std::string, std::string>& numericOptions()
{
    static const std::map<std::string, std::string> options{
        {"--lr", "lr"},
        {"--momentum", "momentum"},
        {"--weight-decay", "weight_decay"},
        {"--label-smoothing", "label_smoothing"},
        {"--batch-size", "batch_size"},
        {"--train-fraction", "train_fraction"},
        {"--validation-fraction", "validation_fraction"},
        {"--threads", "threads"},
    };
    return options;
}

double number(const std::string& option, const std::string& text)
{
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(value))
        throw UsageError("option " + option + " needs a number, not '" + text + "'");
    return value;
}

// A named choice stored as a number: the index of `text` in `names`.
double choice(const std::string& option, const std::string& text,
              const std::vector<std::string>& names)
{
    std::string known;
    for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text)
            return double(i);
        known += (known.empty() ? "" : ", ") + names[i];
    }
    throw UsageError("option " + option + " is one of " + known + ", not '" + text + "'");
}

} // namespace

std::set<std::string> TrainingOptions::with(std::set<std::string> valued)
{
    for (const auto& [option, key] : numericOptions())
        valued.insert(option);
    valued.insert({"--optimizer", "--schedule", "--amp"});
    return valued;
}

void TrainingOptions::apply(const ArgumentList& list, RunSettings& settings)
{
    for (const auto& [option, key] : numericOptions())
        if (auto v = list.value(option))
            settings.options[key] = number(option, *v);
    if (auto v = list.value("--optimizer"))
        settings.options["optimizer"] = choice("--optimizer", *v, {"sgd", "adamw"});
    if (auto v = list.value("--schedule"))
        settings.options["cosine"] = choice("--schedule", *v, {"constant", "cosine"});
    if (auto v = list.value("--amp"))
        settings.options["amp"] = choice("--amp", *v, {"off", "on"});
}

const char* TrainingOptions::usage()
{
    return "Training (--evaluator train; --data is a folder of IDX files such as\n"
           "/usr/share/datasets/fashion-mnist, --epochs E per architecture):\n"
           "  --optimizer sgd|adamw      default sgd (momentum 0.9)\n"
           "  --lr X                     default 0.05 for sgd, 0.001 for adamw\n"
           "  --momentum X               sgd only, default 0.9\n"
           "  --weight-decay X           default 5e-4 for sgd, 0.01 for adamw\n"
           "  --label-smoothing X        default 0\n"
           "  --schedule cosine|constant learning rate per step, default cosine\n"
           "  --batch-size N             default 128\n"
           "  --train-fraction F         share of the training split each architecture\n"
           "                             trains on (the short-budget proxy), default 1\n"
           "  --validation-fraction F    share of the training set held out for\n"
           "                             valid_acc, default 0.1\n"
           "  --threads N                LibTorch CPU threads, default 0 (every core)\n"
           "  --amp on|off               bfloat16 mixed precision on CUDA, default on\n";
}

} // namespace archscape::cli
