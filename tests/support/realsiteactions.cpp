#include "realsiteactions.h"

#include "childprocess.h"
#include "freeport.h"
#include "site/siteclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace avld::test {

namespace {

constexpr auto kLiveUuid = "e06b161c-cbd0-4c1d-a484-71018efa2f35";

struct Answer {
    int status = 0;
    QByteArray body;
    QString error;
};

// Waits for `reply` (deleted afterwards), aborting it at the timeout.
Answer finish(QNetworkReply* reply, int timeoutMs) {
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs))
        reply->abort();
    Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                  reply->error() == QNetworkReply::NoError ? QString() : reply->errorString()};
    reply->deleteLater();
    return answer;
}

} // namespace

ProgramRun runProgram(const QString& program, const QStringList& arguments, const QString& password,
                      int timeoutMs) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("AVLD_PASSWORD"));
    if (!password.isEmpty())
        environment.insert(QStringLiteral("AVLD_PASSWORD"), password);
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    killChildWithParent(process);
    // An event loop meanwhile: the test's own servers (if any) keep answering.
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs))
        stopChild(process, 2000);
    ProgramRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.elapsedMs = clock.elapsed();
    return run;
}

Status setLivePluginOption(SiteClient& admin, const QString& option, const QJsonValue& value) {
    const Result<QJsonDocument> list = waitFor<QJsonDocument>([&](auto done) {
        admin.requester().getJson(QStringLiteral("objects/pluginsAvailable.json.php"), {}, done);
    });
    if (!list)
        return list.error();
    for (const QJsonValue& entry : list->object().value(QStringLiteral("rows")).toArray()) {
        const QJsonObject row = entry.toObject();
        if (row.value(QStringLiteral("uuid")).toString() != QLatin1String(kLiveUuid))
            continue;
        QJsonObject options = row.value(QStringLiteral("data_object")).toObject();
        options.insert(option, value);
        const Result<SiteReply> saved = waitFor<SiteReply>([&](auto done) {
            admin.requester().post(
                QStringLiteral("objects/pluginAddDataObject.json.php"),
                {{QStringLiteral("id"), row.value(QStringLiteral("id")).toVariant().toString()},
                 {QStringLiteral("object_data"),
                  QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact))}},
                done);
        });
        return saved ? Status{} : Status{saved.error()};
    }
    return Error{QStringLiteral("no-live-plugin"), QStringLiteral("the site lists no Live plugin"), {}};
}

Result<std::unique_ptr<ServedStandIn>> ServedStandIn::start(const QString& program, int timeoutMs) {
    std::unique_ptr<ServedStandIn> standIn(new ServedStandIn);
    const quint16 port = freeLoopbackPort();
    const QString prefix =
        QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
    standIn->m_encoderUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/%2/").arg(port).arg(prefix));
    standIn->m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    standIn->m_process.setStandardOutputFile(QProcess::nullDevice());
    standIn->m_process.start(program, {QStringLiteral("serve"), QStringLiteral("--listen"),
                                       QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--prefix"),
                                       prefix, QStringLiteral("--allow-host"), QStringLiteral("127.0.0.1")});
    killChildWithParent(standIn->m_process);
    QNetworkAccessManager network;
    const QUrl health(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port));
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (standIn->m_process.state() == QProcess::NotRunning)
            return Error{QStringLiteral("serve-exited"),
                         QStringLiteral("serve exited with %1").arg(standIn->m_process.exitCode()),
                         {}};
        // Ready once the encoders' start-up warm-up is done (about 0.6 s): an admin takes longer than that to
        // point the site at the stand-in, and the first answers are timed.
        const auto answer = finish(network.get(QNetworkRequest(health)), 1000);
        if (answer.status == 200 && answer.body.contains("\"encodersWarm\":true"))
            return standIn;
        QTest::qWait(100);
    }
    return Error{
        QStringLiteral("serve-timeout"), QStringLiteral("serve did not answer /healthz in time"), {}};
}

ServedStandIn::~ServedStandIn() {
    stopChild(m_process, 5000);
}

} // namespace avld::test
