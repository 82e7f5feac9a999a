#include "realavideo.h"

#include "apacheserver.h"
#include "avideomediaserver.h"
#include "childprocess.h"
#include "freeport.h"
#include "logtail.h"
#include "mariadbserver.h"
#include "rtmppublisher.h"
#include "staletempdirs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QThread>

#include <unistd.h>

namespace avld::test {

namespace {
constexpr auto kTempPrefix = "avld-realsite-";
constexpr auto kTreeName = "AVideo-11.7";
constexpr auto kDatabase = "avideo";
constexpr auto kDatabaseUser = "avideo";
constexpr auto kWorkerUser = "www-data";
constexpr auto kStreamerUser = "streamer";
constexpr auto kLiveTitle = "Realsite test live";
constexpr int kPollMs = 500;

// A RAM disk when there is room: the 39 000 files unpack faster there, and deleting them from this
// machine's disk (ext4 with discard) takes over a minute.
QString tempRoot() {
    const QString shm = QStringLiteral("/dev/shm");
    const QStorageInfo storage(shm);
    if (QFileInfo(shm).isWritable() && storage.isValid() &&
        storage.bytesAvailable() > 2LL * 1024 * 1024 * 1024)
        return shm;
    return QDir::tempPath();
}

QString randomSecret() {
    return QString::number(QRandomGenerator::system()->generate64(), 16) +
           QString::number(QRandomGenerator::system()->generate64(), 16);
}

const QStringList kLogNames{QStringLiteral("tar.log"),           QStringLiteral("mariadb-install-db.log"),
                            QStringLiteral("mariadb.log"),       QStringLiteral("mariadbd-stdout.log"),
                            QStringLiteral("apache-error.log"),  QStringLiteral("apache-access.log"),
                            QStringLiteral("apache-stdout.log"), QStringLiteral("nginx-error.log"),
                            QStringLiteral("nginx-access.log"),  QStringLiteral("nginx-stdout.log"),
                            QStringLiteral("ffmpeg.log")};
} // namespace

RealAvideo::RealAvideo(Options options)
    : m_options(std::move(options)) {}

RealAvideo::~RealAvideo() {
    stop();
}

QStringList RealAvideo::missingPrerequisites(const QString& archive) {
    QStringList missing;
    if (archive.isEmpty())
        missing << QStringLiteral(
            "the AVideo 11.7 archive (set AVLD_AVIDEO_ARCHIVE, or put it in ../shared/avideo/)");
    else if (!QFile::exists(archive))
        missing << QStringLiteral("the AVideo 11.7 archive %1").arg(archive);
    const QStringList programs{QStringLiteral("tar"),
                               QStringLiteral("xz"),
                               QStringLiteral("chown"),
                               QStringLiteral("unshare"),
                               QStringLiteral("mariadbd"),
                               QStringLiteral("mariadb"),
                               QStringLiteral("mariadb-install-db"),
                               QStringLiteral("apache2"),
                               QStringLiteral("nginx"),
                               QStringLiteral("ffmpeg"),
                               QStringLiteral("php")};
    const QStringList searchPath = {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
                                    QStringLiteral("/sbin"), QStringLiteral("/bin")};
    for (const QString& program : programs) {
        if (QStandardPaths::findExecutable(program).isEmpty() &&
            QStandardPaths::findExecutable(program, searchPath).isEmpty())
            missing << QStringLiteral("the program %1 (scripts/install-deps.sh installs it)").arg(program);
    }
    for (const QString& module : ApacheServer::missingModules())
        missing << QStringLiteral("Apache's module %1 (apache2, libapache2-mod-php8.2)").arg(module);
    if (!QFile::exists(QStringLiteral("/usr/lib/nginx/modules/ngx_rtmp_module.so")))
        missing << QStringLiteral("nginx's RTMP module (libnginx-mod-rtmp)");
    if (::geteuid() != 0)
        missing << QStringLiteral("root: Apache's workers run as www-data, which must own the unpacked site, "
                                  "and run in a PID namespace");
    return missing;
}

int RealAvideo::remainingMs(int stepMs) const {
    const qint64 left = m_options.timeoutMs - m_startClock.elapsed();
    return int(std::max<qint64>(1000, std::min<qint64>(stepMs, left)));
}

void RealAvideo::record(const QString& step, QElapsedTimer& clock) {
    m_steps.append({step, clock.restart()});
}

QStringList RealAvideo::secrets() const {
    return {m_databasePassword, m_adminPassword, m_streamer.password, m_salt};
}

Error RealAvideo::failed(const QString& step, const Error& error, const QStringList& logs) const {
    QString message = QStringLiteral("%1 failed: %2").arg(step, error.message);
    for (const QString& log : logs) {
        message += QStringLiteral("\n--- end of %1 ---\n%2")
                       .arg(log, logTail(m_logDir + QLatin1Char('/') + log, 1500, secrets()));
    }
    return {error.code, message, QStringLiteral("the logs are in %1").arg(m_logDir)};
}

Status RealAvideo::start() {
    m_startClock.start();
    m_steps.clear();
    m_databasePassword = randomSecret();
    m_adminPassword = randomSecret();
    m_salt = randomSecret();
    m_streamer.password = randomSecret();
    const QStringList missing = missingPrerequisites(m_options.archive);
    if (!missing.isEmpty())
        return Error{QStringLiteral("prerequisites"),
                     QStringLiteral("the real AVideo cannot run here; missing: %1")
                         .arg(missing.join(QStringLiteral("; "))),
                     QStringLiteral("run scripts/install-deps.sh as root")};
    Status status = startSteps();
    if (!status.ok())
        stop();
    else
        m_startedMs = m_startClock.elapsed();
    return status;
}

Status RealAvideo::startSteps() {
    if (const Status s = prepareDirectories(); !s.ok())
        return s;
    if (const Status s = unpackAndInstallDatabase(); !s.ok())
        return s;
    if (const Status s = startServers(); !s.ok())
        return s;
    if (const Status s = installSite(); !s.ok())
        return s;
    return publishAndWaitListed();
}

Status RealAvideo::prepareDirectories() {
    const QString root = tempRoot();
    for (const QString& where : {root, QDir::tempPath()})
        removeStaleTempDirs(where, QString::fromLatin1(kTempPrefix));
    m_dir = std::make_unique<QTemporaryDir>(root + QLatin1Char('/') + QLatin1String(kTempPrefix) +
                                            QStringLiteral("XXXXXX"));
    if (!m_dir->isValid() || !claimTempDir(m_dir->path()))
        return Error{QStringLiteral("tempdir"),
                     QStringLiteral("cannot create a temporary directory in %1").arg(root),
                     {}};
    // QTemporaryDir is 0700: Apache's workers must be able to walk into it.
    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                             QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                             QFile::ExeOther);
    m_logDir = m_options.logDirectory.isEmpty() ? m_dir->path() + QStringLiteral("/logs")
                                                : QDir(m_options.logDirectory).absolutePath();
    if (!QDir().mkpath(m_logDir))
        return Error{
            QStringLiteral("logdir"), QStringLiteral("cannot create the log directory %1").arg(m_logDir), {}};
    for (const QString& name : kLogNames)
        QFile::remove(m_logDir + QLatin1Char('/') + name);
    m_treePath = m_dir->path() + QLatin1Char('/') + QLatin1String(kTreeName);
    return {};
}

