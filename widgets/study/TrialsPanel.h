#pragma once
// The trials dock: filters (state, a metric's range) above a sortable table
// of the study's trials. Selecting a row selects the trial app-wide, and a
// trial selected elsewhere is found (in SQL, also among a million rows),
// scrolled to and highlighted here.

#include <QWidget>

#include <cstdint>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace archscape {

class StudySession;
class TrialSelection;
class TrialTableModel;

class TrialsPanel : public QWidget
{
    Q_OBJECT

public:
    TrialsPanel(TrialSelection* selection, QWidget* parent = nullptr);

    void setSession(StudySession* session);
    TrialTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QComboBox* stateFilter() const { return stateFilter_; }
    QComboBox* rangeMetric() const { return rangeMetric_; }
    QLineEdit* rangeMin() const { return rangeMin_; }
    QLineEdit* rangeMax() const { return rangeMax_; }

Q_SIGNALS:
    // "Export to ONNX…" in a row's context menu (offered while connected).
    void exportRequested(int64_t trialId);

private:
    void applyFilters();
    void fillMetricChoices();
    void showSelectedTrial();
    void selectCurrentRow();
    void updateCount();
    void showContextMenu(const QPoint& pos);

    TrialSelection* selection_;
    TrialTableModel* model_;
    QTableView* table_;
    QComboBox* stateFilter_;
    QComboBox* rangeMetric_;
    QLineEdit* rangeMin_;
    QLineEdit* rangeMax_;
    QLabel* count_;
    bool following_ = false; // set while the table follows the selection
};

} // namespace archscape
