#include "CurvesView.h"

#include "StudySession.h"
#include "TrialSelection.h"
#include "inspect/QCustomPlotSupport.h"

#include <QLabel>
#include <QVBoxLayout>

namespace archscape {

namespace {

const QColor kLossColor(200, 80, 40);
const QColor kAccuracyColor(40, 110, 190);

QCPGraph* makeGraph(QCustomPlot* plot, QCPAxis* valueAxis, const QString& name, const QColor& color)
{
    QCPGraph* graph = plot->addGraph(plot->xAxis, valueAxis);
    graph->setName(name);
    graph->setPen(QPen(color, 2));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, Qt::white, 6));
    return graph;
}

} // namespace

CurvesView::CurvesView(TrialSelection* selection, QWidget* parent)
    : QWidget(parent), selection_(selection), plot_(new QCustomPlot(this)), title_(new QLabel(this))
{
    plot_->setObjectName(QStringLiteral("curvesPlot"));
    plot_->xAxis->setLabel(tr("epoch"));
    plot_->yAxis->setLabel(QStringLiteral("train_loss"));
    plot_->yAxis2->setLabel(QStringLiteral("valid_acc (%)"));
    plot_->yAxis2->setVisible(true);
    plot_->yAxis->setLabelColor(kLossColor);
    plot_->yAxis2->setLabelColor(kAccuracyColor);
    loss_ = makeGraph(plot_, plot_->yAxis, QStringLiteral("train_loss"), kLossColor);
    accuracy_ = makeGraph(plot_, plot_->yAxis2, QStringLiteral("valid_acc"), kAccuracyColor);
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    message_ = new QCPItemText(plot_);
    message_->setPositionAlignment(Qt::AlignCenter);
    message_->position->setType(QCPItemPosition::ptAxisRectRatio);
    message_->position->setCoords(0.5, 0.5);
    message_->setColor(Qt::darkGray);

    title_->setObjectName(QStringLiteral("curvesTitle"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title_);
    layout->addWidget(plot_, 1);
    setMinimumSize(240, 180);

    connect(selection_, &TrialSelection::changed, this, &CurvesView::showTrial);
    showTrial(selection_->current());
}

void CurvesView::setSession(StudySession* session)
{
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        // Curves grow epoch by epoch while a trial trains.
        connect(session_, &StudySession::changed, this, &CurvesView::reload);
        connect(session_, &QObject::destroyed, this, [this] { setSession(nullptr); });
    }
    showTrial(selection_->current());
}

void CurvesView::showTrial(int64_t trialId)
{
    trial_ = trialId;
    reload();
}

void CurvesView::reload()
{
    QVector<double> lossX, lossY, accX, accY;
    std::string text;
    if (!session_) {
        title_->setText(tr("No study open"));
    } else if (trial_ == 0) {
        title_->setText(tr("No trial selected"));
        text = tr("Select a trial in the table or a plot").toStdString();
    } else {
        for (const CurvePoint& p : session_->storage().curves(trial_)) {
            if (p.name == "train_loss") {
                lossX << double(p.step);
                lossY << p.value;
            } else if (p.name == "valid_acc") {
                accX << double(p.step);
                accY << p.value;
            }
        }
        const std::optional<TrialRecord> trial = session_->trial(trial_);
        title_->setText(trial ? tr("Trial %1: training curves").arg(trial->number)
                              : tr("Trial id %1 is not in this study").arg(trial_));
        if (lossX.isEmpty() && accX.isEmpty())
            text = tr("No per-epoch curves for this trial (its evaluator stores final values "
                      "only)")
                       .toStdString();
    }
    loss_->setData(lossX, lossY, true);
    accuracy_->setData(accX, accY, true);
    message_->setText(QString::fromStdString(text));
    message_->setVisible(!text.empty());
    if (!lossX.isEmpty() || !accX.isEmpty()) {
        bool found = false;
        QCPRange epochs = loss_->getKeyRange(found);
        QCPRange accEpochs = accuracy_->getKeyRange(found);
        epochs.expand(accEpochs);
        plot_->xAxis->setRange(epochs.lower - 0.5, epochs.upper + 0.5);
        loss_->rescaleValueAxis(false, true);
        accuracy_->rescaleValueAxis(false, true);
        plot_->yAxis->scaleRange(1.1, plot_->yAxis->range().center());
        plot_->yAxis2->scaleRange(1.1, plot_->yAxis2->range().center());
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int CurvesView::lossPointCount() const
{
    return loss_->dataCount();
}

int CurvesView::accuracyPointCount() const
{
    return accuracy_->dataCount();
}

QString CurvesView::message() const
{
    return message_->visible() ? message_->text() : QString();
}

} // namespace archscape