Status RealAvideo::unpackAndInstallDatabase() {
    QElapsedTimer clock;
    clock.start();
    // The unpack (xz, one core) and the database's bootstrap (mostly disk) overlap.
    QProcess tar;
    killChildWithParent(tar);
    tar.setProcessChannelMode(QProcess::MergedChannels);
    tar.setStandardOutputFile(m_logDir + QStringLiteral("/tar.log"));
    tar.start(QStringLiteral("tar"),
              {QStringLiteral("-xJf"), m_options.archive, QStringLiteral("-C"), m_dir->path()});
    if (!tar.waitForStarted(5000))
        return failed(QStringLiteral("unpack"), {QStringLiteral("tar"), tar.errorString(), {}}, {});

    m_database = std::make_unique<MariaDbServer>(m_dir->path() + QStringLiteral("/mariadb"), m_logDir);
    const Status installed = m_database->install(remainingMs(60000));
    const qint64 databaseMs = clock.elapsed();
    if (!tar.waitForFinished(remainingMs(90000))) {
        stopChild(tar, 1000);
        return failed(QStringLiteral("unpack"),
                      {QStringLiteral("timeout"), QStringLiteral("tar did not finish"), {}},
                      {QStringLiteral("tar.log")});
    }
    if (tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0)
        return failed(
            QStringLiteral("unpack"),
            {QStringLiteral("tar"), QStringLiteral("tar could not unpack %1").arg(m_options.archive), {}},
            {QStringLiteral("tar.log")});
    if (!QFile::exists(m_treePath + QStringLiteral("/index.php")))
        return failed(QStringLiteral("unpack"),
                      {QStringLiteral("archive"),
                       QStringLiteral("%1 holds no %2/index.php: is it AVideo 11.7?")
                           .arg(m_options.archive, QLatin1String(kTreeName)),
                       {}},
                      {});
    m_steps.append({QStringLiteral("database files (beside the unpack)"), databaseMs});
    m_steps.append({QStringLiteral("unpack and database files"), clock.elapsed()});
    if (!installed.ok())
        return failed(QStringLiteral("database install"), installed.error(), {});
    clock.restart();

    QDir().mkpath(m_treePath + QStringLiteral("/videos"));
    QProcess chown;
    chown.start(QStringLiteral("chown"),
                {QStringLiteral("-R"), QStringLiteral("%1:%1").arg(QLatin1String(kWorkerUser)), m_treePath});
    if (!chown.waitForFinished(remainingMs(60000)) || chown.exitCode() != 0)
        return failed(
            QStringLiteral("chown"),
            {QStringLiteral("chown"), QString::fromUtf8(chown.readAllStandardError()).trimmed(), {}}, {});
    record(QStringLiteral("chown"), clock);
    return {};
}

