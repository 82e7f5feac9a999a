#include "sitewizard.h"

#include "session/sitesession.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

namespace avld {

namespace {

// Long enough for a first HLS segment over a slow link; the wizard does not wait on it.
constexpr int kStreamTryTimeoutMs = 8000;
// The first page's look at the address: a pause after the typing, then a short request.
constexpr int kAddressPauseMs = 600;
constexpr int kAddressTimeoutMs = 6000;

// What the first page's look at the address means for going on: only an address that is plainly not an
// AVideo site stops the wizard (no such host, nothing listening, no Live plugin, another kind of site). A
// slow or overloaded site, an untrusted certificate or a guarded answer is for the next page's test.
bool addressRefuses(const Error& error) {
    static const QStringList notAVideo = {QStringLiteral("dns"), QStringLiteral("connect-refused"),
                                          QStringLiteral("http-404"), QStringLiteral("html-instead-of-json"),
                                          QStringLiteral("bad-json")};
    return notAVideo.contains(error.code);
}

// A page that lets the wizard go on only when a condition holds.
class GatedPage : public QWizardPage {
public:
    std::function<bool()> gate;
    bool isComplete() const override { return gate ? gate() : true; }
    void recheck() { Q_EMIT completeChanged(); }
};

} // namespace

SiteWizard::SiteWizard(SecretStore& secrets, QWidget* parent)
    : QWizard(parent)
    , m_secrets(secrets) {
    setObjectName(QStringLiteral("siteWizard"));
    setWindowTitle(tr("Add an AVideo site"));
    setWizardStyle(QWizard::ModernStyle);
    addPage(makeSitePage());
    addPage(makeAccountPage());
}

SiteWizard::~SiteWizard() = default;

QWizardPage* SiteWizard::makeSitePage() {
    auto* page = new GatedPage;
    page->setTitle(tr("Which site?"));
    page->setSubTitle(tr("The address visitors open, e.g. https://videos.example.org/"));
    auto* form = new QFormLayout(page);
    m_url = new QLineEdit(page);
    m_url->setObjectName(QStringLiteral("siteUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://videos.example.org/"));
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("siteName"));
    m_name->setPlaceholderText(tr("optional: a name for this site"));
    m_urlProblem = new QLabel(page);
    m_urlProblem->setObjectName(QStringLiteral("urlProblem"));
    m_urlProblem->setWordWrap(true);
    m_demoButton = new QPushButton(tr("Open the local demo site instead"), page);
    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    m_demoButton->hide();
    form->addRow(tr("Site address:"), m_url);
    form->addRow(tr("Name:"), m_name);
    form->addRow(QString(), m_urlProblem);
    form->addRow(QString(), m_demoButton);
    page->gate = [this] { return SiteProfile::normalizedSiteUrl(m_url->text()).ok() && !m_addressRefused; };
    m_addressNetwork = new QNetworkAccessManager(this);
    m_addressTimer = new QTimer(this);
    m_addressTimer->setSingleShot(true);
    m_addressTimer->setInterval(kAddressPauseMs);
    connect(m_addressTimer, &QTimer::timeout, this, &SiteWizard::checkAddress);
    connect(this, &SiteWizard::addressChecked, page, [page] { page->recheck(); });
    connect(m_url, &QLineEdit::textChanged, page, [this, page] {
        m_acceptedCertificate.clear(); // a certificate is trusted for one site only
        ++m_addressCheck;              // an answer for what was typed before no longer counts
        m_addressRefused = false;
        const Result<QUrl> url = SiteProfile::normalizedSiteUrl(m_url->text());
        m_urlProblem->setText(m_url->text().isEmpty() || url ? QString() : url.error().toString());
        if (url)
            m_addressTimer->start();
        else
            m_addressTimer->stop();
        page->recheck();
    });
    connect(m_demoButton, &QPushButton::clicked, this, [this] {
        m_demoRequested = true;
        accept();
    });
    return page;
}

