#pragma once
// The validation panel: the validator's problems with the space, each naming
// its block; activating one asks for that block to be selected and shown.

#include <QListWidget>

namespace archscape {

class SpaceAnalysis;

class ValidationPanel : public QListWidget
{
    Q_OBJECT
public:
    static constexpr int kBlockIdRole = Qt::UserRole + 1;

    explicit ValidationPanel(SpaceAnalysis* analysis, QWidget* parent = nullptr);

    int problemCount() const { return problemCount_; }

Q_SIGNALS:
    void blockRequested(const QString& blockId);

private:
    void refresh();

    SpaceAnalysis* analysis_;
    int problemCount_ = 0;
};

} // namespace archscape