Status RealAvideo::startServers() {
    QElapsedTimer clock;
    clock.start();
    if (const Status s = m_database->start(remainingMs(30000)); !s.ok())
        return failed(QStringLiteral("mariadbd"), s.error(), {});
    const QString user = QLatin1String(kDatabaseUser);
    const Result<QString> created = m_database->execute(
        QStringLiteral("CREATE DATABASE %1; CREATE USER '%2'@'127.0.0.1' IDENTIFIED BY %3; "
                       "GRANT ALL ON %1.* TO '%2'@'127.0.0.1';")
            .arg(QLatin1String(kDatabase), user, MariaDbServer::quote(m_databasePassword)),
        QString(), remainingMs(15000));
    if (!created)
        return failed(QStringLiteral("database and user"), created.error(), {QStringLiteral("mariadb.log")});
    record(QStringLiteral("mariadbd"), clock);

    m_apache = std::make_unique<ApacheServer>(ApacheServer::Config{
        m_treePath, m_dir->path() + QStringLiteral("/apache"), m_logDir, QLatin1String(kWorkerUser)});
    QDir().mkpath(m_dir->path() + QStringLiteral("/apache"));
    if (const Status s = m_apache->start(remainingMs(20000)); !s.ok())
        return failed(QStringLiteral("apache2"), s.error(), {});
    m_siteUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_apache->port()));

    m_media =
        std::make_unique<AvideoMediaServer>(m_siteUrl, m_dir->path() + QStringLiteral("/nginx"), m_logDir);
    if (const Status s = m_media->start(remainingMs(10000)); !s.ok())
        return failed(QStringLiteral("nginx-rtmp"), s.error(), {});
    record(QStringLiteral("apache and nginx"), clock);
    return {};
}

