#include "SpaceAnalysis.h"

#include "SpaceDocument.h"
#include "space/ArchitectureCodec.h"
#include "space/SpaceSize.h"

#include <QLocale>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace archscape {

SpaceAnalysis::SpaceAnalysis(SpaceDocument* document, QObject* parent)
    : QObject(parent), document_(document)
{
    connect(&validation_, &QFutureWatcher<Validation>::finished, this,
            &SpaceAnalysis::validationDone);
    connect(&size_, &QFutureWatcher<Size>::finished, this, &SpaceAnalysis::sizeDone);
    connect(document_, &SpaceDocument::contentsChanged, this, [this] {
        ++generation_;
        scheduleRun();
    });
    scheduleRun();
}

SpaceAnalysis::~SpaceAnalysis()
{
    // The jobs hold their own copy of the space: let them finish unwatched.
    validation_.disconnect(this);
    size_.disconnect(this);
}

bool SpaceAnalysis::isBusy() const
{
    return running_ || scheduled_ || doneGeneration_ != generation_;
}

QString SpaceAnalysis::sizeSummary() const
{
    if (isBusy())
        return tr("Size: counting…");
    if (!sizeError_.isEmpty())
        return tr("Size: unknown (%1)").arg(sizeError_);
    if (!problems_.empty())
        return tr("Size: unknown (fix the %n problem(s) first)", nullptr,
                  static_cast<int>(problems_.size()));
    bool plain = false;
    const qulonglong count = sizeText_.toULongLong(&plain);
    return tr("Size: %1 architectures").arg(plain ? QLocale().toString(count) : sizeText_);
}

void SpaceAnalysis::scheduleRun()
{
    // Coalesce: one command may change the space several times.
    if (scheduled_)
        return;
    scheduled_ = true;
    QTimer::singleShot(0, this, [this] {
        scheduled_ = false;
        if (!running_)
            startValidation();
    });
    Q_EMIT sizeChanged();
}

void SpaceAnalysis::startValidation()
{
    running_ = true;
    snapshot_ = document_->space();
    const uint64_t generation = generation_;
    validation_.setFuture(QtConcurrent::run([space = snapshot_, generation] {
        return Validation{generation, SpaceValidator::validate(space)};
    }));
}

void SpaceAnalysis::validationDone()
{
    running_ = false;
    Validation result = validation_.result();
    if (result.generation != generation_) {
        startValidation(); // the space changed meanwhile
        return;
    }
    problems_ = std::move(result.problems);
    problemsGeneration_ = result.generation;
    Q_EMIT problemsChanged();
    if (!problems_.empty()) {
        sizeText_.clear();
        sizeError_.clear();
        doneGeneration_ = result.generation;
        Q_EMIT sizeChanged();
        Q_EMIT idle();
        return;
    }
    running_ = true;
    size_.setFuture(QtConcurrent::run([space = snapshot_, generation = result.generation] {
        Size size{generation, {}, {}};
        try {
            ArchitectureCodec codec(space);
            size.text = QString::fromStdString(SpaceSize::distinctCount(codec).toString());
        } catch (const std::exception& e) {
            size.error = QString::fromUtf8(e.what());
        }
        return size;
    }));
}

void SpaceAnalysis::sizeDone()
{
    running_ = false;
    Size result = size_.result();
    if (result.generation != generation_) {
        startValidation();
        return;
    }
    sizeText_ = result.text;
    sizeError_ = result.error;
    doneGeneration_ = result.generation;
    Q_EMIT sizeChanged();
    Q_EMIT idle();
}

} // namespace archscape
