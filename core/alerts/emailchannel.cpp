#include "emailchannel.h"

#include "version.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QLocale>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <curl/curl.h>

namespace avld {

namespace {

struct Mail {
    EmailChannel::Options options;
    QByteArray subject;
    QByteArray text;
    QByteArray picture;
    QByteArray pictureName;
    QByteArray pictureType;
    QDateTime at;
};

bool isLoopback(const QUrl& url) {
    const QString host = url.host();
    if (host == QStringLiteral("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

int onProgress(void* cancelled, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<std::atomic_bool*>(cancelled)->load() ? 1 : 0;
}

QByteArray addressList(const QStringList& addresses) {
    QStringList bracketed;
    for (const QString& a : addresses)
        bracketed.append(QStringLiteral("<%1>").arg(a));
    return bracketed.join(QStringLiteral(", ")).toUtf8();
}

DeliveryOutcome transmit(const Mail& mail, std::atomic_bool& cancelled) {
    using Verdict = DeliveryOutcome::Verdict;
    const EmailChannel::Options& o = mail.options;
    CURL* easy = curl_easy_init();
    if (!easy)
        return {Verdict::Retry, QStringLiteral("libcurl could not make a handle"), -1};
    char errorText[CURL_ERROR_SIZE] = {};
    curl_slist* recipients = nullptr;
    for (const QString& to : o.to)
        recipients = curl_slist_append(recipients, QStringLiteral("<%1>").arg(to).toUtf8().constData());
    const QByteArray date =
        QLocale::c().toString(mail.at.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() +
        " +0000";
    const QByteArray domain = o.from.section(QLatin1Char('@'), 1).toUtf8();
    curl_slist* headers = nullptr;
    const QList<QByteArray> lines{"Date: " + date,
                                  "From: <" + o.from.toUtf8() + ">",
                                  "To: " + addressList(o.to),
                                  "Subject: " + mail.subject,
                                  "Message-ID: <" +
                                      QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@" +
                                      (domain.isEmpty() ? QByteArray("avideo-live-doctor") : domain) + ">",
                                  "X-Mailer: AVideoLiveDoctor/" AVLD_VERSION};
    for (const QByteArray& line : lines)
        headers = curl_slist_append(headers, line.constData());

    curl_mime* mime = curl_mime_init(easy);
    curl_mimepart* text = curl_mime_addpart(mime);
    curl_mime_data(text, mail.text.constData(), size_t(mail.text.size()));
    curl_mime_type(text, "text/plain; charset=utf-8");
    curl_mime_encoder(text, "quoted-printable");
    if (!mail.picture.isEmpty()) {
        curl_mimepart* picture = curl_mime_addpart(mime);
        curl_mime_data(picture, mail.picture.constData(), size_t(mail.picture.size()));
        curl_mime_filename(picture, mail.pictureName.constData());
        curl_mime_type(picture, mail.pictureType.isEmpty() ? "application/octet-stream"
                                                           : mail.pictureType.constData());
        curl_mime_encoder(picture, "base64");
    }

    const QByteArray url = o.server.toString(QUrl::RemoveUserInfo).toUtf8();
    const QByteArray from = "<" + o.from.toUtf8() + ">";
    const QByteArray user = o.user.toUtf8();
    const QByteArray password = o.password.toUtf8();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(o.timeoutMs));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(o.connectTimeoutMs));
    curl_easy_setopt(easy, CURLOPT_USE_SSL,
                     o.server.scheme() == QStringLiteral("smtp") && isLoopback(o.server)
                         ? long(CURLUSESSL_TRY)
                         : long(CURLUSESSL_ALL));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!user.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(easy, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(easy, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_MIMEPOST, mime);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &cancelled);

    const CURLcode code = curl_easy_perform(easy);
    long reply = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &reply);
    curl_easy_cleanup(easy);
    curl_mime_free(mime);
    curl_slist_free_all(headers);
    curl_slist_free_all(recipients);

    const QString host = o.server.host();
    if (code == CURLE_OK)
        return {Verdict::Delivered, QStringLiteral("%1 took it for %2").arg(host).arg(o.to.size()), -1};
    QString why = errorText[0] ? QString::fromUtf8(errorText) : QString::fromUtf8(curl_easy_strerror(code));
    if (!password.isEmpty())
        why.replace(o.password, QStringLiteral("••••"));
    const QString reason = reply > 0 ? QStringLiteral("%1 answered %2: %3").arg(host).arg(reply).arg(why)
                                     : QStringLiteral("%1: %2").arg(host, why);
    switch (code) {
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_PEER_FAILED_VERIFICATION:
        return {Verdict::Refused, reason, -1};
    default:
        break;
    }
    // SMTP's 5xx are permanent (a refused sender or recipient); 4xx and transport failures are not.
    return {reply >= 500 && reply < 600 ? Verdict::Refused : Verdict::Retry, reason, -1};
}

} // namespace

EmailChannel::EmailChannel(Options options)
    : m_options(std::move(options)) {}

EmailChannel::~EmailChannel() {
    for (const Attempt& a : std::as_const(m_attempts))
        a.cancelled->store(true);
}

QString EmailChannel::label() const {
    return QStringLiteral("e-mail to %1 via %2")
        .arg(m_options.to.join(QStringLiteral(", ")), m_options.server.host());
}

QByteArray EmailChannel::encodedSubject(const QString& subject) {
    const QByteArray utf8 = subject.toUtf8();
    const bool plain = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    return plain ? utf8 : "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

quint64 EmailChannel::send(const AlertMessage& message, Done done) {
    const quint64 attempt = ++m_next;
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_attempts.insert(attempt, {cancelled, std::move(done)});
    Mail mail{.options = m_options,
              .subject = encodedSubject(message.subject()),
              .text = (message.body() + QStringLiteral("\n\n-- \nAVideo Live Doctor\n")).toUtf8(),
              .picture = message.alert.picture,
              .pictureName = message.alert.pictureName.toUtf8(),
              .pictureType = message.alert.pictureType,
              .at = message.at.isValid() ? message.at : QDateTime::currentDateTimeUtc()};
    // The watcher belongs to this channel: once the channel is gone, nothing comes back from the worker.
    auto* watcher = new QFutureWatcher<DeliveryOutcome>(&m_context);
    QObject::connect(watcher, &QFutureWatcher<DeliveryOutcome>::finished, &m_context,
                     [this, watcher, attempt] {
                         watcher->deleteLater();
                         const auto it = m_attempts.find(attempt);
                         if (it == m_attempts.end())
                             return; // cancelled
                         const Done finish = std::move(it->done);
                         m_attempts.erase(it);
                         finish(watcher->result());
                     });
    watcher->setFuture(
        QtConcurrent::run([mail = std::move(mail), cancelled] { return transmit(mail, *cancelled); }));
    return attempt;
}

void EmailChannel::cancel(quint64 attempt) {
    const auto it = m_attempts.find(attempt);
    if (it == m_attempts.end())
        return;
    it->cancelled->store(true);
    m_attempts.erase(it);
}

} // namespace avld