Status RealAvideo::installSite() {
    QElapsedTimer clock;
    clock.start();
    const QStringList apacheLog{QStringLiteral("apache-error.log")};
    m_driver = std::make_unique<AvideoSiteDriver>(m_siteUrl, secrets());
    AvideoInstallForm form;
    form.treePath = m_treePath + QLatin1Char('/');
    form.databasePort = m_database->port();
    form.database = QLatin1String(kDatabase);
    form.databaseUser = QLatin1String(kDatabaseUser);
    form.databasePassword = m_databasePassword;
    form.adminPassword = m_adminPassword;
    form.title = QStringLiteral("AVideo Live Doctor realsite");
    form.salt = m_salt;
    if (const Status s = m_driver->install(form, remainingMs(60000)); !s.ok())
        return failed(QStringLiteral("install"), s.error(), apacheLog);
    // A closed loopback port: the encoder is down from the first thumbnail on.
    m_encoderUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort()));
    if (const Status s = setEncoderUrl(m_encoderUrl); !s.ok())
        return failed(QStringLiteral("encoder URL"), s.error(), {QStringLiteral("mariadb.log")});
    record(QStringLiteral("install"), clock);

    if (const Status s = m_driver->loginAdmin(m_adminPassword, remainingMs(30000)); !s.ok())
        return failed(QStringLiteral("admin login"), s.error(), apacheLog);
    if (const Status s = m_driver->enableLive(m_media->rtmpServer(), m_media->playerServer(),
                                              m_media->statUrl(), remainingMs(30000));
        !s.ok())
        return failed(QStringLiteral("Live plugin"), s.error(), apacheLog);
    record(QStringLiteral("Live plugin"), clock);

    const QString streamer = QLatin1String(kStreamerUser);
    if (const Status s = m_driver->addStreamer(streamer, m_streamer.password, remainingMs(30000)); !s.ok())
        return failed(QStringLiteral("streamer"), s.error(), apacheLog);
    const QString password = m_streamer.password;
    Result<AvideoStreamer> loggedIn = m_driver->loginStreamer(streamer, password, remainingMs(30000));
    if (!loggedIn)
        return failed(QStringLiteral("streamer login"), loggedIn.error(), apacheLog);
    m_streamer = *loggedIn;
    if (const Status s = m_driver->listLive(m_streamer.transmissionKey, QString::fromLatin1(kLiveTitle),
                                            remainingMs(30000));
        !s.ok())
        return failed(QStringLiteral("list the live"), s.error(), apacheLog);
    record(QStringLiteral("streamer"), clock);
    return {};
}

Status RealAvideo::publishAndWaitListed() {
    QElapsedTimer clock;
    clock.start();
    const QStringList logs{QStringLiteral("ffmpeg.log"), QStringLiteral("nginx-error.log"),
                           QStringLiteral("apache-error.log")};
    const Result<QString> url = m_driver->publishUrl(remainingMs(30000));
    if (!url)
        return failed(QStringLiteral("publish URL"), url.error(), {QStringLiteral("apache-error.log")});
    m_publishUrl = *url;
    m_liveKey = m_publishUrl.section(QLatin1Char('/'), -1);
    if (!m_liveKey.startsWith(m_streamer.transmissionKey))
        return failed(QStringLiteral("publish URL"),
                      {QStringLiteral("publish-url"),
                       QStringLiteral("the Live panel's URL does not end with the streamer's key"),
                       {}},
                      {});
    m_publisher = std::make_unique<RtmpPublisher>();
    if (const Status s = m_publisher->start(m_publishUrl, QStringLiteral("realsite"),
                                            m_logDir + QStringLiteral("/ffmpeg.log"));
        !s.ok())
        return failed(QStringLiteral("publish"), s.error(), {});

    const int waitMs = remainingMs(60000);
    QElapsedTimer waited;
    waited.start();
    Error last{QStringLiteral("timeout"), QStringLiteral("no HLS playlist yet"), {}};
    while (waited.elapsed() < waitMs) {
        if (!m_publisher->isRunning())
            return failed(QStringLiteral("publish"),
                          {QStringLiteral("ffmpeg-exit"),
                           QStringLiteral("ffmpeg stopped (was on_publish refused?)"),
                           {}},
                          logs);
        QFile playlist(m_media->playlistPath(m_liveKey));
        if (playlist.open(QIODevice::ReadOnly) && playlist.readAll().contains("#EXTINF")) {
            const Result<QJsonObject> listed = m_driver->listedLive(m_liveKey, 10000);
            if (listed) {
                m_watchUrl = QUrl(listed->value(QStringLiteral("href")).toString());
                record(QStringLiteral("first listed live"), clock);
                return {};
            }
            last = listed.error();
        }
        QThread::msleep(kPollMs);
    }
    return failed(
        QStringLiteral("wait for the live"),
        {QStringLiteral("timeout"), QStringLiteral("after %1 ms: %2").arg(waitMs).arg(last.message), {}},
        logs);
}

