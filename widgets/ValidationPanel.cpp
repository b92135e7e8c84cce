#include "ValidationPanel.h"

#include "SpaceAnalysis.h"

#include <QApplication>
#include <QStyle>

namespace archscape {

ValidationPanel::ValidationPanel(SpaceAnalysis* analysis, QWidget* parent)
    : QListWidget(parent), analysis_(analysis)
{
    setWordWrap(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    connect(analysis_, &SpaceAnalysis::problemsChanged, this, &ValidationPanel::refresh);
    auto request = [this](QListWidgetItem* item) {
        const QString id = item->data(kBlockIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT blockRequested(id);
    };
    connect(this, &QListWidget::itemClicked, this, request);
    connect(this, &QListWidget::itemActivated, this, request);
    refresh();
}

void ValidationPanel::refresh()
{
    clear();
    const auto& problems = analysis_->problems();
    problemCount_ = static_cast<int>(problems.size());
    if (problems.empty()) {
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                         !analysis_->problemsCurrent() ? tr("Checking…")
                                                             : tr("No problems found."),
                                         this);
        item->setFlags(Qt::ItemIsEnabled);
        return;
    }
    const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const auto& p : problems) {
        const QString id = QString::fromStdString(p.blockId);
        const QString message = QString::fromStdString(p.message);
        auto* item = new QListWidgetItem(
            icon, id.isEmpty() ? message : tr("%1: %2").arg(id, message), this);
        item->setData(kBlockIdRole, id);
        item->setToolTip(id.isEmpty() ? tr("The space as a whole (%1)").arg(QLatin1String(Problem::kindName(p.kind)))
                                      : tr("Click to show block %1 (%2)").arg(id, QLatin1String(Problem::kindName(p.kind))));
    }
}

} // namespace archscape
