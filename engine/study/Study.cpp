#include "Study.h"

#include "space/SpaceError.h"
#include "space/SpaceFile.h"
#include "space/SpaceValidator.h"
#include "storage/SqliteStudyStorage.h"

namespace archscape {

Study::Study(std::unique_ptr<StudyStorage> storage) : storage_(std::move(storage))
{
    info_ = storage_->study();
    SearchSpace space = SpaceFile::parse(info_.spaceJson, storage_->location() + " (stored space)");
    codec_ = std::make_unique<ArchitectureCodec>(std::move(space));
    if (!info_.settingsJson.empty())
        settings_ = RunSettings::fromJson(info_.settingsJson);
}

std::unique_ptr<Study> Study::create(const std::string& path, const SearchSpace& space,
                                     const std::string& name)
{
    std::vector<Problem> problems = SpaceValidator::validate(space);
    if (!problems.empty()) {
        const Problem& p = problems.front();
        throw SpaceError("", p.blockId,
                         p.message + (problems.size() > 1
                                          ? " (and " + std::to_string(problems.size() - 1)
                                                + " more problems; see archscape-cli space)"
                                          : ""));
    }
    auto storage = SqliteStudyStorage::create(path, name, SpaceFile::serialize(space));
    return std::unique_ptr<Study>(new Study(std::move(storage)));
}

std::unique_ptr<Study> Study::open(const std::string& path)
{
    return std::unique_ptr<Study>(new Study(SqliteStudyStorage::open(path)));
}

void Study::saveSettings(const RunSettings& settings)
{
    storage_->setSettings(settings.toJson());
    settings_ = settings;
    info_.settingsJson = settings.toJson();
}

} // namespace archscape
