#pragma once

#include "clock.h"
#include "result.h"
#include "siteanswer.h"
#include "siteprofile.h"

#include <QHash>
#include <QJsonDocument>
#include <QObject>
#include <QUrlQuery>

#include <deque>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace avld {

// Every request to an AVideo site goes through here, so that all of them:
//  - carry Referer and Origin equal to the site (the 2026 CSRF guard, §5) and a User-Agent naming us;
//  - have a timeout, and stay under the site's limit of 300 requests per minute per endpoint (§5);
//  - back off and retry on HTTP 429, honouring Retry-After;
//  - turn AVideo's ways of saying no into typed errors (csrf-refused, permission-denied, method-not-allowed,
//    rate-limited, server-error, html-instead-of-json, bad-json) with a message a person can act on;
//  - accept a certificate the admin accepted for this site, and no other invalid one.
class SiteRequester : public QObject {
    Q_OBJECT
public:
    using ReplyDone = std::function<void(Result<SiteReply>)>;
    using JsonDone = std::function<void(Result<QJsonDocument>)>;
    // Plain (not encoded) names and values of an application/x-www-form-urlencoded body.
    using Form = QList<QPair<QString, QString>>;

    SiteRequester(QNetworkAccessManager& network, SiteProfile profile, const Clock& clock = Clock::system(),
                  QObject* parent = nullptr);

    const SiteProfile& profile() const { return m_profile; }
    static constexpr int kDefaultTimeoutMs = 10000;
    // The longest wait for the next bytes of an answer; a whole answer gets three times as long, so a site
    // that sends a byte a second cannot hold a request (and the command behind it) for good.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // No answer may be larger than this (beyond: "too-large", the transfer stopped): AVideo's largest
    // pages and JSON are a few MiB; 150 MB of stats.json.php took `check` to 2.25 GB before.
    static constexpr qint64 kDefaultMaxBytes = 32LL * 1024 * 1024;
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    void setUserAgent(const QString& userAgent) { m_userAgent = userAgent; }
    // Requests we allow ourselves per endpoint and minute (AVideo's own limit is 300).
    void setRequestsPerMinute(int n) { m_perMinute = n; }
    void setMaxRetries(int n) { m_maxRetries = n; }
    // Longest wait before retrying after a 429, whatever Retry-After says.
    void setMaxBackoffMs(int ms) { m_maxBackoffMs = ms; }

    // `target` is site-relative ("plugin/Live/stats.json.php") or absolute (the nginx stat page).
    void get(const QString& target, const QUrlQuery& query, ReplyDone done);
    // As get(), for a page read only for a few facts: an answer over `maxBytes` fails with "too-large".
    void getBounded(const QString& target, qint64 maxBytes, ReplyDone done);
    // As get(), but any HTTP answer is a reply (status and body kept): for what a visitor's browser would
    // get.
    void getAnyStatus(const QString& target, ReplyDone done);
    void post(const QString& target, const Form& form, ReplyDone done);
    void getJson(const QString& target, const QUrlQuery& query, JsonDone done);
    void postJson(const QString& target, const Form& form, JsonDone done);

    static QByteArray encodeForm(const Form& form);

private:
    struct Pending {
        bool isPost = false;
        QUrl url;
        QByteArray form;
        ReplyDone done;
        int attempt = 0;
        qint64 maxBytes = 0; // 0: the requester's maximum
        bool anyStatus = false;
    };
    void schedule(Pending pending);
    void send(Pending pending);
    QUrl resolve(const QString& target, const QUrlQuery& query) const;
    qint64 waitForBudgetMs(const QString& endpoint);

    QNetworkAccessManager& m_network;
    SiteProfile m_profile;
    const Clock& m_clock;
    QString m_userAgent;
    int m_timeoutMs = kDefaultTimeoutMs;
    qint64 m_maxBodyBytes = kDefaultMaxBytes;
    int m_perMinute = 240;
    int m_maxRetries = 3;
    int m_maxBackoffMs = 60000;
    QHash<QString, std::deque<qint64>> m_sentAt; // per endpoint, steady ms of the last minute's requests
};

} // namespace avld
