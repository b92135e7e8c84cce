#include "OnnxExportActions.h"

#include "OnnxExportDialog.h"
#include "TrialSelection.h"
#include "inspect/ArchitectureView.h"
#include "inspect/ParetoView.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/TrialsPanel.h"

#include <QAction>
#include <QWidget>

namespace archscape {

OnnxExportActions::OnnxExportActions(StudyWorkspace* studies, QWidget* window)
    : QObject(window), studies_(studies), window_(window),
      fileAction_(new QAction(tr("E&xport to ONNX…"), this))
{
    fileAction_->setObjectName(QStringLiteral("exportOnnxAction"));
    fileAction_->setStatusTip(tr("Write the selected trial's network with its weights as an "
                                 "ONNX model"));
    connect(fileAction_, &QAction::triggered, this,
            [this] { openDialog(studies_->selection()->current()); });
    connect(studies_, &StudyWorkspace::sessionChanged, this, &OnnxExportActions::updateEnabled);
    connect(studies_->selection(), &TrialSelection::changed, this,
            &OnnxExportActions::updateEnabled);
    connect(studies_->trialsPanel(), &TrialsPanel::exportRequested, this,
            &OnnxExportActions::openDialog);
    connect(studies_->paretoView(), &ParetoView::exportRequested, this,
            &OnnxExportActions::openDialog);
    connect(studies_->architectureView(), &ArchitectureView::exportRequested, this,
            &OnnxExportActions::openDialog);
    updateEnabled();
}

void OnnxExportActions::updateEnabled()
{
    fileAction_->setEnabled(studies_->session() &&
                            studies_->selection()->current() != TrialSelection::kNone);
}

OnnxExportDialog* OnnxExportActions::openDialog(int64_t trialId)
{
    const StudySession* session = studies_->session();
    const auto trial = session ? session->trial(trialId) : std::nullopt;
    if (!trial)
        return nullptr;
    auto* dialog = new OnnxExportDialog(session->path(), trial->number, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace archscape
