#pragma once
// The trials of a study as a table: number, state, the final metrics and the
// architecture. Lazy: it asks the storage for the page of rows the view
// shows and keeps a few pages; sorting and filtering run in SQL, so a study
// of a million trials opens and scrolls at once.

#include "storage/TrialQuery.h"
#include "study/TrialRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

namespace archscape {

class StudySession;

class TrialTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 40;
    static constexpr int kNumberColumn = 0;
    static constexpr int kStateColumn = 1;
    static constexpr int kTrialIdRole = Qt::UserRole + 1;

    explicit TrialTableModel(QObject* parent = nullptr);

    // Follows the session's changes; nullptr shows nothing.
    void setSession(StudySession* session);
    StudySession* session() const { return session_; }

    const TrialQuery& query() const { return query_; }
    void setStateFilter(std::optional<TrialState> state);
    // An empty metric clears the range filter.
    void setRangeFilter(const QString& metric, std::optional<double> min, std::optional<double> max);
    // The metric a column shows (empty for number, state and architecture).
    QString metricOfColumn(int column) const;
    QStringList metricNames() const { return metrics_; }

    // The trial shown on a row (0 past the end), and the row of a trial
    // (-1 when the filters leave it out). Both read at most one page.
    int64_t trialIdAt(int row) const;
    int rowOfTrial(int64_t trialId) const;
    const TrialRecord* trialAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

public Q_SLOTS:
    // Re-reads the row count and the rows on screen (the session changed).
    void refresh();

private:
    void reload();
    void updateColumns();
    int architectureColumn() const { return 2 + int(metrics_.size()); }
    QString metricText(const QString& metric, double value) const;

    StudySession* session_ = nullptr;
    TrialQuery query_;
    QStringList metrics_;
    int rows_ = 0;
    mutable QHash<int, std::vector<TrialRecord>> pages_;
};

} // namespace archscape