void SiteWizard::checkAddress() {
    const Result<QUrl> url = SiteProfile::normalizedSiteUrl(m_url->text());
    if (!url)
        return;
    const int check = ++m_addressCheck;
    SiteProfile visitor;
    visitor.siteUrl = *url;
    auto* client = new SiteClient(*m_addressNetwork, visitor, Clock::system(), this);
    client->requester().setTimeoutMs(kAddressTimeoutMs);
    m_urlProblem->setText(tr("Looking at %1…").arg(url->host()));
    client->fetchLives([this, client, check](Result<QList<SiteLive>> lives) {
        client->deleteLater();
        if (check != m_addressCheck)
            return;
        QString message;
        if (lives) {
            message = tr("✔ An AVideo site answers here; it lists %n running live(s).", nullptr,
                         int(lives->size()));
        } else if (addressRefuses(lives.error())) {
            m_addressRefused = true;
            message = tr("✘ No AVideo site with the Live plugin answers at this address: %1")
                          .arg(lives.error().toString());
        } else {
            message = tr("The site did not answer in full (%1). You can go on: the next page tests the "
                         "connection again.")
                          .arg(lives.error().toString());
        }
        m_urlProblem->setText(message);
        Q_EMIT addressChecked(!m_addressRefused, message);
    });
}

QWizardPage* SiteWizard::makeAccountPage() {
    auto* page = new GatedPage;
    page->setTitle(tr("Sign in"));
    auto* layout = new QVBoxLayout(page);
    // In the page, not the subtitle: QWizard's header does not grow with a wrapped text, which then loses its
    // last line in longer languages and in Chinese glyphs' taller lines.
    auto* note =
        new QLabel(tr("An admin account sees everything (the encoder URL, cache clearing). The password is "
                      "sent to the site only; the tool keeps the hash the site returns, in the keychain."),
                   page);
    note->setObjectName(QStringLiteral("accountNote"));
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* form = new QFormLayout;
    m_user = new QLineEdit(page);
    m_user->setObjectName(QStringLiteral("siteUser"));
    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("sitePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);
    m_testButton = new QPushButton(tr("Test the connection"), page);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_result = new QLabel(page);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_testButton, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    m_mediaServer = new QLabel(page);
    m_mediaServer->setObjectName(QStringLiteral("mediaServer"));
    m_mediaServer->setWordWrap(true);
    m_mediaServer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_mediaServer);
    m_streamTry = new QLabel(page);
    m_streamTry->setObjectName(QStringLiteral("streamTry"));
    m_streamTry->setWordWrap(true);
    layout->addWidget(m_streamTry);
    auto* media = new QFormLayout;
    m_playerServer = new QLineEdit(page);
    m_playerServer->setObjectName(QStringLiteral("playerServerEdit"));
    m_playerServer->setPlaceholderText(tr("optional: correct the HLS base, e.g. https://media.example/live"));
    m_statUrl = new QLineEdit(page);
    m_statUrl->setObjectName(QStringLiteral("statUrlEdit"));
    m_statUrl->setPlaceholderText(tr("optional: correct the stat page, e.g. https://media.example/stat"));
    media->addRow(tr("Media server:"), m_playerServer);
    media->addRow(tr("Stat page:"), m_statUrl);
    layout->addLayout(media);
    layout->addWidget(makeCertificateBox(page));
    layout->addStretch(1);
    page->gate = [this] { return m_connectionWorked; };
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        if (m_testing)
            cancelTest();
        else
            testConnection();
    });
    const auto changed = [this, page] {
        m_connectionWorked = false;
        page->recheck();
    };
    connect(m_user, &QLineEdit::textChanged, page, changed);
    connect(m_password, &QLineEdit::textChanged, page, changed);
    connect(this, &SiteWizard::connectionTested, page, [page] { page->recheck(); });
    return page;
}

