#pragma once
// The trainer's command-line options (--lr, --optimizer, --batch-size,
// --train-fraction, ...), shared by `run` and `train`: they become keys of
// RunSettings::options, which the "train" evaluator reads and checks.

#include "ArgumentList.h"

#include "study/RunSettings.h"

#include <set>
#include <string>

namespace archscape::cli {

class TrainingOptions
{
public:
    // `valued` plus the trainer's options.
    static std::set<std::string> with(std::set<std::string> valued);
    // Copies the options given into `settings.options`; UsageError for a
    // value that is not a number or not a known name.
    static void apply(const ArgumentList& list, RunSettings& settings);
    // Lines for a command's --help.
    static const char* usage();
};

} // namespace archscape::cli
