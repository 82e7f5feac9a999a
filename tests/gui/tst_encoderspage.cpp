#include "addencoderdialog.h"
#include "encoderhistorychart.h"
#include "encoders/encoderhistory.h"
#include "encoders/encoderwatch.h"
#include "encoderspage.h"
#include "encoderstablemodel.h"
#include "encoderstatestyle.h"
#include "fakeencoder.h"
#include "screenshots.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace avld;
using namespace avld::test;

// The real Encoders page on a real EncoderWatch against fake encoders: one working, one down (the site's).
class TestEncodersPage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeEncoder> m_good;
    std::unique_ptr<FakeEncoder> m_down;
    std::unique_ptr<EncoderWatch> m_watch;
    std::unique_ptr<EncodersPage> m_page;

    static EncoderTarget target(const FakeEncoder& e, const QString& id, const QString& name,
                                EncoderOrigin origin) {
        EncoderTarget t;
        t.id = id;
        t.name = name;
        t.url = e.url();
        t.origin = origin;
        t.intervalMs = 1000;
        t.retryIntervalMs = 300;
        return t;
    }

    // Six hours of past probes: the good one mostly healthy, the site's going down an hour and a half ago.
    static void fillHistory(const QString& path) {
        EncoderHistory history(path, Clock::system());
        QVERIFY(history.open().ok());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<ProbeRecord> records;
        for (int i = 6 * 60; i > 0; --i) {
            const QDateTime at = now.addSecs(-i * 60);
            ProbeRecord good{.encoderId = QStringLiteral("good"),
                             .at = at,
                             .health = ProbeHealth::Healthy,
                             .reason = QStringLiteral("answers"),
                             .errorCode = {},
                             .httpStatus = 200,
                             .phases = {0, 1, -1, 30 + (i * 7) % 25, 40 + (i * 13) % 40},
                             .functionalMs = -1,
                             .frameClass = {},
                             .imageBytes = -1};
            if (i % 47 == 0) {
                good.health = ProbeHealth::Failed;
                good.phases.totalMs = -1;
            }
            records.append(good);
            ProbeRecord site = good;
            site.encoderId = QStringLiteral("site");
            site.health = i > 90 ? ProbeHealth::Healthy : ProbeHealth::Failed;
            site.phases = i > 90 ? PhaseTimings{2, 20, 35, 150 + (i * 11) % 120, 220 + (i * 17) % 160}
                                 : PhaseTimings{2, -1, -1, -1, 2};
            records.append(site);
        }
        QVERIFY(history.append(records).ok());
    }

    QTableView* table() const { return m_page->findChild<QTableView*>(QStringLiteral("encodersTable")); }
    QPushButton* pushButton(const char* name) const {
        return m_page->findChild<QPushButton*>(QString::fromLatin1(name));
    }
    EncoderHistoryChart* chart() const {
        return m_page->findChild<EncoderHistoryChart*>(QStringLiteral("historyChart"));
    }

    bool stateIs(const QString& id, EncoderState state) const {
        const int row = m_page->model()->rowOf(id);
        const EncoderSnapshot* s = m_page->model()->snapshotAt(row);
        return s && s->state == state;
    }

    // Runs `handle` on the next modal dialog, as soon as it is up; gives up after five seconds.
    static void onNextModal(std::function<void(QWidget*)> handle) {
        auto tries = std::make_shared<int>(250);
        auto poll = std::make_shared<std::function<void()>>();
        *poll = [handle, poll, tries] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                handle(modal);
                *poll = nullptr; // breaks the cycle
                return;
            }
            if (--*tries > 0)
                QTimer::singleShot(20, *poll);
            else
                *poll = nullptr;
        };
        QTimer::singleShot(20, *poll);
    }

    // Key presses reach the page's shortcuts only in the active window.
    void activate() {
        QApplication::setActiveWindow(m_page.get());
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        table()->setFocus();
    }

    static void answerMessageBox(QMessageBox::StandardButton answer, QString* text = nullptr) {
        onNextModal([answer, text](QWidget* modal) {
            auto* box = qobject_cast<QMessageBox*>(modal);
            QVERIFY(box);
            if (text)
                *text = box->text();
            QTest::mouseClick(box->button(answer), Qt::LeftButton);
        });
    }

    // Runs `open` (which must bring up the Edit… dialog, window-modal and not waited for), then `fill` on the
    // dialog; true once `fill` ran.
    static bool editWith(const std::function<void()>& open,
                         const std::function<void(AddEncoderDialog*)>& fill) {
        auto ran = std::make_shared<bool>(false);
        onNextModal([ran, fill](QWidget* modal) {
            auto* dialog = qobject_cast<AddEncoderDialog*>(modal);
            QVERIFY(dialog);
            QVERIFY(dialog->isEditing());
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Edit encoder"));
            QCOMPARE(dialog->windowModality(), Qt::WindowModal);
            fill(dialog);
            *ran = true;
        });
        open();
        return QTest::qWaitFor([ran] { return *ran; }, 6000);
    }

    template <typename T> static T* child(QWidget* dialog, const char* name) {
        T* found = dialog->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qWarning("no %s in the dialog", name);
        return found;
    }

    static QPushButton* okButton(QWidget* dialog) {
        return dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }

    static void typeInto(QLineEdit* edit, const QString& text) {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    // The name in the table's Name cell ("name — url").
    QString nameShown(const QString& id) const {
        const int row = m_page->model()->rowOf(id);
        return m_page->model()
            ->index(row, EncodersTableModel::Name)
            .data()
            .toString()
            .section(QStringLiteral(" — "), 0, 0);
    }

    // Watches `encoder` as "slowly", probed once an hour: any further probe is one asked for.
    void addHourlyEncoder(FakeEncoder& encoder) {
        QVERIFY(encoder.listen());
        EncoderTarget t = target(encoder, QStringLiteral("slowly"), QStringLiteral("probed hourly"),
                                 EncoderOrigin::AdminAdded);
        t.intervalMs = 3'600'000;
        m_watch->addTarget(t);
    }

private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        const QString path =
            m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(QTest::currentTestFunction()));
        fillHistory(path);
        m_good = std::make_unique<FakeEncoder>();
        m_down = std::make_unique<FakeEncoder>();
        QVERIFY(m_good->listen());
        QVERIFY(m_down->listen());
        m_down->setMode(FakeEncoder::Mode::Down);
        m_watch = std::make_unique<EncoderWatch>();
        m_page = std::make_unique<EncodersPage>(*m_watch);
        m_page->resize(1400, 820);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        EncoderMonitor::Options options;
        options.hysteresis = {.failuresToConfirm = 2, .successesToRecover = 1};
        options.tickMs = 100;
        options.probe.reachTimeoutMs = 2000;
        m_watch->start({target(*m_down, QStringLiteral("site"), QStringLiteral("encoder1 (site's)"),
                               EncoderOrigin::SiteConfigured),
                        target(*m_good, QStringLiteral("good"), QStringLiteral("backup encoder"),
                               EncoderOrigin::AdminAdded)},
                       {}, options, path);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(QStringLiteral("good"), EncoderState::Online), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(QStringLiteral("site"), EncoderState::Offline), 10000);
    }

    void cleanup() {
        m_page.reset();
        m_watch.reset();
        m_good.reset();
        m_down.reset();
    }

    void rowsAndStatesAppear() {
        QTableView* view = table();
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 2);
        QStringList states;
        for (int row = 0; row < 2; ++row) {
            const QModelIndex state = view->model()->index(row, EncodersTableModel::State);
            states << state.data().toString();
            QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
            const QString latency = view->model()->index(row, EncodersTableModel::Latency).data().toString();
            QVERIFY2(latency.endsWith(QStringLiteral(" ms")), qPrintable(latency));
            QVERIFY(view->model()->index(row, EncodersTableModel::Uptime).data().toString().endsWith('%'));
        }
        states.sort();
        // The working one has no live to be asked for a frame: reachable, never "online".
        QCOMPARE(states, (QStringList{QStringLiteral("offline"), QStringLiteral("reachable")}));
        auto* summary = m_page->findChild<QLabel*>(QStringLiteral("encodersSummary"));
        QVERIFY2(summary->text().contains(QStringLiteral("1 reachable")), qPrintable(summary->text()));
        QVERIFY(summary->text().contains(QStringLiteral("1 offline")));
        QVERIFY2(!summary->text().contains(QStringLiteral("online")), qPrintable(summary->text()));
        // The site's encoder is down and the other works: the page says what to do.
        auto* recommendation = m_page->findChild<QLabel*>(QStringLiteral("encoderRecommendation"));
        QTRY_VERIFY(recommendation->isVisible());
        QVERIFY2(recommendation->text().contains(QStringLiteral("backup encoder")) ||
                     recommendation->text().contains(m_good->url().toString()),
                 qPrintable(recommendation->text()));
    }

    void sortsByState() {
        QTableView* view = table();
        view->sortByColumn(EncodersTableModel::State, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(0, EncodersTableModel::State).data().toString(),
                 QStringLiteral("offline"));
        view->sortByColumn(EncodersTableModel::State, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, EncodersTableModel::State).data().toString(),
                 QStringLiteral("reachable"));
    }

    void chartReceivesPoints() {
        m_page->selectEncoder(QStringLiteral("good"));
        QTRY_VERIFY_WITH_TIMEOUT(chart()->pointCount() > 0, 5000);
        QCOMPARE(chart()->series().encoderId, QStringLiteral("good"));
        QCOMPARE(chart()->series().window, HistoryWindow::LastHour);
        auto* selector = m_page->findChild<QComboBox*>(QStringLiteral("windowSelector"));
        QVERIFY(selector);
        selector->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(chart()->series().window, HistoryWindow::LastDay, 5000);
        QVERIFY(chart()->pointCount() >= 6); // six hours
        selector->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(chart()->series().window, HistoryWindow::LastWeek, 5000);
        QVERIFY(chart()->pointCount() >= 1); // a few wide buckets
    }

    void addAndRemoveThroughTheButtons() {
        FakeEncoder third;
        QVERIFY(third.listen());
        bool rejectedBadUrl = false;
        onNextModal([&](QWidget* modal) {
            auto* dialog = qobject_cast<AddEncoderDialog*>(modal);
            QVERIFY(dialog);
            auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("encoderUrlEdit"));
            QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            edit->setText(QStringLiteral("ftp://files.example/"));
            rejectedBadUrl = !ok->isEnabled();
            edit->setText(third.url().toString());
            QVERIFY(ok->isEnabled());
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        QTest::mouseClick(pushButton("addEncoderButton"), Qt::LeftButton);
        QVERIFY(rejectedBadUrl);
        QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), 3, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(third.requestCount(QStringLiteral("objects/getImage.php")) >= 1, 5000);
        QString newId;
        for (const EncoderSnapshot& s : m_page->model()->snapshots())
            if (s.target.url == third.url())
                newId = s.target.id;
        QVERIFY(!newId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(newId, EncoderState::Online), 10000);

        // Remove with the button, declining first.
        m_page->selectEncoder(newId);
        answerMessageBox(QMessageBox::No);
        QTest::mouseClick(pushButton("removeEncoderButton"), Qt::LeftButton);
        QTest::qWait(300);
        QCOMPARE(table()->model()->rowCount(), 3);
        QString question;
        answerMessageBox(QMessageBox::Yes, &question);
        QTest::mouseClick(pushButton("removeEncoderButton"), Qt::LeftButton);
        QVERIFY(question.contains(third.url().host()));
        QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), 2, 5000);

        // Delete removes too; the site's own encoder cannot be removed.
        m_page->selectEncoder(QStringLiteral("site"));
        QVERIFY(!pushButton("removeEncoderButton")->isEnabled());
        QVERIFY(!pushButton("switchEncoderButton")->isEnabled());
        m_page->selectEncoder(QStringLiteral("good"));
        activate();
        answerMessageBox(QMessageBox::Yes);
        QTest::keyClick(table(), Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), 1, 5000);
    }

    void editNameAndIntervalKeepTheEncoder() {
        m_page->selectEncoder(QStringLiteral("good"));
        QPushButton* edit = pushButton("editEncoder");
        QVERIFY(edit);
        QVERIFY(edit->isEnabled());
        const QDateTime onlineSince = m_watch->snapshot(QStringLiteral("good"))->since;

        // F2, the name alone: the interval of 1 s, below the usual range (shown as it is), is kept.
        activate();
        QVERIFY(editWith([&] { QTest::keyClick(table(), Qt::Key_F2); },
                         [](AddEncoderDialog* dialog) {
                             auto* name = child<QLineEdit>(dialog, "encoderNameEdit");
                             auto* interval = child<QSpinBox>(dialog, "encoderIntervalSpin");
                             QCOMPARE(name->text(), QStringLiteral("backup encoder"));
                             QVERIFY(!child<QLineEdit>(dialog, "encoderUrlEdit")->isReadOnly());
                             QCOMPARE(interval->minimum(), 1);
                             QCOMPARE(interval->maximum(), 3600);
                             QCOMPARE(interval->value(), 1);
                             // Tab goes down the form: name, URL, interval.
                             const auto nextByTab = [dialog](QWidget* from) {
                                 QWidget* next = from->nextInFocusChain();
                                 while (next != from && (!(next->focusPolicy() & Qt::TabFocus) ||
                                                         !next->isEnabled() || !next->isVisibleTo(dialog)))
                                     next = next->nextInFocusChain();
                                 return next;
                             };
                             QCOMPARE(nextByTab(name), child<QLineEdit>(dialog, "encoderUrlEdit"));
                             QWidget* afterUrl = nextByTab(child<QLineEdit>(dialog, "encoderUrlEdit"));
                             QVERIFY2(afterUrl == interval || afterUrl->parentWidget() == interval,
                                      afterUrl->metaObject()->className());
                             typeInto(name, QStringLiteral("spare"));
                             QTest::mouseClick(okButton(dialog), Qt::LeftButton);
                         }));
        QTRY_COMPARE_WITH_TIMEOUT(nameShown(QStringLiteral("good")), QStringLiteral("spare"), 5000);
        QCOMPARE(m_watch->snapshot(QStringLiteral("good"))->target.intervalMs, 1000);

        // The button: a new name and a longer interval.
        QVERIFY(editWith(
            [&] { QTest::mouseClick(edit, Qt::LeftButton); },
            [](AddEncoderDialog* dialog) {
                QCOMPARE(child<QLineEdit>(dialog, "encoderNameEdit")->text(), QStringLiteral("spare"));
                typeInto(child<QLineEdit>(dialog, "encoderNameEdit"), QStringLiteral("standby encoder"));
                auto* interval = child<QSpinBox>(dialog, "encoderIntervalSpin");
                interval->setFocus();
                QTest::keyClick(interval, Qt::Key_Up);
                QTest::keyClick(interval, Qt::Key_Up);
                QCOMPARE(interval->value(), 3);
                QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            }));
        QTRY_COMPARE_WITH_TIMEOUT(nameShown(QStringLiteral("good")), QStringLiteral("standby encoder"), 5000);
        const EncoderSnapshot s = *m_watch->snapshot(QStringLiteral("good"));
        QCOMPARE(s.target.intervalMs, 3000);
        QCOMPARE(s.target.url, m_good->url());
        QCOMPARE(s.state, EncoderState::Online);
        QCOMPARE(s.since, onlineSince); // the same encoder, its state kept
        QCOMPARE(m_page->model()->snapshots().size(), 2);
        QCOMPARE(m_page->selectedId(), QStringLiteral("good"));

        // Cancel changes nothing.
        QVERIFY(editWith([&] { QTest::mouseClick(edit, Qt::LeftButton); },
                         [](AddEncoderDialog* dialog) {
                             typeInto(child<QLineEdit>(dialog, "encoderNameEdit"), QStringLiteral("nope"));
                             QTest::keyClick(dialog, Qt::Key_Escape);
                         }));
        QTest::qWait(300);
        QCOMPARE(nameShown(QStringLiteral("good")), QStringLiteral("standby encoder"));
    }

    void intervalRange() {
        EncoderTarget t = target(*m_good, QStringLiteral("x"), QStringLiteral("x"), EncoderOrigin::Public);
        t.intervalMs = 300'000;
        AddEncoderDialog dialog(t);
        auto* interval = child<QSpinBox>(&dialog, "encoderIntervalSpin");
        QCOMPARE(interval->minimum(), 5);
        QCOMPARE(interval->maximum(), 3600);
        QCOMPARE(interval->value(), 300);
        QCOMPARE(interval->suffix(), QStringLiteral(" s"));
        QCOMPARE(dialog.target().intervalMs, 300'000);
        interval->setValue(1);
        QCOMPARE(interval->value(), 5);
        interval->setValue(4000);
        QCOMPARE(dialog.target().intervalMs, 3'600'000);
    }

    void editUrlMovesTheProbes() {
        FakeEncoder moved;
        QVERIFY(moved.listen());
        m_page->selectEncoder(QStringLiteral("good"));
        const QModelIndex row = table()->selectionModel()->selectedRows(EncodersTableModel::Name).first();
        QString problemForBadUrl;
        QString problemForTakenUrl;
        QString note;
        QVERIFY(editWith(
            [&] {
                // As a platform delivers a double-click: press, release, double-click, release.
                const QPoint at = table()->visualRect(row).center();
                QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, at);
                QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, at);
                QTest::mouseRelease(table()->viewport(), Qt::LeftButton, {}, at);
            },
            [&](AddEncoderDialog* dialog) {
                auto* url = child<QLineEdit>(dialog, "encoderUrlEdit");
                auto* problem = child<QLabel>(dialog, "encoderUrlProblem");
                auto* hint = child<QLabel>(dialog, "encoderEditNote");
                QCOMPARE(url->text(), m_good->url().toString());
                QVERIFY(!hint->isVisible()); // the same address: nothing to say
                typeInto(url, QStringLiteral("ftp://files.example/"));
                QVERIFY(!okButton(dialog)->isEnabled());
                QVERIFY(problem->isVisible());
                problemForBadUrl = problem->text();
                typeInto(url, m_down->url().toString());
                QVERIFY(!okButton(dialog)->isEnabled());
                problemForTakenUrl = problem->text();
                typeInto(url, moved.url().toString());
                QVERIFY(okButton(dialog)->isEnabled());
                QVERIFY(!problem->isVisible());
                QVERIFY(hint->isVisible());
                note = hint->text();
                const QString shot = saveScreenshot(*dialog, QStringLiteral("edit-encoder-dialog"));
                QVERIFY(!shot.isEmpty());
                QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            }));
        QVERIFY2(problemForBadUrl.contains(QStringLiteral("http://")), qPrintable(problemForBadUrl));
        QVERIFY2(problemForTakenUrl.contains(QStringLiteral("encoder1 (site's)")),
                 qPrintable(problemForTakenUrl));
        QVERIFY2(note.contains(QStringLiteral("history continues")), qPrintable(note));

        QTRY_VERIFY_WITH_TIMEOUT(moved.requestCount(QStringLiteral("objects/getImage.php")) >= 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(QStringLiteral("good"), EncoderState::Online), 10000);
        const EncoderSnapshot s = *m_watch->snapshot(QStringLiteral("good"));
        QCOMPARE(s.target.url, moved.url());
        QCOMPARE(s.target.name, QStringLiteral("backup encoder"));
        QCOMPARE(m_page->model()->snapshots().size(), 2);
        QTest::qWait(300); // a probe of the old address in flight may still land
        const int oldProbes = m_good->requestCount(QStringLiteral("objects/getImage.php"));
        const int newProbes = moved.requestCount(QStringLiteral("objects/getImage.php"));
        QTest::qWait(1500); // one-second interval
        QCOMPARE(m_good->requestCount(QStringLiteral("objects/getImage.php")), oldProbes);
        QVERIFY(moved.requestCount(QStringLiteral("objects/getImage.php")) > newProbes);
    }

    void siteEncoderUrlIsReadOnly() {
        m_page->selectEncoder(QStringLiteral("site"));
        QVERIFY(pushButton("editEncoder")->isEnabled());
        QString note;
        QVERIFY(editWith(
            [&] { QTest::mouseClick(pushButton("editEncoder"), Qt::LeftButton); },
            [&](AddEncoderDialog* dialog) {
                auto* url = child<QLineEdit>(dialog, "encoderUrlEdit");
                QVERIFY(url->isReadOnly());
                QCOMPARE(url->text(), m_down->url().toString());
                QTest::keyClicks(url, QStringLiteral("x")); // ignored
                QCOMPARE(url->text(), m_down->url().toString());
                auto* hint = child<QLabel>(dialog, "encoderEditNote");
                QVERIFY(hint->isVisible());
                note = hint->text();
                typeInto(child<QLineEdit>(dialog, "encoderNameEdit"), QStringLiteral("our encoder"));
                QVERIFY(okButton(dialog)->isEnabled());
                QVERIFY(!saveScreenshot(*dialog, QStringLiteral("edit-encoder-dialog-site")).isEmpty());
                QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            }));
        QVERIFY2(note.contains(QStringLiteral("site's Encoder URL")), qPrintable(note));
        QTRY_COMPARE_WITH_TIMEOUT(nameShown(QStringLiteral("site")), QStringLiteral("our encoder"), 5000);
        QCOMPARE(m_watch->snapshot(QStringLiteral("site"))->target.url, m_down->url());
        QCOMPARE(m_watch->snapshot(QStringLiteral("site"))->target.origin, EncoderOrigin::SiteConfigured);
    }

    void probeNowProbes() {
        FakeEncoder slowly;
        addHourlyEncoder(slowly);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(QStringLiteral("slowly"), EncoderState::Online), 5000);
        const auto probes = [&] { return slowly.requestCount(QStringLiteral("objects/getImage.php")); };
        const int first = probes();
        QCOMPARE(first, 1);
        m_page->selectEncoder(QStringLiteral("slowly"));
        QTest::mouseClick(pushButton("probeNowButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(probes(), 2, 3000);
        activate();
        QTest::keyClick(table(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(probes(), 3, 3000);
    }

    // The chart follows a probe at once (not at its next 10 s refresh): no "No probes in the last hour"
    // beside a row that was just probed.
    void chartFollowsAProbeAtOnce() {
        FakeEncoder slowly;
        addHourlyEncoder(slowly);
        QTRY_VERIFY_WITH_TIMEOUT(stateIs(QStringLiteral("slowly"), EncoderState::Online), 5000);
        m_page->selectEncoder(QStringLiteral("slowly"));
        QTRY_VERIFY_WITH_TIMEOUT(chart()->pointCount() > 0, 3000);
        QSignalSpy series(m_watch.get(), &EncoderWatch::seriesReady);
        QTest::mouseClick(pushButton("probeNowButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(series.cbegin(), series.cend(),
                                             [](const QList<QVariant>& args) {
                                                 return args.at(0).value<EncoderSeries>().encoderId ==
                                                        QStringLiteral("slowly");
                                             }),
                                 2000);
    }

    // The button says it shows the steps, and asks nothing: what to know about the encoder goes with them.
    void switchShowsTheStepsWithTheCaveat() {
        QSignalSpy switched(m_page.get(), &EncodersPage::switchRequested);
        m_page->selectEncoder(QStringLiteral("good"));
        QVERIFY(pushButton("switchEncoderButton")->isEnabled());
        QVERIFY(pushButton("switchEncoderButton")->text().contains(QStringLiteral("How to switch")));
        QTest::mouseClick(pushButton("switchEncoderButton"), Qt::LeftButton);
        QCOMPARE(switched.count(), 1);
        const QString caveat = switched.first().at(1).toString();
        QVERIFY2(caveat.contains(QStringLiteral("frames were not tested")), qPrintable(caveat));
        const auto target = switched.first().at(0).value<EncoderTarget>();
        QCOMPARE(target.id, QStringLiteral("good"));
        QCOMPARE(target.url, m_good->url());
    }

    // A fake encoder with no live to test frames with: its row says reachable, in a colour of its own, with
    // the probe's reason as tooltip; its details and the real-frame cell say the frames were not tested.
    void reachableRowIsNotOnline() {
        EncodersTableModel* model = m_page->model();
        const int row = model->rowOf(QStringLiteral("good"));
        QVERIFY(row >= 0);
        QVERIFY(stateIs(QStringLiteral("good"), EncoderState::Online)); // the monitor's state is unchanged
        const QModelIndex state = model->index(row, EncodersTableModel::State);
        QCOMPARE(state.data().toString(), QStringLiteral("reachable"));
        const QString tip = state.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("is reachable; frames not tested")), qPrintable(tip));
        QVERIFY2(tip.startsWith(model->snapshotAt(row)->reason), qPrintable(tip));
        const QColor shown = state.data(Qt::ForegroundRole).value<QColor>();
        QVERIFY(shown != encoderStateColor(EncoderState::Online).darker(115));
        QVERIFY(shown != encoderStateColor(EncoderState::Unknown).darker(115));
        QCOMPARE(shown, encoderSnapshotColor(*model->snapshotAt(row)).darker(115));
        const QImage icon = state.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
        QVERIFY(icon != encoderStateIcon(EncoderState::Online).pixmap(16).toImage());
        QCOMPARE(model->index(row, EncodersTableModel::RealFrame).data().toString(),
                 QStringLiteral("not tested"));
        // The one that does not answer was not asked for a frame either, but for that reason.
        const int down = model->rowOf(QStringLiteral("site"));
        QCOMPARE(model->index(down, EncodersTableModel::RealFrame).data().toString(), QStringLiteral("—"));
        QCOMPARE(model->index(down, EncodersTableModel::State).data().toString(), QStringLiteral("offline"));

        m_page->selectEncoder(QStringLiteral("good"));
        auto* title = m_page->findChild<QLabel*>(QStringLiteral("encoderTitle"));
        QVERIFY2(title->text().contains(QStringLiteral("REACHABLE")), qPrintable(title->text()));
        QVERIFY2(!title->text().contains(QStringLiteral("ONLINE")), qPrintable(title->text()));
        auto* facts = m_page->findChild<QLabel*>(QStringLiteral("encoderFacts"));
        QVERIFY2(facts->text().contains(QStringLiteral("frames not tested")), qPrintable(facts->text()));

        // The site's encoder is down: the recommendation names the working one, without claiming frames.
        auto* recommendation = m_page->findChild<QLabel*>(QStringLiteral("encoderRecommendation"));
        QTRY_VERIFY(recommendation->isVisible());
        QVERIFY2(recommendation->text().contains(QStringLiteral("reachable, frames not tested")),
                 qPrintable(recommendation->text()));
        QVERIFY2(!recommendation->text().contains(QStringLiteral("real frames in")),
                 qPrintable(recommendation->text()));

        QTest::qWait(200);
        const QString path = saveScreenshot(*m_page, QStringLiteral("encoders-page-reachable"));
        QVERIFY(!path.isEmpty());
        qInfo("screenshot: %s", qPrintable(path));
    }

    // The state cell for each kind of snapshot, on the model alone: only a tested one is "online".
    void stateCell_data() {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("functionalMs");
        QTest::addColumn<QString>("frameClass");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("looksOnline");
        QTest::newRow("real frames") << int(EncoderState::Online) << qint64(150)
                                     << QStringLiteral("real-frame") << QStringLiteral("online") << true;
        QTest::newRow("no live") << int(EncoderState::Online) << qint64(-1) << QString()
                                 << QStringLiteral("reachable") << false;
        QTest::newRow("getImage failed") << int(EncoderState::Degraded) << qint64(-1)
                                         << QStringLiteral("error") << QStringLiteral("degraded") << false;
        QTest::newRow("down") << int(EncoderState::Offline) << qint64(-1) << QString()
                              << QStringLiteral("offline") << false;
    }

    void stateCell() {
        QFETCH(int, state);
        QFETCH(qint64, functionalMs);
        QFETCH(QString, frameClass);
        QFETCH(QString, text);
        QFETCH(bool, looksOnline);
        EncoderSnapshot s;
        s.target.id = QStringLiteral("x");
        s.target.url = QUrl(QStringLiteral("http://x.example/"));
        s.state = EncoderState(state);
        s.reason = QStringLiteral("why");
        EncoderProbeReport report;
        report.record.functionalMs = functionalMs;
        report.record.frameClass = frameClass;
        s.last = report;
        EncodersTableModel model;
        model.setSnapshots({s});
        const QModelIndex cell = model.index(0, EncodersTableModel::State);
        QCOMPARE(cell.data().toString(), text);
        QCOMPARE(cell.data(Qt::ForegroundRole).value<QColor>() ==
                     encoderStateColor(EncoderState::Online).darker(115),
                 looksOnline);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("why")));
    }

    void screenshot() {
        m_page->selectEncoder(QStringLiteral("site"));
        auto* selector = m_page->findChild<QComboBox*>(QStringLiteral("windowSelector"));
        selector->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(chart()->series().encoderId == QStringLiteral("site") &&
                                     chart()->series().window == HistoryWindow::LastDay &&
                                     chart()->pointCount() > 10,
                                 5000);
        QTest::qWait(200);
        const QString path = saveScreenshot(*m_page, QStringLiteral("encoders-page"));
        QVERIFY(!path.isEmpty());
        qInfo("screenshot: %s", qPrintable(path));
    }
};

QTEST_MAIN(TestEncodersPage)
#include "tst_encoderspage.moc"