QGroupBox* SiteWizard::makeCertificateBox(QWidget* parent) {
    m_certificateBox = new QGroupBox(tr("The site's certificate is not trusted"), parent);
    m_certificateBox->setObjectName(QStringLiteral("certificateBox"));
    auto* layout = new QVBoxLayout(m_certificateBox);
    m_certificateText = new QLabel(m_certificateBox);
    m_certificateText->setObjectName(QStringLiteral("certificateDetails"));
    m_certificateText->setWordWrap(true);
    m_certificateText->setTextFormat(Qt::RichText);
    m_certificateText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* trust = new QPushButton(tr("Trust this certificate for this site"), m_certificateBox);
    trust->setObjectName(QStringLiteral("trustCertificateButton"));
    layout->addWidget(m_certificateText);
    layout->addWidget(trust, 0, Qt::AlignLeft);
    m_certificateBox->hide();
    m_certificateReader = new SiteCertificateReader(this);
    connect(trust, &QPushButton::clicked, this, &SiteWizard::trustShownCertificate);
    return m_certificateBox;
}

void SiteWizard::offerCertificate(const Error& refusal) {
    showResult(false, tr("The site's certificate is not trusted by this computer. Reading it…"));
    m_certificateReader->read(profile().siteUrl, 10000, [this, refusal](Result<SiteCertificate> read) {
        if (!read) {
            m_result->setText(QStringLiteral("✘ ") + refusal.toString() + QStringLiteral("\n") +
                              read.error().toString());
            return;
        }
        const SiteCertificate& certificate = *read;
        if (certificate.problems.isEmpty())
            return; // trusted by the system now: a new test will tell
        m_shownCertificate = certificate.sha256;
        const auto row = [](const QString& name, const QString& value) {
            if (value.isEmpty())
                return QString();
            return QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
                .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
        };
        const QString table =
            row(tr("Why:"), certificate.problems.join(QStringLiteral("; "))) +
            row(tr("Issued to:"), certificate.subject) + row(tr("Issued by:"), certificate.issuer) +
            row(tr("For:"), certificate.names.join(QStringLiteral(", "))) +
            row(tr("Valid:"), tr("%1 to %2 (UTC)")
                                  .arg(certificate.notBefore.toString(QStringLiteral("yyyy-MM-dd")),
                                       certificate.notAfter.toString(QStringLiteral("yyyy-MM-dd")))) +
            row(tr("SHA-256:"), certificate.sha256);
        m_certificateText->setText(
            QStringLiteral("<table>%1</table><p>%2</p>")
                .arg(table, tr("Compare this fingerprint with the one on the server (<code>openssl x509 "
                               "-noout -fingerprint -sha256 -in</code> its certificate file) before you "
                               "trust it. Only this exact certificate is trusted, for this site only; if it "
                               "changes, you are asked again.")));
        m_result->setText(tr("✘ The site's certificate is not trusted by this computer: see below."));
        m_certificateBox->show();
        resize(size().expandedTo(sizeHint()));
        Q_EMIT certificateShown(certificate);
    });
}

void SiteWizard::trustShownCertificate() {
    if (m_shownCertificate.isEmpty())
        return;
    m_acceptedCertificate = m_shownCertificate;
    m_certificateBox->hide();
    testConnection();
}

void SiteWizard::offerDemo(bool available) {
    m_demoButton->setVisible(available);
}

