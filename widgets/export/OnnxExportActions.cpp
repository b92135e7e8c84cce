#include "OnnxExportActions.h"

#include "OnnxExportDialog.h"
#include "SpaceDocument.h"
#include "TrialSelection.h"
#include "inspect/ArchitectureView.h"
#include "inspect/ParetoView.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/TrialsPanel.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QMenu>
#include <QWidget>

namespace archscape {

OnnxExportActions::OnnxExportActions(StudyWorkspace* studies, SpaceDocument* space, QWidget* window)
    : QObject(window), studies_(studies), space_(space), window_(window),
      fileAction_(new QAction(tr("E&xport to ONNX…"), this)),
      spaceAction_(new QAction(tr("Export this space's architecture to ONNX…"), this))
{
    spaceAction_->setObjectName(QStringLiteral("exportSpaceOnnxAction"));
    connect(spaceAction_, &QAction::triggered, this, &OnnxExportActions::openSpaceDialog);
    fileAction_->setObjectName(QStringLiteral("exportOnnxAction"));
    fileAction_->setStatusTip(tr("Write the selected trial's network with its weights, or an "
                                 "architecture of the space, as an ONNX model"));
    connect(fileAction_, &QAction::triggered, this, [this] {
        if (hasSelectedTrial())
            openDialog(studies_->selection()->current());
        else
            openSpaceDialog();
    });
    connect(space_, &SpaceDocument::contentsChanged, this, &OnnxExportActions::updateEnabled);
    connect(space_, &SpaceDocument::spaceReset, this, &OnnxExportActions::updateEnabled);
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

bool OnnxExportActions::hasSelectedTrial() const
{
    return studies_->session() && studies_->selection()->current() != TrialSelection::kNone;
}

void OnnxExportActions::updateEnabled()
{
    const bool hasBlocks = !space_->space().blocks().empty();
    fileAction_->setEnabled(hasSelectedTrial() || hasBlocks);
    spaceAction_->setEnabled(hasBlocks);
}

void OnnxExportActions::addCanvasMenu(QAbstractScrollArea* canvas)
{
    canvas->setContextMenuPolicy(Qt::CustomContextMenu);
    // A scroll area reports the position in its viewport's coordinates.
    connect(canvas, &QWidget::customContextMenuRequested, this, [this, canvas](QPoint pos) {
        auto* menu = new QMenu(canvas);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(spaceAction_);
        menu->popup(canvas->viewport()->mapToGlobal(pos));
    });
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

OnnxExportDialog* OnnxExportActions::openSpaceDialog()
{
    auto* dialog = new OnnxExportDialog(space_->space(), space_->filePath(), window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace archscape
