#include "aboutdialog.h"
#include "addencoderdialog.h"
#include "clippedtext.h"
#include "diagnosepage.h"
#include "diagnosis/reportfile.h"
#include "fakeencoder.h"
#include "freeport.h"
#include "logbuffer.h"
#include "logpage.h"
#include "mainwindow.h"
#include "memorysecretstore.h"
#include "screenshots.h"
#include "settings.h"
#include "settingspage.h"
#include "shownwords.h"
#include "sitesimulator.h"
#include "sitewizard.h"
#include "switchstepsdialog.h"
#include "uitranslators.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QRadioButton>
#include <QSettings>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace avld;
using namespace avld::test;

namespace {

QString nameOf(const QWidget& widget) {
    return widget.objectName().isEmpty() ? QString::fromLatin1(widget.metaObject()->className())
                                         : widget.objectName();
}

// What clippedTexts() does not measure: check boxes and radio buttons narrower than their text, group box
// titles wider than their box, tabs whose text the bar elides, and combo boxes narrower than their text.
QStringList otherClippedTexts(QWidget& root) {
    QStringList out;
    for (QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
        if (!button->isVisibleTo(&root) || button->text().isEmpty())
            continue;
        if ((qobject_cast<QCheckBox*>(button) || qobject_cast<QRadioButton*>(button)) &&
            button->width() < button->minimumSizeHint().width())
            out << QStringLiteral("check box %1 '%2' is %3 px wide, needs %4")
                       .arg(nameOf(*button), button->text())
                       .arg(button->width())
                       .arg(button->minimumSizeHint().width());
    }
    for (QGroupBox* group : root.findChildren<QGroupBox*>()) {
        const int needed = group->fontMetrics().horizontalAdvance(group->title()) + 16;
        if (group->isVisibleTo(&root) && !group->title().isEmpty() && group->width() < needed)
            out << QStringLiteral("group %1 '%2' is %3 px wide, needs %4")
                       .arg(nameOf(*group), group->title())
                       .arg(group->width())
                       .arg(needed);
    }
    for (QTabBar* tabs : root.findChildren<QTabBar*>()) {
        if (!tabs->isVisibleTo(&root))
            continue;
        for (int i = 0; i < tabs->count(); ++i) {
            const int needed = tabs->fontMetrics().horizontalAdvance(QString(tabs->tabText(i)).remove(u'&'));
            if (tabs->tabRect(i).width() < needed)
                out << QStringLiteral("tab '%1' is %2 px wide, needs %3")
                           .arg(tabs->tabText(i))
                           .arg(tabs->tabRect(i).width())
                           .arg(needed);
        }
    }
    for (QComboBox* combo : root.findChildren<QComboBox*>()) {
        // A combo box that elides on purpose (the site chooser in its narrow column) says so by its policy.
        if (!combo->isVisibleTo(&root) || combo->currentText().isEmpty() ||
            combo->sizeAdjustPolicy() == QComboBox::AdjustToMinimumContentsLengthWithIcon)
            continue;
        const int needed = combo->fontMetrics().horizontalAdvance(combo->currentText()) + 24;
        if (combo->width() < needed)
            out << QStringLiteral("combo box %1 '%2' is %3 px wide, needs %4")
                       .arg(nameOf(*combo), combo->currentText())
                       .arg(combo->width())
                       .arg(needed);
    }
    return out;
}

// The letter Alt+… presses: "&File" → 'f', "文件(&F)" → 'f'; none for "&&" or no "&".
QChar mnemonicOf(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Two controls of one window that answer the same Alt+letter, where the English window gives them two.
QStringList sharedMnemonics(QWidget& root, const EnglishLeftovers& english) {
    QHash<QChar, QStringList> byLetter;
    const auto add = [&byLetter](const QString& text) {
        if (const QChar letter = mnemonicOf(text); !letter.isNull())
            byLetter[letter] << text;
    };
    for (QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
        if (button->isVisibleTo(&root))
            add(button->text());
    }
    for (QLabel* label : root.findChildren<QLabel*>()) {
        if (label->isVisibleTo(&root) && label->buddy())
            add(label->text());
    }
    if (auto* window = qobject_cast<QMainWindow*>(&root)) {
        for (const QAction* action : window->menuBar()->actions())
            add(action->text());
    }
    QStringList out;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        QSet<QChar> inEnglish;
        for (const QString& text : it.value())
            inEnglish.insert(mnemonicOf(english.sourceOf(text)));
        if (inEnglish.size() > 1)
            out << QStringLiteral("Alt+%1 is taken by %2")
                       .arg(it.key(), it.value().join(QStringLiteral(", ")));
    }
    return out;
}

} // namespace

