#include "TrialsPanel.h"

#include "StudySession.h"
#include "TrialSelection.h"
#include "TrialTableModel.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMetaMethod>
#include <QTableView>
#include <QVBoxLayout>

namespace archscape {

namespace {

std::optional<double> bound(const QLineEdit* edit)
{
    bool ok = false;
    const double value = QLocale().toDouble(edit->text().trimmed(), &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

} // namespace

TrialsPanel::TrialsPanel(TrialSelection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), model_(new TrialTableModel(this)),
      table_(new QTableView(this)), stateFilter_(new QComboBox(this)),
      rangeMetric_(new QComboBox(this)), rangeMin_(new QLineEdit(this)),
      rangeMax_(new QLineEdit(this)), count_(new QLabel(this))
{
    stateFilter_->setObjectName(QStringLiteral("stateFilter"));
    stateFilter_->addItem(tr("All states"), -1);
    for (TrialState s : {TrialState::Complete, TrialState::Failed, TrialState::Running,
                         TrialState::Queued, TrialState::Pruned})
        stateFilter_->addItem(QString::fromLatin1(trialStateName(s)), int(s));
    rangeMetric_->setObjectName(QStringLiteral("rangeMetric"));
    rangeMetric_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    stateFilter_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    rangeMin_->setPlaceholderText(tr("min"));
    rangeMax_->setPlaceholderText(tr("max"));
    for (QLineEdit* edit : {rangeMin_, rangeMax_}) {
        edit->setValidator(new QDoubleValidator(edit));
        edit->setMaximumWidth(90);
        edit->setClearButtonEnabled(true);
    }
    count_->setObjectName(QStringLiteral("trialCount"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(stateFilter_);
    filters->addSpacing(8);
    filters->addWidget(rangeMetric_);
    filters->addWidget(rangeMin_);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(rangeMax_);
    filters->addStretch();
    filters->addWidget(count_);

    table_->setObjectName(QStringLiteral("trialsTable"));
    table_->setModel(model_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(TrialTableModel::kNumberColumn, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    // Fixed heights: the view never measures a million rows.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setDefaultSectionSize(76);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(table_);

    connect(stateFilter_, &QComboBox::currentIndexChanged, this, &TrialsPanel::applyFilters);
    connect(rangeMetric_, &QComboBox::currentIndexChanged, this, &TrialsPanel::applyFilters);
    connect(rangeMin_, &QLineEdit::editingFinished, this, &TrialsPanel::applyFilters);
    connect(rangeMax_, &QLineEdit::editingFinished, this, &TrialsPanel::applyFilters);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TrialsPanel::selectCurrentRow);
    connect(selection_, &TrialSelection::changed, this, &TrialsPanel::showSelectedTrial);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        fillMetricChoices();
        showSelectedTrial();
        updateCount();
    });
    connect(table_, &QWidget::customContextMenuRequested, this, &TrialsPanel::showContextMenu);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &TrialsPanel::updateCount);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &TrialsPanel::updateCount);
    updateCount();
}

void TrialsPanel::setSession(StudySession* session)
{
    model_->setSession(session);
    table_->horizontalHeader()->setSortIndicator(TrialTableModel::kNumberColumn, Qt::AscendingOrder);
    // Sized by the first rows only: measuring every row would read them all.
    table_->horizontalHeader()->setResizeContentsPrecision(50);
    table_->resizeColumnToContents(TrialTableModel::kNumberColumn);
    table_->resizeColumnToContents(TrialTableModel::kStateColumn);
}

void TrialsPanel::fillMetricChoices()
{
    const QString current = rangeMetric_->currentData().toString();
    const QSignalBlocker blocker(rangeMetric_);
    rangeMetric_->clear();
    rangeMetric_->addItem(tr("Any metric"), QString());
    for (const QString& metric : model_->metricNames())
        rangeMetric_->addItem(metric, metric);
    const int index = rangeMetric_->findData(current);
    rangeMetric_->setCurrentIndex(index < 0 ? 0 : index);
}

void TrialsPanel::applyFilters()
{
    const int state = stateFilter_->currentData().toInt();
    const QString metric = rangeMetric_->currentData().toString();
    rangeMin_->setEnabled(!metric.isEmpty());
    rangeMax_->setEnabled(!metric.isEmpty());
    const TrialQuery& q = model_->query();
    const std::optional<TrialState> wantedState =
        state < 0 ? std::nullopt : std::optional<TrialState>(TrialState(state));
    const std::optional<double> min = bound(rangeMin_), max = bound(rangeMax_);
    if (q.state != wantedState)
        model_->setStateFilter(wantedState);
    if (q.rangeMetric != metric.toStdString() || q.rangeMin != (metric.isEmpty() ? std::nullopt : min)
        || q.rangeMax != (metric.isEmpty() ? std::nullopt : max))
        model_->setRangeFilter(metric, min, max);
}

void TrialsPanel::updateCount()
{
    const int64_t total = model_->session() ? model_->session()->trialCount() : 0;
    const int shown = model_->rowCount();
    count_->setText(shown == total ? tr("%L1 trials").arg(total)
                                   : tr("%L1 of %L2 trials").arg(shown).arg(total));
}

void TrialsPanel::selectCurrentRow()
{
    if (following_)
        return;
    const QModelIndex current = table_->currentIndex();
    if (current.isValid())
        selection_->select(model_->trialIdAt(current.row()));
}

void TrialsPanel::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = table_->indexAt(pos);
    if (!index.isValid()
        || !isSignalConnected(QMetaMethod::fromSignal(&TrialsPanel::exportRequested)))
        return;
    const int64_t trialId = model_->trialIdAt(index.row());
    selection_->select(trialId);
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* exportAction = menu->addAction(tr("Export to ONNX…"), this,
                                            [this, trialId] { Q_EMIT exportRequested(trialId); });
    exportAction->setObjectName(QStringLiteral("exportOnnxAction"));
    menu->popup(table_->viewport()->mapToGlobal(pos));
}

void TrialsPanel::showSelectedTrial()
{
    const int row = model_->rowOfTrial(selection_->current());
    following_ = true;
    if (row < 0) {
        table_->clearSelection();
    } else if (table_->currentIndex().row() != row) {
        const QModelIndex index = model_->index(row, TrialTableModel::kNumberColumn);
        table_->setCurrentIndex(index);
        table_->scrollTo(index);
    }
    following_ = false;
}

} // namespace archscape
