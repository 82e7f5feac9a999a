#include "servechild.h"

#include "childprocess.h"
#include "freeport.h"
#include "httpget.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>
#include <QUrl>

namespace avld::bench {

QString builtProgram() {
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../../app/avideo-live-doctor"));
}

QString builtHeadlessProgram() {
    return builtProgram() + QStringLiteral("-nox");
}

ServeChild::ServeChild(QString program, QString logPath)
    : m_program(std::move(program))
    , m_logPath(std::move(logPath)) {
    test::killChildWithParent(m_process);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_logPath);
}

ServeChild::~ServeChild() {
    test::stopChild(m_process, 3000);
}

QString ServeChild::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QByteArray ServeChild::log() const {
    QFile file(m_logPath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Status ServeChild::start(const QStringList& options) {
    bool healthy = false;
    for (int attempt = 0; attempt < 3 && !healthy; ++attempt) {
        test::stopChild(m_process, 3000);
        m_port = test::freeLoopbackPort();
        m_arguments = QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:%1").arg(m_port)} +
                      options;
        m_process.start(m_program, m_arguments);
        if (!m_process.waitForStarted(5000))
            continue;
        const QDeadlineTimer deadline(10'000);
        const QUrl health(baseUrl() + QStringLiteral("/healthz"));
        while (!healthy && !deadline.hasExpired() && isRunning()) {
            healthy = test::httpGet(health, 1000).status == 200;
            if (!healthy)
                QThread::msleep(100);
        }
    }
    if (healthy)
        return {};
    return Error{
        QStringLiteral("serve"),
        QStringLiteral("serve did not answer /healthz: %1").arg(QString::fromUtf8(log().right(1500))),
        {}};
}

} // namespace avld::bench
