#include "logbuffer.h"
#include "logfiltermodel.h"
#include "logging.h"
#include "logmodel.h"
#include "logpage.h"
#include "screenshots.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace avld;

class TestLogPage : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<LogBuffer> m_buffer;
    std::unique_ptr<LogPage> m_page;
    QTableView* m_view = nullptr;

    void makePage(int capacity = LogBuffer::DefaultCapacity) {
        m_buffer = std::make_unique<LogBuffer>(capacity);
        m_page = std::make_unique<LogPage>(*m_buffer);
        m_page->resize(900, 520);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_view = m_page->findChild<QTableView*>(QStringLiteral("logView"));
        QVERIFY(m_view);
    }
    template <typename T> T* child(const char* name) {
        auto* widget = m_page->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void addSample() {
        const auto add = [this](QtMsgType level, const char* category, const QString& message) {
            m_buffer->append(level, QString::fromLatin1(category), message);
        };
        add(QtInfoMsg, "avld.site", QStringLiteral("Signed in to https://demo.avideo.local as admin"));
        add(QtDebugMsg, "avld.site", QStringLiteral("GET /plugin/Live/stats.json.php → 200 in 84 ms"));
        add(QtInfoMsg, "avld.media", QStringLiteral("Grabbed a frame of live 'Morning show' in 612 ms"));
        add(QtWarningMsg, "avld.encoders",
            QStringLiteral(
                "encoder1.wwbn.net did not answer in 2 s (timeout); AVideo shows the ONLINE card"));
        add(QtInfoMsg, "avld.generator", QStringLiteral("Stand-in listening on http://127.0.0.1:8099/k/"));
        add(QtCriticalMsg, "avld.encoders",
            QStringLiteral("encoder2.wwbn.net: TLS certificate expired on 2024-03-01"));
        add(QtWarningMsg, "avld.site",
            QStringLiteral("Site answered 503 to lives listing; retrying in 30 s"));
        add(QtInfoMsg, "avld.media", QStringLiteral("Live 'Night news' shows the OFFLINE card"));
    }

private Q_SLOTS:
    void cleanup() {
        m_page.reset();
        m_buffer.reset();
    }

    void recordsAppear() {
        makePage();
        QAbstractItemModelTester modelTester(m_page->model());
        QAbstractItemModelTester filterTester(m_page->filterModel());
        addSample();
        QCOMPARE(m_page->model()->rowCount(), 0); // delivered in a batch on the next event-loop turn
        QTRY_COMPARE(m_view->model()->rowCount(), 8);
        QCOMPARE(m_view->model()->index(3, LogModel::LevelColumn).data().toString(),
                 QStringLiteral("warning"));
        QCOMPARE(m_view->model()->index(3, LogModel::CategoryColumn).data().toString(),
                 QStringLiteral("avld.encoders"));
        auto* categories = child<QComboBox>("categoryFilter");
        QCOMPARE(categories->count(), 5); // All + 4 modules, sorted
        QCOMPARE(categories->itemText(1), QStringLiteral("avld.encoders"));
        QVERIFY(child<QLabel>("countLabel")->text().startsWith(QStringLiteral("8 of 8")));

        // Through the real message handler too.
        m_buffer->install();
        qCWarning(lcGenerator) << "budget exceeded";
        m_buffer->uninstall();
        QTRY_COMPARE(m_view->model()->rowCount(), 9);
        QCOMPARE(m_view->model()->index(8, LogModel::MessageColumn).data().toString(),
                 QStringLiteral("budget exceeded"));
    }

    void levelCategoryAndSearchFilter() {
        makePage();
        addSample();
        QTRY_COMPARE(m_view->model()->rowCount(), 8);
        auto* level = child<QComboBox>("levelFilter");
        level->setCurrentIndex(level->findData(int(QtWarningMsg)));
        QCOMPARE(m_view->model()->rowCount(), 3);
        level->setCurrentIndex(level->findData(int(QtCriticalMsg)));
        QCOMPARE(m_view->model()->rowCount(), 1);
        level->setCurrentIndex(level->findData(int(QtInfoMsg)));
        QCOMPARE(m_view->model()->rowCount(), 7);

        auto* category = child<QComboBox>("categoryFilter");
        category->setCurrentIndex(category->findData(QStringLiteral("avld.media")));
        QCOMPARE(m_view->model()->rowCount(), 2);
        category->setCurrentIndex(0);

        // Ctrl+F goes to the search field; typing filters case-insensitively.
        QApplication::setActiveWindow(m_page.get());
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        m_view->setFocus();
        QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier);
        auto* search = child<QLineEdit>("searchField");
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("wwbn"));
        QCOMPARE(m_view->model()->rowCount(), 2);
        search->clear();
        QCOMPARE(m_view->model()->rowCount(), 7);
    }

    void exportWritesTheVisibleRows() {
        makePage();
        addSample();
        QTRY_COMPARE(m_view->model()->rowCount(), 8);
        child<QComboBox>("levelFilter")->setCurrentIndex(2); // warnings and errors
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.txt"));
        QVERIFY(m_page->exportTo(path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(
            lines[0].contains(QStringLiteral("\twarning\tavld.encoders\tencoder1.wwbn.net did not answer")));
        QVERIFY(lines[1].contains(QStringLiteral("\tcritical\t")));
        auto* status = child<QLabel>("statusLine");
        QVERIFY2(status->text().contains(path), qPrintable(status->text()));

        const Status refused = m_page->exportTo(dir.filePath(QStringLiteral("missing/dir/log.txt")));
        QVERIFY(!refused.ok());
        QVERIFY2(status->text().startsWith(QStringLiteral("Could not write")), qPrintable(status->text()));
    }

    void copySelectedRows() {
        makePage();
        addSample();
        QTRY_COMPARE(m_view->model()->rowCount(), 8);
        m_view->selectRow(5);
        m_view->selectionModel()->select(m_view->model()->index(3, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_view->setFocus();
        QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].contains(QStringLiteral("encoder1.wwbn.net"))); // view order, not click order
        QVERIFY(lines[1].contains(QStringLiteral("certificate expired")));
    }

    void followsTheNewestUnlessScrolledUp() {
        makePage();
        for (int i = 0; i < 200; ++i)
            m_buffer->append(QtInfoMsg, QStringLiteral("avld.core"), QStringLiteral("line %1").arg(i));
        QTRY_COMPARE(m_view->model()->rowCount(), 200);
        QScrollBar* bar = m_view->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(m_page->isFollowingNewest());

        bar->setValue(10); // the user scrolls up to read
        QVERIFY(!m_page->isFollowingNewest());
        for (int i = 0; i < 50; ++i)
            m_buffer->append(QtInfoMsg, QStringLiteral("avld.core"), QStringLiteral("more %1").arg(i));
        QTRY_COMPARE(m_view->model()->rowCount(), 250);
        QTest::qWait(50);
        QCOMPARE(bar->value(), 10);

        bar->setValue(bar->maximum()); // back at the bottom: follow again
        m_buffer->append(QtInfoMsg, QStringLiteral("avld.core"), QStringLiteral("last"));
        QTRY_COMPARE(m_view->model()->rowCount(), 251);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(m_view->visualRect(m_view->model()->index(250, 0)).bottom() <= m_view->viewport()->height());
    }

    void dropsOldestRowsBeyondCapacityAndClears() {
        makePage(20);
        QAbstractItemModelTester tester(m_page->model());
        for (int i = 0; i < 30; ++i)
            m_buffer->append(QtInfoMsg, QStringLiteral("avld.core"), QStringLiteral("n%1").arg(i));
        QTRY_COMPARE(m_page->model()->rowCount(), 20);
        QCOMPARE(m_page->model()->record(0).message, QStringLiteral("n10"));
        QCoreApplication::processEvents();
        for (int i = 30; i < 35; ++i)
            m_buffer->append(QtInfoMsg, QStringLiteral("avld.core"), QStringLiteral("n%1").arg(i));
        QTRY_COMPARE(m_page->model()->record(19).message, QStringLiteral("n34"));
        QCOMPARE(m_page->model()->rowCount(), 20);
        QCOMPARE(m_page->model()->record(0).message, QStringLiteral("n15"));

        QTest::mouseClick(child<QPushButton>("clearButton"), Qt::LeftButton);
        QCOMPARE(m_page->model()->rowCount(), 0);
        m_buffer->append(QtWarningMsg, QStringLiteral("avld.core"), QStringLiteral("after clear"));
        QTRY_COMPARE(m_page->model()->rowCount(), 1);
        QCOMPARE(m_page->model()->record(0).message, QStringLiteral("after clear"));
    }

    void screenshot() {
        makePage();
        addSample();
        QTRY_COMPARE(m_view->model()->rowCount(), 8);
        m_view->selectRow(3);
        QTemporaryDir dir;
        QVERIFY(m_page->exportTo(dir.filePath(QStringLiteral("avld-log.txt"))).ok());
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("log-page")).isEmpty());
    }

    void screenshotDark() {
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        QApplication::setPalette(dark);
        makePage();
        addSample();
        QTRY_COMPARE(m_view->model()->rowCount(), 8);
        const QColor warning = m_view->model()->index(3, 0).data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(warning.lightness() > 128); // light text on the dark base
        QVERIFY(!test::saveScreenshot(*m_page, QStringLiteral("log-page-dark")).isEmpty());
        m_page.reset();
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestLogPage)
#include "tst_logpage.moc"
