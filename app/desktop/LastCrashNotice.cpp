#include "LastCrashNotice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QMessageBox>
#include <QStandardPaths>

namespace archscape {

QString LastCrashNotice::reportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty() || !QDir().mkpath(folder))
        return {};
    return QDir(folder).filePath(QStringLiteral("last-crash.txt"));
}

void LastCrashNotice::showIfAny(QWidget* parent)
{
    QFile file(reportFile());
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return;
    const QString reason = QString::fromUtf8(file.readAll()).trimmed();
    file.close();
    file.remove();
    if (reason.isEmpty())
        return;
    // Not modal to the app: a start with --screenshot must go on.
    auto* box = new QMessageBox(
        QMessageBox::Warning, QGuiApplication::applicationDisplayName(),
        QCoreApplication::translate("LastCrashNotice", "The last session ended because %1")
            .arg(reason),
        QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace archscape