// Every page of the window, the settings, the wizard and the dialogs, in Simplified Chinese and Brazilian
// Portuguese: no text left in English (but the names a translation keeps) and no text cut by the layout,
// with a screenshot of each (i18n-<language>-<page>.png).
class TestTranslations : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeEncoder> m_encoder;
    std::unique_ptr<SiteSimulator> m_site;
    MemorySecretStore m_secrets;
    QStringList m_problems;

    // Proper nouns, protocols, units and names of AVideo's own settings that a translation keeps, and the
    // test's own data (the site's and its lives' names).
    static QStringList allowedWords() {
        return {QStringLiteral("Zeta"), QStringLiteral("Yara"), QStringLiteral("Xuxa"),
                QStringLiteral("zeta"), QStringLiteral("yara"), QStringLiteral("xuxa"),
                QStringLiteral("localhost"), QStringLiteral("admin"), QStringLiteral("Qt"),
                QStringLiteral("FFmpeg"), QStringLiteral("libavformat"), QStringLiteral("Debian"),
                QStringLiteral("GNU"), QStringLiteral("Linux"), QStringLiteral("bookworm"),
                // the versions in the about box
                QStringLiteral("libavcodec"), QStringLiteral("libavutil"), QStringLiteral("libswscale"),
                // the languages' own names in the Language setting
                QStringLiteral("English"), QStringLiteral("Português"), QStringLiteral("Brasil")};
    }

    // What the window shows as core's lower layers word it, untranslated (README, Languages): the encoders'
    // probe reasons (as the history database keeps them), the network and media errors of our grabs, and why
    // the site's thumbnail was classified so. A text is checked without them.
    QStringList m_keptEnglish;

    void keepEnglishOf(const SiteOverview& overview) {
        m_keptEnglish.clear();
        for (const EncoderSnapshot& encoder : overview.encoders) {
            m_keptEnglish << encoder.reason;
            if (encoder.last)
                m_keptEnglish << encoder.last->record.errorCode; // "connect-refused": a code, not words
        }
        if (!overview.report)
            return;
        for (const LiveEntry& live : overview.report->lives) {
            if (live.siteThumbnail)
                m_keptEnglish << live.siteThumbnail->detail;
            if (live.ourGrab && !live.ourGrab->ok())
                m_keptEnglish << live.ourGrab->error().toString() << live.ourGrab->error().message
                              << live.ourGrab->error().hint;
        }
        // LiveSound's and LivePicture's reason for not measuring, around the grab's error
        m_keptEnglish << QStringLiteral("the stream could not be read");
    }

    void check(QWidget& root, const QString& language, const QString& what, const EnglishLeftovers& english) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(!saveScreenshot(root, QStringLiteral("i18n-%1-%2").arg(language, what)).isEmpty());
        for (const ShownText& shown : shownTexts(root)) {
            if (const QString problem = english.problem(shown.text, m_keptEnglish); !problem.isEmpty())
                m_problems << QStringLiteral("%1 %2: %3 \"%4\"")
                                  .arg(what, shown.where, problem, shown.text.left(400).replace(u'\n', u' '));
        }
        for (const QString& clipped : clippedTexts(root) + otherClippedTexts(root))
            m_problems << QStringLiteral("%1: clipped: %2").arg(what, clipped);
        for (const QString& shared : sharedMnemonics(root, english))
            m_problems << QStringLiteral("%1: %2").arg(what, shared);
    }

    // The report the Diagnose page exports speaks the window's language, and says so in <html lang>.
    void checkReport(const DiagnosePage& page, const QString& language, const EnglishLeftovers& english) {
        QVERIFY(page.diagnosis());
        const QString path = m_dir.filePath(QStringLiteral("report-%1.html").arg(language));
        QVERIFY(writeHtmlReport(*page.diagnosis(), path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        const QString lang = QStringLiteral("lang=\"%1\"").arg(QString(language).replace(u'_', u'-'));
        QVERIFY2(html.contains(lang), qPrintable(html.left(200)));
        QTextDocument document;
        document.setHtml(html);
        QStringList kept = m_keptEnglish;
        for (const Finding& f : page.diagnosis()->findings)
            kept << f.id; // "[The site's encoder · encoder-down]": ids are for scripts
        for (const QString& line : document.toPlainText().split(u'\n')) {
            if (const QString problem = english.problem(line, kept); !problem.isEmpty())
                m_problems << QStringLiteral("report: %1 \"%2\"").arg(problem, line.left(400));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        FakeEncoder::Options encoder;
        encoder.mode = FakeEncoder::Mode::Down;
        m_encoder = std::make_unique<FakeEncoder>(encoder);
        QVERIFY(m_encoder->listen());
        SiteSimulator::Options options;
        options.encoderUrl = m_encoder->url().toString();
        options.webSiteTitle = QStringLiteral("Zeta");
        m_site = std::make_unique<SiteSimulator>(options);
        m_site->addLive({.key = QStringLiteral("zeta1"),
                         .user = QStringLiteral("yara"),
                         .title = QStringLiteral("Zeta"),
                         .listedWhileNotPublishing = true});
        m_site->addLive({.key = QStringLiteral("zeta2"),
                         .user = QStringLiteral("xuxa"),
                         .title = QStringLiteral("Xuxa"),
                         .listedWhileNotPublishing = true});
        QVERIFY(m_site->listen());
    }

    void everyPageIsTranslatedAndFits_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("script");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << int(EnglishLeftovers::Script::Other);
        QTest::newRow("pt_BR") << QStringLiteral("pt_BR") << int(EnglishLeftovers::Script::Latin);
    }

    void everyPageIsTranslatedAndFits() {
        QFETCH(QString, language);
        QFETCH(int, script);
        m_problems.clear();
        const EnglishLeftovers english(
            QDir(QStringLiteral(AVLD_TRANSLATIONS_DIR))
                .filePath(QStringLiteral("avideo-live-doctor_%1.ts").arg(language)),
            EnglishLeftovers::Script(script), allowedWords());
        QVERIFY(english.isValid());
        // Installed before any widget exists, as the program does at start-up.
        const UiTranslators translators{QLocale(language)};
        QVERIFY(translators.ownLoaded());
        QVERIFY2(translators.qtLoaded(), "Qt's translations are missing (Debian: qt6-translations-l10n)");

        Settings settings(std::make_unique<QSettings>(m_dir.filePath(language + QStringLiteral(".ini")),
                                                      QSettings::IniFormat));
        QVERIFY(settings.set(Setting::FailuresBeforeDown, 1).ok());
        QVERIFY(settings.set(Setting::GeneratorPort, int(freeLoopbackPort())).ok());
        LogBuffer log;
        MainWindow window(settings);
        window.setPageWidget(MainWindow::Page::Log, new LogPage(log));
        window.setPageWidget(MainWindow::Page::Settings, new SettingsPage(settings));
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SiteProfile profile;
        profile.id = QStringLiteral("zeta");
        profile.displayName = QStringLiteral("Zeta");
        profile.siteUrl = m_site->siteUrl();
        auto workspace = std::make_unique<Workspace>(window, settings, profile, m_secrets);
        workspace->open(QStringLiteral("admin"), QStringLiteral("admin123"));
        QTRY_VERIFY_WITH_TIMEOUT(workspace->overview().report && !workspace->overview().encoders.isEmpty() &&
                                     workspace->overview().encoders.first().state == EncoderState::Offline,
                                 30000);
        keepEnglishOf(workspace->overview());

        for (MainWindow::Page page : MainWindow::pages()) {
            window.showPage(page);
            if (page == MainWindow::Page::Encoders) {
                auto* table = window.findChild<QTableView*>(QStringLiteral("encodersTable"));
                QVERIFY(table && table->model()->rowCount() > 0);
                table->selectRow(0);
            }
            if (page == MainWindow::Page::Diagnose) {
                workspace->diagnose();
                auto* score = window.findChild<QLabel*>(QStringLiteral("diagnosisScore"));
                QTRY_VERIFY_WITH_TIMEOUT(score && score->text().endsWith(QStringLiteral("/100")), 60000);
                checkReport(*qobject_cast<DiagnosePage*>(window.pageWidget(page)), language, english);
            }
            QTest::qWait(200);
            // The page with the window around it: the navigation, the menus and the status bar too.
            check(window, language, window.pageWidget(page)->objectName(), english);
        }
        workspace.reset();

        AboutDialog about;
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        check(about, language, QStringLiteral("about"), english);

        AddEncoderDialog addEncoder;
        addEncoder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&addEncoder));
        check(addEncoder, language, QStringLiteral("add-encoder"), english);

        SwitchStepsDialog steps(m_site->siteUrl(), QStringLiteral("Zeta"),
                                QUrl(QStringLiteral("http://127.0.0.1:8099/")));
        steps.setCaveat(QCoreApplication::translate("avld::EncodersPage", "%1 is %2 right now.")
                            .arg(QStringLiteral("Zeta"), encoderStateText(EncoderState::Offline)));
        steps.show();
        QVERIFY(QTest::qWaitForWindowExposed(&steps));
        check(steps, language, QStringLiteral("switch-steps"), english);

        SiteWizard wizard(m_secrets);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        check(wizard, language, QStringLiteral("wizard-site"), english);
        wizard.next(); // the sign-in page
        check(wizard, language, QStringLiteral("wizard-sign-in"), english);

        // One line each: QVERIFY2 cuts a long message.
        for (const QString& problem : m_problems)
            qWarning().noquote() << problem;
        QVERIFY2(
            m_problems.isEmpty(),
            qPrintable(QStringLiteral("%1 texts untranslated or clipped (above)").arg(m_problems.size())));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
