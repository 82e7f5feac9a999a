#include "fakesmtpserver.h"

#include <QTcpSocket>

namespace avld::test {

struct FakeSmtpServer::Session {
    enum class Stage { Command, AuthPlain, AuthLoginUser, AuthLoginPassword, Data };
    Stage stage = Stage::Command;
    QByteArray buffer;
    bool loggedIn = false;
    QByteArray loginUser;
    Mail mail;
};

FakeSmtpServer::FakeSmtpServer(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &FakeSmtpServer::onConnection);
}

bool FakeSmtpServer::listen(const QHostAddress& address) {
    return m_server.listen(address, 0);
}

QUrl FakeSmtpServer::url(const QByteArray& user) const {
    QUrl url(QStringLiteral("smtp://127.0.0.1:%1").arg(port()));
    url.setUserName(QString::fromUtf8(user));
    return url;
}

void FakeSmtpServer::requireLogin(const QByteArray& user, const QByteArray& password) {
    m_user = user;
    m_password = password;
}

void FakeSmtpServer::failNext(const QByteArray& verb, const QByteArray& reply, int times) {
    for (int i = 0; i < times; ++i)
        m_failures[verb].append(reply);
}

void FakeSmtpServer::onConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        ++m_connections;
        auto session = std::make_shared<Session>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, session] {
            session->buffer += socket->readAll();
            qsizetype end;
            while ((end = session->buffer.indexOf("\r\n")) >= 0) {
                const QByteArray line = session->buffer.left(end);
                session->buffer.remove(0, end + 2);
                onLine(*session, socket, line);
            }
        });
        socket->write("220 fake.smtp ESMTP ready\r\n");
    }
}

void FakeSmtpServer::onLine(Session& s, QTcpSocket* socket, const QByteArray& line) {
    auto reply = [socket](const QByteArray& text) { socket->write(text + "\r\n"); };
    auto login = [&](const QByteArray& user, const QByteArray& password) {
        if (!m_user.isEmpty() && (user != m_user || password != m_password))
            return reply("535 5.7.8 Authentication credentials invalid");
        s.loggedIn = true;
        s.loginUser = user;
        s.mail.user = user;
        s.mail.password = password;
        reply("235 2.7.0 Authentication successful");
    };
    switch (s.stage) {
    case Session::Stage::Data:
        if (line == ".") {
            s.stage = Session::Stage::Command;
            if (QList<QByteArray>& f = m_failures["DATA-END"]; !f.isEmpty())
                return reply(f.takeFirst());
            m_mails.append(s.mail);
            s.mail = Mail{.user = s.mail.user, .password = s.mail.password};
            return reply("250 2.0.0 queued");
        }
        s.mail.data += (line.startsWith("..") ? line.mid(1) : line) + "\r\n";
        return;
    case Session::Stage::AuthPlain: {
        s.stage = Session::Stage::Command;
        const QList<QByteArray> fields = QByteArray::fromBase64(line).split('\0');
        return login(fields.value(1), fields.value(2));
    }
    case Session::Stage::AuthLoginUser:
        s.loginUser = QByteArray::fromBase64(line);
        s.stage = Session::Stage::AuthLoginPassword;
        return reply("334 UGFzc3dvcmQ6");
    case Session::Stage::AuthLoginPassword:
        s.stage = Session::Stage::Command;
        return login(s.loginUser, QByteArray::fromBase64(line));
    case Session::Stage::Command:
        break;
    }
    const QByteArray verb = line.split(' ').value(0).toUpper();
    m_commands.append(verb == "AUTH" ? QByteArray("AUTH …") : line);
    if (QList<QByteArray>& f = m_failures[verb]; !f.isEmpty())
        return reply(f.takeFirst());
    if (verb == "EHLO" || verb == "HELO")
        return reply("250-fake.smtp\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
    if (verb == "AUTH") {
        const QList<QByteArray> words = line.split(' ');
        const QByteArray mechanism = words.value(1).toUpper();
        if (mechanism == "PLAIN") {
            if (words.size() > 2) {
                const QList<QByteArray> fields = QByteArray::fromBase64(words[2]).split('\0');
                return login(fields.value(1), fields.value(2));
            }
            s.stage = Session::Stage::AuthPlain;
            return reply("334 ");
        }
        if (mechanism == "LOGIN") {
            if (words.size() > 2) {
                s.loginUser = QByteArray::fromBase64(words[2]);
                s.stage = Session::Stage::AuthLoginPassword;
                return reply("334 UGFzc3dvcmQ6");
            }
            s.stage = Session::Stage::AuthLoginUser;
            return reply("334 VXNlcm5hbWU6");
        }
        return reply("504 5.5.4 mechanism not supported");
    }
    if (verb == "MAIL") {
        if (!m_user.isEmpty() && !s.loggedIn)
            return reply("530 5.7.0 Authentication required");
        s.mail.from = line.mid(line.indexOf(':') + 1).trimmed();
        s.mail.to.clear();
        s.mail.data.clear();
        return reply("250 2.1.0 OK");
    }
    if (verb == "RCPT") {
        s.mail.to.append(line.mid(line.indexOf(':') + 1).trimmed());
        return reply("250 2.1.5 OK");
    }
    if (verb == "DATA") {
        s.stage = Session::Stage::Data;
        return reply("354 End data with <CR><LF>.<CR><LF>");
    }
    if (verb == "RSET" || verb == "NOOP")
        return reply("250 2.0.0 OK");
    if (verb == "QUIT") {
        reply("221 2.0.0 Bye");
        socket->disconnectFromHost();
        return;
    }
    reply("502 5.5.2 command not recognized");
}

} // namespace avld::test
