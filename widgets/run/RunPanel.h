#pragma once
// The run panel: how the open study searches (strategy, evaluator,
// objectives with direction, constraints, budget, device, seed, workers,
// data), the buttons that start, pause, resume and stop it, and its
// progress (trials done, ETA, best value so far, or the long phase that
// runs before the trials, such as training a supernet) and live log. The search
// itself runs on its own thread (BackgroundSearch).

#include "search/SearchRunner.h"
#include "study/RunSettings.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace archscape {

class BackgroundSearch;
class StudySession;

class RunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunPanel(QWidget* parent = nullptr);
    ~RunPanel() override;

    // The study the buttons act on (nullptr: none; the form stays editable).
    void setSession(StudySession* session);
    // "cpu" first, then the CUDA devices the app's LibTorch reports.
    void setDevices(const QStringList& devices);

    // The form as run settings; nullopt and a message naming the field
    // when it does not parse.
    std::optional<RunSettings> settingsFromForm(QString* error = nullptr) const;
    void showSettings(const RunSettings& settings);

    BackgroundSearch* search() const { return search_; }
    bool isRunning() const;

    QComboBox* strategyBox() const { return strategy_; }
    QComboBox* evaluatorBox() const { return evaluator_; }
    QLineEdit* objectivesEdit() const { return objectives_; }
    QLineEdit* constraintsEdit() const { return constraints_; }
    QSpinBox* budgetBox() const { return budget_; }
    QSpinBox* seedBox() const { return seed_; }
    QSpinBox* workersBox() const { return workers_; }
    QComboBox* deviceBox() const { return device_; }
    QLineEdit* dataEdit() const { return data_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* resumeButton() const { return resume_; }
    QPushButton* stopButton() const { return stop_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }
    QPlainTextEdit* log() const { return log_; }

public Q_SLOTS:
    void start();
    void pause();
    void resume();
    void stop();

Q_SIGNALS:
    // A search ended (budget reached, stopped, or failed to start).
    void searchFinished(bool ok);

private:
    void buildForm();
    void browseData();
    void updateButtons();
    void showProgress(const RunProgress& progress);
    // A long phase (RunProgress::phase) on the bar and the status line;
    // endPhase() logs its end and gives them back to the trials.
    void showPhase(const PhaseProgress& phase);
    void endPhase();
    void onFinished(bool ok, const QString& summary);
    void appendLog(const QString& text);

    StudySession* session_ = nullptr;
    BackgroundSearch* search_;
    QComboBox* strategy_;
    QComboBox* evaluator_;
    QLineEdit* objectives_;
    QLineEdit* constraints_;
    QSpinBox* budget_;
    QSpinBox* seed_;
    QSpinBox* workers_;
    QSpinBox* epochs_;
    QComboBox* device_;
    QLineEdit* data_;
    QPushButton* start_;
    QPushButton* pause_;
    QPushButton* resume_;
    QPushButton* stop_;
    QProgressBar* progress_;
    QLabel* status_;
    QPlainTextEdit* log_;
    std::optional<double> best_;
    std::optional<PhaseProgress> phase_; // the phase shown, while one runs
    bool stopping_ = false;              // Stop pressed since the last start
    std::string objectiveMetric_;
};

} // namespace archscape
