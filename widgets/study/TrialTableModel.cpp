#include "TrialTableModel.h"

#include "StudySession.h"
#include "search/Objective.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace archscape {

TrialTableModel::TrialTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TrialTableModel::setSession(StudySession* session)
{
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        connect(session_, &StudySession::changed, this, &TrialTableModel::refresh);
        connect(session_, &QObject::destroyed, this, [this] { setSession(nullptr); });
    }
    query_ = TrialQuery();
    reload();
}

void TrialTableModel::setStateFilter(std::optional<TrialState> state)
{
    query_.state = state;
    reload();
}

void TrialTableModel::setRangeFilter(const QString& metric, std::optional<double> min,
                                     std::optional<double> max)
{
    query_.rangeMetric = metric.toStdString();
    query_.rangeMin = metric.isEmpty() ? std::nullopt : min;
    query_.rangeMax = metric.isEmpty() ? std::nullopt : max;
    reload();
}

// Known metrics in their usual order, then any others the study has.
void TrialTableModel::updateColumns()
{
    metrics_.clear();
    if (!session_)
        return;
    const std::vector<std::string> present = session_->storage().metricNames();
    for (const std::string& name : knownMetricNames())
        if (std::find(present.begin(), present.end(), name) != present.end())
            metrics_ << QString::fromStdString(name);
    for (const std::string& name : present)
        if (!metrics_.contains(QString::fromStdString(name)))
            metrics_ << QString::fromStdString(name);
}

void TrialTableModel::reload()
{
    beginResetModel();
    pages_.clear();
    updateColumns();
    rows_ = session_ ? int(std::min<int64_t>(session_->storage().countTrials(query_),
                                             std::numeric_limits<int>::max()))
                     : 0;
    endResetModel();
}

void TrialTableModel::refresh()
{
    if (!session_)
        return;
    const QStringList before = metrics_;
    updateColumns();
    if (metrics_ != before) {
        metrics_ = before;
        reload(); // new metric columns: a new shape
        return;
    }
    const int rows = int(std::min<int64_t>(session_->storage().countTrials(query_),
                                           std::numeric_limits<int>::max()));
    pages_.clear();
    if (rows > rows_) {
        beginInsertRows({}, rows_, rows - 1);
        rows_ = rows;
        endInsertRows();
    } else if (rows < rows_) {
        beginRemoveRows({}, rows, rows_ - 1);
        rows_ = rows;
        endRemoveRows();
    }
    // Rows may have changed state or moved in a sorted order.
    if (rows_ > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows_ - 1, columnCount() - 1));
}

const TrialRecord* TrialTableModel::trialAt(int row) const
{
    if (!session_ || row < 0 || row >= rows_)
        return nullptr;
    const int page = row / kPageSize;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        if (pages_.size() >= kMaxCachedPages)
            pages_.clear();
        it = pages_.insert(page, session_->storage().queryTrials(
                                     query_, int64_t(page) * kPageSize, kPageSize));
    }
    const size_t offset = size_t(row % kPageSize);
    return offset < it->size() ? &(*it)[offset] : nullptr;
}

int64_t TrialTableModel::trialIdAt(int row) const
{
    const TrialRecord* t = trialAt(row);
    return t ? t->id : 0;
}

int TrialTableModel::rowOfTrial(int64_t trialId) const
{
    if (!session_ || trialId <= 0)
        return -1;
    for (auto it = pages_.cbegin(); it != pages_.cend(); ++it)
        for (size_t i = 0; i < it->size(); ++i)
            if ((*it)[i].id == trialId)
                return it.key() * kPageSize + int(i);
    const std::optional<int64_t> position = session_->storage().positionOf(query_, trialId);
    return position && *position < rows_ ? int(*position) : -1;
}

int TrialTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : rows_;
}

int TrialTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 3 + int(metrics_.size());
}

QString TrialTableModel::metricOfColumn(int column) const
{
    const int i = column - 2;
    return i >= 0 && i < metrics_.size() ? metrics_[i] : QString();
}

QString TrialTableModel::metricText(const QString& metric, double value) const
{
    const QLocale locale;
    if (metric == QLatin1String("params"))
        return locale.toString(qint64(value));
    if (metric == QLatin1String("flops")) // multiply-accumulates, millions of them
        return tr("%1 M").arg(locale.toString(value / 1e6, 'f', 1));
    if (metric.endsWith(QLatin1String("_acc")))
        return locale.toString(value, 'f', 2);
    return locale.toString(value, 'g', 5);
}

QVariant TrialTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const TrialRecord* t = trialAt(index.row());
    if (!t)
        return {};
    const int column = index.column();
    if (role == kTrialIdRole)
        return QVariant::fromValue<qlonglong>(t->id);
    if (role == Qt::TextAlignmentRole)
        return column == architectureColumn() || column == kStateColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == kStateColumn) {
        switch (t->state) {
        case TrialState::Failed:
            return QColor(190, 40, 40);
        case TrialState::Running:
            return QColor(30, 100, 200);
        case TrialState::Queued:
        case TrialState::Pruned:
            return QColor(120, 120, 120);
        case TrialState::Complete:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == kStateColumn && !t->error.empty())
            return QString::fromStdString(t->error);
        if (column == architectureColumn())
            return session_->architectureText(t->encoding);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    if (column == kNumberColumn)
        return QVariant::fromValue<qlonglong>(t->number);
    if (column == kStateColumn)
        return QString::fromLatin1(trialStateName(t->state));
    if (column == architectureColumn())
        return session_->architectureText(t->encoding);
    const QString metric = metricOfColumn(column);
    if (auto v = t->metric(metric.toStdString()))
        return metricText(metric, *v);
    return {};
}

QVariant TrialTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == kNumberColumn)
        return tr("#");
    if (section == kStateColumn)
        return tr("state");
    if (section == architectureColumn())
        return tr("architecture");
    return metricOfColumn(section);
}

// Number and metric columns sort in SQL; state and architecture keep the
// trial order.
void TrialTableModel::sort(int column, Qt::SortOrder order)
{
    query_.sortMetric = metricOfColumn(column).toStdString();
    query_.descending = order == Qt::DescendingOrder
                        && (column == kNumberColumn || !query_.sortMetric.empty());
    reload();
}

} // namespace archscape
