#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace avld::test {

// A small SMTP server on loopback, without TLS (it offers no STARTTLS): EHLO, AUTH PLAIN and LOGIN,
// MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT. It keeps every message it accepts, and can be told to answer a
// command with a failure (a 4xx the client should retry, a 5xx it should not).
class FakeSmtpServer : public QObject {
    Q_OBJECT
public:
    struct Mail {
        QByteArray from{};
        QList<QByteArray> to{};
        QByteArray data{}; // the message as sent, dot-stuffing undone
        QByteArray user{}; // who logged in; empty: nobody
        QByteArray password{};
    };

    explicit FakeSmtpServer(QObject* parent = nullptr);

    bool listen(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost));
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QByteArray& user = {}) const; // smtp://user@127.0.0.1:port

    // Only this account may log in (AUTH is then required before MAIL).
    void requireLogin(const QByteArray& user, const QByteArray& password);
    // The next `times` commands starting with `verb` ("MAIL", "RCPT", "DATA", "AUTH") are answered `reply`.
    void failNext(const QByteArray& verb, const QByteArray& reply, int times = 1);

    const QList<Mail>& mails() const { return m_mails; }
    int connections() const { return m_connections; }
    // Every command line received (AUTH's secrets as "AUTH …").
    const QList<QByteArray>& commands() const { return m_commands; }

private:
    struct Session;
    void onConnection();
    void onLine(Session& session, class QTcpSocket* socket, const QByteArray& line);

    QTcpServer m_server;
    QByteArray m_user;
    QByteArray m_password;
    QHash<QByteArray, QList<QByteArray>> m_failures;
    QList<Mail> m_mails;
    QList<QByteArray> m_commands;
    int m_connections = 0;
};

} // namespace avld::test