Status RealAvideo::setEncoderUrl(const QUrl& url) {
    if (!m_database || !m_database->isRunning())
        return Error{QStringLiteral("not-started"), QStringLiteral("the site's database is not running"), {}};
    const Result<QString> done =
        m_database->execute(QStringLiteral("UPDATE configurations SET encoderURL = %1 WHERE id = 1;")
                                .arg(MariaDbServer::quote(url.toString())),
                            QLatin1String(kDatabase), 15000);
    if (!done)
        return done.error();
    m_encoderUrl = url;
    return {};
}

QString RealAvideo::whatStopped() const {
    if (!m_database || !m_database->isRunning())
        return QStringLiteral("mariadbd");
    if (!m_apache || !m_apache->isRunning())
        return QStringLiteral("apache2");
    if (!m_media || !m_media->isRunning())
        return QStringLiteral("nginx");
    if (!m_publisher || !m_publisher->isRunning())
        return QStringLiteral("the ffmpeg publisher");
    return {};
}

void RealAvideo::stop() {
    if (m_publisher)
        m_publisher->stop();
    if (m_media)
        m_media->stop();
    if (m_apache)
        m_apache->stop();
    if (m_database)
        m_database->stop();
    m_publisher.reset();
    m_media.reset();
    m_apache.reset();
    m_database.reset();
    m_driver.reset();
    m_dir.reset();
}

QJsonObject RealAvideo::info() const {
    QJsonArray steps;
    for (const StepTime& step : m_steps)
        steps.append(QJsonObject{{QStringLiteral("step"), step.step}, {QStringLiteral("ms"), step.ms}});
    return QJsonObject{
        {QStringLiteral("siteUrl"), m_siteUrl.toString()},
        {QStringLiteral("admin"), QJsonObject{{QStringLiteral("user"), QStringLiteral("admin")},
                                              {QStringLiteral("password"), m_adminPassword}}},
        {QStringLiteral("streamer"),
         QJsonObject{{QStringLiteral("user"), m_streamer.user},
                     {QStringLiteral("password"), m_streamer.password},
                     {QStringLiteral("channel"), m_streamer.channel},
                     {QStringLiteral("usersId"), m_streamer.usersId},
                     {QStringLiteral("key"), m_liveKey},
                     {QStringLiteral("transmissionKey"), m_streamer.transmissionKey}}},
        {QStringLiteral("rtmpUrl"), m_publishUrl},
        {QStringLiteral("rtmpServer"), m_media ? m_media->rtmpServer() : QString()},
        {QStringLiteral("hlsUrl"), m_media ? m_media->hlsUrl(m_liveKey).toString() : QString()},
        {QStringLiteral("watchUrl"), m_watchUrl.toString()},
        {QStringLiteral("playerServer"), m_media ? m_media->playerServer().toString() : QString()},
        {QStringLiteral("statUrl"), m_media ? m_media->statUrl().toString() : QString()},
        {QStringLiteral("encoderUrl"), m_encoderUrl.toString()},
        {QStringLiteral("treePath"), m_treePath},
        {QStringLiteral("tempDir"), m_dir ? m_dir->path() : QString()},
        {QStringLiteral("logDir"), m_logDir},
        {QStringLiteral("mariadb"),
         QJsonObject{{QStringLiteral("socket"), m_database ? m_database->socketPath() : QString()},
                     {QStringLiteral("database"), QLatin1String(kDatabase)},
                     {QStringLiteral("port"), m_database ? int(m_database->port()) : 0}}},
        {QStringLiteral("startedMs"), m_startedMs},
        {QStringLiteral("steps"), steps},
    };
}

} // namespace avld::test
