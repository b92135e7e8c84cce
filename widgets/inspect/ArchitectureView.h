#pragma once
// The architecture view: the selected trial's network (one box per layer,
// each cell folded into one box) and, for cell spaces, each cell's inner
// graph with the operation its edges chose, laid out by Graphviz dot off the
// GUI thread (results cached by encoding) and drawn in Qt. A compare mode
// pins one trial beside the one that follows the selection.

#include "space/ArchitectureCodec.h"
#include "space/SearchSpace.h"
#include "study/TrialRecord.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

class QCheckBox;
class QGraphicsScene;
class QSplitter;

namespace archscape {

class ArchitectureScene;
class TrialSelection;
class ZoomingGraphicsView;
struct ArchitectureGraph;
struct GraphLayout;

class ArchitectureView : public QWidget
{
    Q_OBJECT

public:
    explicit ArchitectureView(QWidget* parent = nullptr);
    ~ArchitectureView() override;

    // The space the trials' encodings belong to.
    void setSpace(const SearchSpace& space);
    void setTrials(const std::vector<TrialRecord>& trials);
    void appendTrials(const std::vector<TrialRecord>& trials);
    // Shows whatever trial the selection holds.
    void setSelection(TrialSelection* selection);

    void showTrial(int64_t trialId);
    // Compare mode pins the trial shown now in a second pane beside it.
    void setCompareMode(bool on);
    bool compareMode() const;
    void setCompareTrial(int64_t trialId);
    int64_t shownTrial() const { return panes_[0].trial; }
    int64_t comparedTrial() const { return panes_[1].trial; }

    // Pane 0 follows the selection, pane 1 is the compared trial.
    QGraphicsScene* scene(int pane = 0) const;
    // True while a Graphviz layout runs; layoutReady() follows.
    bool isLayoutPending() const;

    // The shown pane(s) as one SVG; false with `error` filled on failure.
    bool exportSvg(const QString& path, QString* error = nullptr) const;

Q_SIGNALS:
    void layoutReady();
    // "Export to ONNX…" in a pane's context menu (offered while connected).
    void exportRequested(int64_t trialId);

private:
    struct LaidOut;
    struct Pane
    {
        ZoomingGraphicsView* view = nullptr;
        ArchitectureScene* scene = nullptr;
        int64_t trial = 0;
        uint64_t generation = 0;
        bool pending = false;
    };

    void show(int pane, int64_t trialId);
    void apply(int pane, const std::shared_ptr<const LaidOut>& laidOut);
    QString heading(const TrialRecord& trial) const;
    void exportWithDialog();
    void showContextMenu(int pane, const QPoint& pos);

    std::unique_ptr<ArchitectureCodec> codec_;
    std::vector<TrialRecord> trials_;
    std::unordered_map<int64_t, size_t> trialIndex_;
    TrialSelection* selection_ = nullptr;
    Pane panes_[2];
    QSplitter* splitter_ = nullptr;
    QCheckBox* compare_ = nullptr;
    // Laid-out graphs by encoding: browsing back and forth costs nothing.
    std::map<std::string, std::shared_ptr<const LaidOut>> cache_;
};

} // namespace archscape
