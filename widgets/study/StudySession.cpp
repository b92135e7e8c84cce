#include "StudySession.h"

#include "space/Nb201Format.h"
#include "space/SpaceFile.h"

#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <QCoreApplication>

#include <algorithm>
#include <exception>
#include <limits>

namespace archscape {

StudySession* StudySession::open(const QString& path, QObject* parent)
{
    auto storage = SqliteStudyStorage::openReadOnly(path.toStdString());
    return new StudySession(path, std::move(storage), parent);
}

StudySession::StudySession(const QString& path, std::unique_ptr<SqliteStudyStorage> storage,
                           QObject* parent)
    : QObject(parent), path_(path), storage_(std::move(storage)), poll_(new QTimer(this))
{
    info_ = storage_->study();
    SearchSpace space = SpaceFile::parse(info_.spaceJson, path.toStdString() + " (stored space)");
    codec_ = std::make_unique<ArchitectureCodec>(std::move(space));
    try {
        Nb201Format::format(*codec_, codec_->defaultArchitecture());
        nb201_ = true;
    } catch (const std::exception&) {
        nb201_ = false; // another space: its own encoding
    }
    readStudy();
    dataVersion_ = storage_->dataVersion();
    poll_->setInterval(kDefaultPollMs);
    connect(poll_, &QTimer::timeout, this, &StudySession::refresh);
    poll_->start();
}

StudySession::~StudySession() = default;

void StudySession::readStudy()
{
    info_ = storage_->study();
    settings_.reset();
    if (!info_.settingsJson.empty())
        settings_ = RunSettings::fromJson(info_.settingsJson);
    trialCount_ = storage_->trialCount();
}

void StudySession::setPollInterval(int milliseconds)
{
    poll_->setInterval(milliseconds);
}

void StudySession::refresh()
{
    const int64_t version = storage_->dataVersion();
    if (version == dataVersion_)
        return;
    dataVersion_ = version;
    readStudy();
    Q_EMIT changed();
    // In a turn of its own: the table's refresh and the plots' updates in
    // one turn would stall the event loop for their sum.
    if (following_ && !updatesQueued_) {
        updatesQueued_ = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                updatesQueued_ = false;
                if (following_)
                    readUpdates();
            },
            Qt::QueuedConnection);
    }
}

void StudySession::loadAllTrials()
{
    if (loading_)
        return;
    loading_ = true;
    following_ = false;
    QPointer<StudySession> self(this);
    const std::string path = path_.toStdString();
    QThreadPool::globalInstance()->start([self, path] {
        std::vector<TrialRecord> trials;
        try {
            trials = SqliteStudyStorage::openReadOnly(path)->trials();
        } catch (const std::exception&) {
            // The session's own connection reports problems; show what is read.
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, trials = std::move(trials)]() mutable {
                if (self)
                    self->takeLoadedTrials(std::move(trials));
            },
            Qt::QueuedConnection);
    });
}

void StudySession::takeLoadedTrials(std::vector<TrialRecord> trials)
{
    loading_ = false;
    following_ = true;
    lastTrialId_ = 0;
    unfinished_.clear();
    followTrials(trials);
    Q_EMIT trialsReplaced(trials);
    readUpdates(); // what was committed while loading
}

void StudySession::followTrials(const std::vector<TrialRecord>& trials)
{
    for (const TrialRecord& t : trials) {
        lastTrialId_ = std::max(lastTrialId_, t.id);
        const bool open = t.state == TrialState::Queued || t.state == TrialState::Running;
        auto it = std::find(unfinished_.begin(), unfinished_.end(), t.id);
        if (open && it == unfinished_.end())
            unfinished_.push_back(t.id);
        else if (!open && it != unfinished_.end())
            unfinished_.erase(it);
    }
}

void StudySession::readUpdates()
{
    std::vector<TrialRecord> updates = storage_->trialsSince(lastTrialId_, unfinished_);
    // Trials still open and unchanged need not be handed over again.
    updates.erase(std::remove_if(updates.begin(), updates.end(),
                                 [this](const TrialRecord& t) {
                                     return t.id <= lastTrialId_
                                            && (t.state == TrialState::Queued
                                                || t.state == TrialState::Running);
                                 }),
                  updates.end());
    if (updates.empty())
        return;
    followTrials(updates);
    Q_EMIT trialsUpdated(updates);
}

std::optional<TrialRecord> StudySession::trial(int64_t trialId) const
{
    // No trial lies past the largest id: only the one named comes back.
    std::vector<TrialRecord> found =
        storage_->trialsSince(std::numeric_limits<int64_t>::max(), {trialId});
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

QString StudySession::architectureText(const std::string& encoding) const
{
    if (nb201_) {
        try {
            return QString::fromStdString(Nb201Format::format(*codec_, codec_->decode(encoding)));
        } catch (const std::exception&) {
            // Shown as stored.
        }
    }
    return QString::fromStdString(encoding);
}

} // namespace archscape
