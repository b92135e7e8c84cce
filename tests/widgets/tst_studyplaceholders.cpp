// The study docks while no study is open: with only a space on the canvas
// (the bundled Fashion-MNIST example), the trials, Pareto, curves,
// architecture and predictor docks each show a placeholder saying what will
// appear there and how to get a study, not an empty table or plot; a study
// opened (or created from the space) replaces them with the views, and
// File > Close Study brings them back. The run panel has none: its form is
// usable before a study exists.

#include "MainWindow.h"
#include "WidgetTestSupport.h"
#include "study/PlaceholderStack.h"
#include "study/StudySession.h"
#include "study/StudyWorkspace.h"
#include "study/TrialTableModel.h"
#include "study/TrialsPanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QLabel>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace archscape;

class TestStudyPlaceholders : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QTemporaryDir settingsDir_;

    static QStringList dockNamesWithPlaceholders(const StudyWorkspace* studies)
    {
        QStringList names;
        for (QDockWidget* dock : studies->docks())
            if (qobject_cast<PlaceholderStack*>(dock->widget()))
                names << dock->objectName();
        return names;
    }

    // Every placeholder shown (true) or every view shown (false), and what
    // the user sees agrees.
    static void verifyPlaceholders(const StudyWorkspace* studies, bool shown)
    {
        QCOMPARE(studies->placeholders().size(), 5);
        for (PlaceholderStack* stack : studies->placeholders()) {
            QCOMPARE(stack->isPlaceholderShown(), shown);
            // Visible within its dock (tabbed docks are not all on screen at once).
            QCOMPARE(stack->placeholder()->isVisibleTo(stack), shown);
            QCOMPARE(stack->view()->isVisibleTo(stack), !shown);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid() && settingsDir_.isValid());
        // A settings folder of its own: no dock layout saved elsewhere hides a dock.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
        QCoreApplication::setOrganizationName("ArchscapeTests");
        QCoreApplication::setApplicationName("tst_studyplaceholders");
    }

    void aSpaceAloneShowsThePlaceholders()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(widgettest::bundledSpacePath(QStringLiteral("fashion_mnist.json")),
                                true));
        StudyWorkspace* studies = window.studyWorkspace();
        QVERIFY(!studies->session());
        QCOMPARE(dockNamesWithPlaceholders(studies),
                 (QStringList{"trialsDock", "paretoDock", "curvesDock", "architectureDock",
                              "predictorDock"}));
        for (QDockWidget* dock : studies->docks()) {
            dock->show();
            dock->raise();
        }
        verifyPlaceholders(studies, true);
        const QLabel* trials = studies->placeholders().front()->placeholder();
        QVERIFY2(trials->text().contains("trials of a search will be listed here") &&
                     trials->text().contains("New Study") && trials->text().contains("Run dock"),
                 qPrintable(trials->text()));
        QCOMPARE(trials->alignment(), Qt::AlignCenter);
        // Each dock says what it is for; the way to a study is the same.
        QSet<QString> texts;
        for (PlaceholderStack* stack : studies->placeholders())
            texts << stack->placeholder()->text();
        QCOMPARE(texts.size(), 5);
        // The run panel stays a form.
        QVERIFY(!qobject_cast<PlaceholderStack*>(studies->docks().front()->widget()));
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("closeStudyAction"))->isEnabled());
    }

    void aStudyReplacesThemAndClosingBringsThemBack()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(widgettest::bundledSpacePath(QStringLiteral("fashion_mnist.json")),
                                true));
        StudyWorkspace* studies = window.studyWorkspace();
        for (QDockWidget* dock : studies->docks())
            dock->show();
        verifyPlaceholders(studies, true);

        QVERIFY(window.createStudy(dir_.filePath(QStringLiteral("fashion.db"))));
        QVERIFY(studies->session());
        QTRY_VERIFY(!studies->session()->isLoading());
        for (QDockWidget* dock : studies->docks())
            dock->raise();
        verifyPlaceholders(studies, false);
        QCOMPARE(studies->trialsPanel()->model()->rowCount(), 0);
        QAction* close = window.findChild<QAction*>(QStringLiteral("closeStudyAction"));
        QVERIFY(close->isEnabled());

        close->trigger();
        QVERIFY(!studies->session());
        QVERIFY(!close->isEnabled());
        QVERIFY(!window.windowTitle().contains("(study)"));
        for (QDockWidget* dock : studies->docks())
            dock->raise();
        verifyPlaceholders(studies, true);

        // Opening the study file again hides them once more.
        QVERIFY(window.openStudy(dir_.filePath(QStringLiteral("fashion.db"))));
        for (QDockWidget* dock : studies->docks())
            dock->raise();
        verifyPlaceholders(studies, false);
    }
};

QTEST_MAIN(TestStudyPlaceholders)
#include "tst_studyplaceholders.moc"
