#pragma once

#include "alertchannel.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>

namespace avld {

// E-mail through an SMTP server, sent by libcurl (its SMTP and MIME): a text part and, with a picture, the
// picture as an attachment. smtps:// is TLS from the start; smtp:// must upgrade with STARTTLS, except to
// this machine's own mail server (loopback), which is asked for it but may say no. Certificates are
// verified. Each send runs on a worker thread with a timeout and can be cancelled.
class EmailChannel final : public AlertChannel {
public:
    struct Options {
        QUrl server{};      // smtp://mail.example.org:587 or smtps://mail.example.org:465
        QString user{};     // empty: no login
        QString password{}; // from the keychain or a credential, never from settings
        QString from{};     // doctor@example.org
        QStringList to{};   // ops@example.org, …
        int timeoutMs = 30'000;
        int connectTimeoutMs = 10'000;
    };

    explicit EmailChannel(Options options);
    ~EmailChannel() override;

    QString kind() const override { return QStringLiteral("email"); }
    QString label() const override;
    bool takesPictures() const override { return true; }
    quint64 send(const AlertMessage& message, Done done) override;
    void cancel(quint64 attempt) override;

    // "=?UTF-8?B?…?=" when the subject is not plain ASCII (RFC 2047).
    static QByteArray encodedSubject(const QString& subject);

private:
    struct Attempt {
        std::shared_ptr<std::atomic_bool> cancelled;
        Done done;
    };

    Options m_options;
    QObject m_context; // answers come back to this thread through it
    QHash<quint64, Attempt> m_attempts;
    quint64 m_next = 0;
};

} // namespace avld
