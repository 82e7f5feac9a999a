#pragma once

#include "site/sitecertificate.h"
#include "site/sitecheck.h"
#include "site/siteprofile.h"

#include <QWizard>

#include <memory>
#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTimer;

namespace avld {

class SecretStore;
class SiteSession;

// Adds a site: its address, an account, and a connection test that signs in and reads the lives before the
// profile is kept. The password goes to the site only; the hash it returns is kept in the keychain.
class SiteWizard : public QWizard {
    Q_OBJECT
public:
    SiteWizard(SecretStore& secrets, QWidget* parent = nullptr);
    ~SiteWizard() override;

    // Valid after the wizard was accepted. Holds what the connection test found of the media server (with
    // its source) and the admin's corrections of it.
    SiteProfile profile() const;
    QString password() const;
    bool demoRequested() const { return m_demoRequested; }
    void offerDemo(bool available);

    // The connection test, also started by the page's button.
    void testConnection();
    // Stops the connection test under way (its button turns into "Cancel the test" while it runs).
    void cancelTest();
    bool isTesting() const { return m_testing; }
    bool connectionWorked() const { return m_connectionWorked; }
    // The certificate the admin chose to trust for this site (SHA-256, hex with colons); empty: none.
    QString acceptedCertificate() const { return m_acceptedCertificate; }
    void trustShownCertificate();

Q_SIGNALS:
    void connectionTested(bool ok, const QString& message);
    // The address on the first page was tried (the Live plugin's list of lives, as a visitor reads it).
    void addressChecked(bool usable, const QString& message);
    // The site's certificate is not trusted; its details are on the page, waiting for the admin.
    void certificateShown(const avld::SiteCertificate& certificate);

private:
    QWizardPage* makeSitePage();
    QWizardPage* makeAccountPage();
    QGroupBox* makeCertificateBox(QWidget* parent);
    void showResult(bool ok, const QString& message);
    void showMediaServer();
    // Plays one live's stream where the site says it is, so a wrong media server shows before Finish.
    void tryOneStream(const SiteCheckReport& report);
    void offerCertificate(const Error& refusal);
    // Asks the typed address for its lives, a moment after the typing stops.
    void checkAddress();
    void setTesting(bool testing);

    SecretStore& m_secrets;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_urlProblem = nullptr;
    QPushButton* m_demoButton = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_testButton = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_mediaServer = nullptr;     // where the site says the streams are, and who said so
    QLabel* m_streamTry = nullptr;       // whether one live's stream plays from there
    QLineEdit* m_playerServer = nullptr; // the admin's correction, if any
    QLineEdit* m_statUrl = nullptr;
    QGroupBox* m_certificateBox = nullptr;
    QLabel* m_certificateText = nullptr;
    SiteCertificateReader* m_certificateReader = nullptr;
    QString m_shownCertificate;
    QString m_acceptedCertificate;
    std::unique_ptr<SiteSession> m_session;
    bool m_connectionWorked = false;
    bool m_testing = false;
    QNetworkAccessManager* m_addressNetwork = nullptr;
    QTimer* m_addressTimer = nullptr;
    int m_addressCheck = 0;        // the newest check; older answers are dropped
    bool m_addressRefused = false; // the address answered, and it is not an AVideo site with lives to read
    bool m_demoRequested = false;
};

} // namespace avld
