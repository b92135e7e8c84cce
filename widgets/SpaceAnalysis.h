#pragma once
// What the editor shows about the space as a whole, worked out off the GUI
// thread after every edit: the validator's problems, then (for a valid
// space) the number of distinct architectures, which takes about a second
// for NAS-Bench-201. Edits made meanwhile restart the work on the newest
// space; results for an older one are dropped.

#include "space/SearchSpace.h"
#include "space/SpaceValidator.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace archscape {

class SpaceDocument;

class SpaceAnalysis : public QObject
{
    Q_OBJECT
public:
    explicit SpaceAnalysis(SpaceDocument* document, QObject* parent = nullptr);
    ~SpaceAnalysis() override;

    const std::vector<Problem>& problems() const { return problems_; }
    // True until the problems and the size describe the document as it is now.
    bool isBusy() const;
    // True once the problems describe the document as it is now.
    bool problemsCurrent() const { return !scheduled_ && problemsGeneration_ == generation_; }
    // "9445", "at most 1.2e+19", or empty while unknown (busy, or the space is invalid).
    QString sizeText() const { return sizeText_; }
    // A sentence for the status bar.
    QString sizeSummary() const;

Q_SIGNALS:
    void problemsChanged();
    void sizeChanged();
    void idle(); // problems and size are up to date

private:
    struct Validation
    {
        uint64_t generation = 0;
        std::vector<Problem> problems;
    };
    struct Size
    {
        uint64_t generation = 0;
        QString text;
        QString error;
    };

    void scheduleRun();
    void startValidation();
    void validationDone();
    void sizeDone();

    SpaceDocument* document_;
    uint64_t generation_ = 1;      // bumped by every edit
    uint64_t doneGeneration_ = 0;  // the edit the results describe
    uint64_t problemsGeneration_ = 0;
    bool scheduled_ = false;
    bool running_ = false;
    SearchSpace snapshot_;         // what the running job looks at
    std::vector<Problem> problems_;
    QString sizeText_;
    QString sizeError_;
    QFutureWatcher<Validation> validation_;
    QFutureWatcher<Size> size_;
};

} // namespace archscape