SiteProfile SiteWizard::profile() const {
    SiteProfile profile;
    profile.siteUrl = SiteProfile::normalizedSiteUrl(m_url->text()).valueOr(QUrl());
    profile.id = QUuid::createUuidV5(QUuid(), profile.siteUrl.toString()).toString(QUuid::WithoutBraces);
    profile.displayName =
        m_name->text().trimmed().isEmpty() ? profile.siteUrl.host() : m_name->text().trimmed();
    profile.userName = m_user->text().trimmed();
    profile.acceptedCertificate = m_acceptedCertificate;
    if (m_session && m_session->profile().siteUrl == profile.siteUrl)
        profile.found = m_session->profile().found;
    for (const auto& [edit, target] :
         {std::pair{m_playerServer, &profile.playerServer}, std::pair{m_statUrl, &profile.statUrl}}) {
        const QUrl url(edit->text().trimmed());
        if (url.isValid() &&
            (url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https")))
            *target = url;
    }
    return profile;
}

QString SiteWizard::password() const {
    return m_password->text();
}

void SiteWizard::setTesting(bool testing) {
    m_testing = testing;
    m_testButton->setText(testing ? tr("Cancel the test") : tr("Test the connection"));
}

void SiteWizard::cancelTest() {
    if (!m_testing)
        return;
    m_session.reset(); // aborts its requests; none of its answers comes back
    showResult(false, tr("The test was cancelled. Correct the address or the account, then test again."));
}

void SiteWizard::testConnection() {
    setTesting(true);
    m_result->setText(tr("Signing in and reading the lives… (the site has %1 s to answer)")
                          .arg(SiteRequester::kDefaultTimeoutMs / 1000));
    m_session = std::make_unique<SiteSession>(profile(), m_secrets);
    m_session->setCheckOptions({.grabStreams = false});
    SiteSession* session = m_session.get();
    m_certificateBox->hide();
    m_mediaServer->clear();
    m_streamTry->clear();
    connect(session, &SiteSession::signInFailed, this, [this](const Error& error) {
        if (error.code == QStringLiteral("tls"))
            return offerCertificate(error);
        showResult(false, error.toString());
    });
    connect(session, &SiteSession::livePluginRead, this, [this] {
        if (m_connectionWorked)
            showMediaServer();
    });
    connect(session, &SiteSession::signedIn, this, [this, session](const LoginInfo& login) {
        m_result->setText(tr("Signed in as %1%2. Reading the lives…")
                              .arg(login.user, login.isAdmin ? tr(" (admin)") : QString()));
        connect(session, &SiteSession::reportReady, this, [this, login](const SiteCheckReport& report) {
            if (report.livesError)
                return showResult(
                    false,
                    tr("Signed in, but the lives cannot be read: %1").arg(report.livesError->toString()));
            showResult(true, tr("Signed in as %1%2; the site lists %n running live(s).", nullptr,
                                int(report.lives.size()))
                                 .arg(login.user, login.isAdmin ? tr(" (admin)") : QString()));
            showMediaServer();
            tryOneStream(report);
        });
        session->refresh();
    });
    session->signIn(m_user->text().trimmed(), m_password->text());
}

void SiteWizard::showMediaServer() {
    // The user's corrections are in the fields below: this line says what the site itself said.
    const MediaServer found = m_session ? m_session->profile().found : MediaServer{};
    m_mediaServer->setText(tr("Media server found: %1.").arg(found.describe()) +
                           (found.knowsStreams() && !found.statUrl.isEmpty()
                                ? QString()
                                : tr(" Give what is missing below, or sign in as an admin.")));
    // An empty field keeps what the site says; what is typed wins over it.
    if (!found.playerServer.isEmpty())
        m_playerServer->setPlaceholderText(found.playerServer.toString());
    if (!found.statUrl.isEmpty())
        m_statUrl->setPlaceholderText(found.statUrl.toString());
}

void SiteWizard::tryOneStream(const SiteCheckReport& report) {
    const LiveEntry* chosen = nullptr;
    for (const LiveEntry& live : report.lives) {
        if (!live.hlsUrl.isEmpty()) {
            chosen = &live;
            break;
        }
    }
    if (!chosen) {
        m_streamTry->setText(report.lives.isEmpty()
                                 ? tr("No live runs now, so no stream could be tried.")
                                 : tr("✘ No live's stream address is known: give the media server below."));
        return;
    }
    m_streamTry->setText(tr("Playing %1's stream…").arg(chosen->title()));
    GrabOptions options;
    options.timeoutMs = kStreamTryTimeoutMs;
    const QString title = chosen->title();
    const QString host = chosen->hlsUrl.host();
    QPointer<SiteWizard> self(this);
    m_session->grabber().grab(chosen->hlsUrl, options, [self, title, host](Result<GrabResult> grab) {
        if (!self)
            return;
        if (grab)
            self->m_streamTry->setText(tr("✔ %1's stream plays from %2.").arg(title, host));
        else
            self->m_streamTry->setText(
                tr("✘ %1's stream does not play from %2: %3\nIf the media server above "
                   "is wrong, correct it below and test again.")
                    .arg(title, host, grab.error().toString()));
    });
}

void SiteWizard::showResult(bool ok, const QString& message) {
    m_connectionWorked = ok;
    setTesting(false);
    m_result->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + message);
    Q_EMIT connectionTested(ok, message);
}

} // namespace avld
