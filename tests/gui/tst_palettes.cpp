#include "fakeencoder.h"
#include "focusringstyle.h"
#include "freeport.h"
#include "logbuffer.h"
#include "logpage.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "readablecolours.h"
#include "screenshots.h"
#include "settings.h"
#include "settingspage.h"
#include "sitesimulator.h"
#include "workspace.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace avld;
using namespace avld::test;

namespace {} // namespace

// Light and dark system palettes: every page, built while the palette is in force (as at start-up), keeps
// every text readable (contrast of the label's pixels at least 3:1), with screenshots of each page.
class TestPalettes : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;
    QPalette m_systemPalette;

private Q_SLOTS:
    // The focus ring a keyboard user follows: around a focused button, in the highlight colour, a ring of at
    // least the button's perimeter in pixels, at 3:1 or more against the window (WCAG's non-text contrast).
    void focusRingIsVisible() {
        FocusRingStyle style;
        QPushButton button(QStringLiteral("Verify the site"));
        button.setStyle(&style);
        button.resize(160, 32);
        const auto render = [&](bool focused) {
            QStyleOptionButton option;
            option.initFrom(&button);
            option.text = button.text();
            option.state |= QStyle::State_Enabled;
            if (focused)
                option.state |= QStyle::State_HasFocus;
            QImage image(button.size(), QImage::Format_ARGB32);
            image.fill(button.palette().color(QPalette::Window));
            QPainter painter(&image);
            style.drawControl(QStyle::CE_PushButton, &option, &painter, &button);
            return image;
        };
        const QImage plain = render(false);
        const QImage focused = render(true);
        const QString shots = qEnvironmentVariable("AVLD_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            focused.save(QDir(shots).filePath(QStringLiteral("focus-ring.png")));
        const QRgb highlight = button.palette().color(QPalette::Highlight).rgb();
        int ring = 0;
        for (int y = 0; y < focused.height(); ++y)
            for (int x = 0; x < focused.width(); ++x)
                if (focused.pixel(x, y) != plain.pixel(x, y) &&
                    contrast(focused.pixel(x, y), highlight) < 1.3)
                    ++ring;
        const int perimeter = 2 * (button.width() + button.height());
        QVERIFY2(ring >= perimeter,
                 qPrintable(QStringLiteral("%1 ring pixels, perimeter %2").arg(ring).arg(perimeter)));
        const double against = contrast(highlight, button.palette().color(QPalette::Window).rgb());
        QVERIFY2(against >= 3.0, qPrintable(QString::number(against)));
    }

    void initTestCase() {
        m_systemPalette = QApplication::style()->standardPalette();
        FakeEncoder::Options encoder;
        encoder.mode = FakeEncoder::Mode::Down;
        m_encoder = std::make_unique<FakeEncoder>(encoder);
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.encoderUrl = m_encoder->url().toString();
        options.webSiteTitle = QStringLiteral("Palette check");
        m_site = std::make_unique<SiteSimulator>(options);
        QVERIFY(m_site->listen());
    }

    void everyPageIsReadable_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void everyPageIsReadable() {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? darkPalette() : m_systemPalette);
        Settings settings(std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("%1.ini").arg(dark ? "dark" : "light")), QSettings::IniFormat));
        QVERIFY(settings.set(Setting::FailuresBeforeDown, 1).ok());
        QVERIFY(settings.set(Setting::GeneratorPort, int(freeLoopbackPort())).ok());
        LogBuffer log;
        MainWindow window(settings);
        window.setPageWidget(MainWindow::Page::Log, new LogPage(log));
        window.setPageWidget(MainWindow::Page::Settings, new SettingsPage(settings));
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SiteProfile profile;
        profile.id = QStringLiteral("palette");
        profile.displayName = QStringLiteral("Palette check");
        profile.siteUrl = m_site->siteUrl();
        auto workspace = std::make_unique<Workspace>(window, settings, profile, m_secrets);
        workspace->open(QStringLiteral("admin"), QStringLiteral("admin123"));
        // The site read, and its encoder found offline: the pages show their states, not their placeholders.
        QTRY_VERIFY_WITH_TIMEOUT(workspace->overview().report && !workspace->overview().encoders.isEmpty() &&
                                     workspace->overview().encoders.first().state == EncoderState::Offline,
                                 30000);

        QStringList unreadable;
        for (MainWindow::Page page : MainWindow::pages()) {
            window.showPage(page);
            if (page == MainWindow::Page::Encoders) {
                auto* table = window.findChild<QTableView*>(QStringLiteral("encodersTable"));
                QVERIFY(table && table->model()->rowCount() > 0);
                table->selectRow(0);
            }
            if (page == MainWindow::Page::Diagnose) {
                // Its verdict, score and finding in their colours, not the empty page.
                workspace->diagnose();
                auto* score = window.findChild<QLabel*>(QStringLiteral("diagnosisScore"));
                QTRY_VERIFY_WITH_TIMEOUT(score && score->text().endsWith(QStringLiteral("/100")), 60000);
            }
            QTest::qWait(150);
            const QString name = MainWindow::pageTitle(page).toLower();
            saveScreenshot(window, QStringLiteral("palette-%1-%2").arg(dark ? "dark" : "light", name));
            const QImage shot = window.grab().toImage();
            const qreal ratio = window.devicePixelRatioF();
            for (QLabel* label : window.pageWidget(page)->findChildren<QLabel*>()) {
                if (!label->isVisible() || label->text().trimmed().isEmpty() || label->width() < 4 ||
                    label->height() < 4)
                    continue;
                const QRect area(label->mapTo(&window, QPoint(0, 0)) * ratio, label->size() * ratio);
                const double measured = textContrast(shot.copy(area));
                if (measured < 3.0)
                    unreadable << QStringLiteral("%1 %2 \"%3\": %4:1")
                                      .arg(name, label->objectName(), label->text().left(40))
                                      .arg(measured, 0, 'f', 2);
            }
        }
        QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(QLatin1Char('\n'))));
        workspace.reset();
    }

    void cleanupTestCase() { QApplication::setPalette(m_systemPalette); }
};

QTEST_MAIN(TestPalettes)
#include "tst_palettes.moc"
