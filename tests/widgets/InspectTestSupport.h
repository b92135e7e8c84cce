#pragma once
// Shared by the inspection-view tests and the Pareto benchmark's checks:
// trials made from the real NAS-Bench-201 table (the nb201 evaluator's
// metrics for a reproducible sample of its cell strings).

#include "eval/Nb201Table.h"
#include "eval/Nb201TableEvaluator.h"
#include "space/ArchitectureCodec.h"
#include "space/Nb201Format.h"
#include "space/SpaceFile.h"
#include "study/TrialRecord.h"

#include <QDir>
#include <QString>
#include <QWidget>
#include <QtGlobal>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace inspecttest {

inline std::string sourcePath(const QString& relative)
{
    return (qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/" + relative).toStdString();
}

inline std::string nb201TablePath()
{
    return (qEnvironmentVariable("ARCHSCAPE_SHARED_DATA") + "/nb201/nb201_cifar10.csv").toStdString();
}

inline archscape::SearchSpace loadSpace(const QString& fileName)
{
    return archscape::SpaceFile::load(sourcePath("resources/spaces/" + fileName));
}

// `count` cell strings of the table, shuffled with `seed`, evaluated by the
// nb201 evaluator; trial ids from 1, numbers from 0.
inline std::vector<archscape::TrialRecord> nb201Trials(const archscape::ArchitectureCodec& codec, size_t count,
                                                       unsigned seed = 1)
{
    auto table = std::make_shared<const archscape::Nb201Table>(nb201TablePath());
    std::vector<std::string> archs;
    for (const auto& [arch, row] : table->rows())
        archs.push_back(arch);
    std::sort(archs.begin(), archs.end());
    std::mt19937 random(seed);
    std::shuffle(archs.begin(), archs.end(), random);
    archs.resize(std::min(count, archs.size()));

    archscape::Nb201TableEvaluator evaluator(codec, table);
    std::vector<archscape::TrialRecord> trials;
    for (const auto& text : archs) {
        const archscape::Architecture arch = archscape::Nb201Format::parse(codec, text);
        archscape::EvaluationOutcome outcome = evaluator.evaluate(arch);
        archscape::TrialRecord t;
        t.id = int64_t(trials.size()) + 1;
        t.number = int64_t(trials.size());
        t.encoding = codec.encode(arch);
        t.state = outcome.state;
        t.metrics = outcome.metrics;
        trials.push_back(std::move(t));
    }
    return trials;
}

// With ARCHSCAPE_INSPECT_SHOTS set to a folder, saves the widget there as
// NAME.png, to look at what the views draw.
inline void saveShot(QWidget& widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("ARCHSCAPE_INSPECT_SHOTS");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    widget.grab().save(folder + "/" + name + ".png");
}

} // namespace inspecttest
