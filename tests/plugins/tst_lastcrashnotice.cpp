// The app's notice of the last crash: the crash handler's message, left in
// the app's data folder, is shown once at the next start, then removed.

#include "LastCrashNotice.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QtTest>

using archscape::LastCrashNotice;

namespace {

QList<QMessageBox*> openBoxes()
{
    QList<QMessageBox*> boxes;
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible())
            boxes << box;
    return boxes;
}

} // namespace

class TestLastCrashNotice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheLastCrashOnce();
    void showsNothingWithoutACrash();
};

void TestLastCrashNotice::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Archscape"));
    QCoreApplication::setApplicationName(QStringLiteral("ArchscapeCrashNoticeTest"));
}

void TestLastCrashNotice::showsTheLastCrashOnce()
{
    const QString path = LastCrashNotice::reportFile();
    QVERIFY(!path.isEmpty());
    QVERIFY(path.endsWith(QStringLiteral("/last-crash.txt")));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("the plugin /p/libx.so crashed (Segmentation fault) in propose. Finished "
                   "trials are safe in the study.\n");
    }
    QWidget window;
    window.show();
    LastCrashNotice::showIfAny(&window);
    const QList<QMessageBox*> boxes = openBoxes();
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.front()->text(),
             QStringLiteral("The last session ended because the plugin /p/libx.so crashed "
                            "(Segmentation fault) in propose. Finished trials are safe in the "
                            "study."));
    QCOMPARE(boxes.front()->icon(), QMessageBox::Warning);
    QVERIFY(!QFile::exists(path));
    boxes.front()->close();
    QTRY_VERIFY(openBoxes().isEmpty());
}

void TestLastCrashNotice::showsNothingWithoutACrash()
{
    QVERIFY(!QFile::exists(LastCrashNotice::reportFile()));
    QWidget window;
    window.show();
    LastCrashNotice::showIfAny(&window);
    QVERIFY(openBoxes().isEmpty());
}

QTEST_MAIN(TestLastCrashNotice)
#include "tst_lastcrashnotice.moc"
