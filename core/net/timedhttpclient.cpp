#include "timedhttpclient.h"

#include "logging.h"
#include "version.h"

#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <curl/curl.h>
#include <mutex>
#include <sys/socket.h>
#include <unistd.h>
#include <unordered_map>

namespace avld {

namespace {

// Once per process, whichever thread gets here first. Never undone: clients on other threads may live until
// the process ends, and curl_global_cleanup is not thread-safe.
CURLcode initCurlOnce() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] {
        result = curl_global_init(CURL_GLOBAL_DEFAULT);
        const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
        if (!(info->features & CURL_VERSION_ASYNCHDNS))
            qCWarning(lcEncoders) << "libcurl resolves names synchronously: a slow DNS will block the UI";
    });
    return result;
}

// OpenSSL's X509_V_ERR_* numbers, as CURLINFO_SSL_VERIFYRESULT reports them (core does not use OpenSSL's
// headers itself; the numbers are part of its ABI).
constexpr long kX509UnableToGetIssuer = 2;
constexpr long kX509NotYetValid = 9;
constexpr long kX509Expired = 10;
constexpr long kX509SelfSigned = 18;
constexpr long kX509SelfSignedInChain = 19;
constexpr long kX509UnknownIssuer = 20;
constexpr long kX509UnverifiableLeaf = 21;
constexpr long kX509HostnameMismatch = 62;

// Browsers' limit of connections to one host.
constexpr long kMaxHostConnections = 6;

// Whether libcurl was built with a CA bundle file: then its CA directory (the same authorities, on Debian)
// can be left out.
bool systemCaBundleOnly() {
    static const bool hasBundle = [] {
        const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
        return info->age >= CURLVERSION_SEVENTH && info->cainfo && *info->cainfo;
    }();
    return hasBundle;
}

bool isHttps(const QUrl& url) {
    return url.scheme() == QLatin1String("https");
}

std::optional<PeerCertificate> leafCertificateOf(CURL* easy) {
    curl_certinfo* info = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_CERTINFO, &info) != CURLE_OK || !info || info->num_of_certs < 1)
        return std::nullopt;
    QList<QByteArray> fields;
    for (const curl_slist* line = info->certinfo[0]; line; line = line->next)
        fields.append(QByteArray(line->data));
    return peerCertificateFromCurlFields(fields);
}

QString stringInfo(CURL* easy, CURLINFO what) {
    const char* value = nullptr;
    curl_easy_getinfo(easy, what, &value);
    return value ? QString::fromUtf8(value) : QString();
}

bool isValidHeaderPart(const QByteArray& part, bool isName) {
    for (const char c : part) {
        if (c == '\r' || c == '\n' || c == '\0' || (isName && (c == ':' || c == ' ' || c == '\t')))
            return false;
    }
    return !isName || !part.isEmpty();
}

// One request, from start() until its Done has run.
struct Transfer {
    enum class Stage { Running, ReadingCertificate, Finished };

    ~Transfer() {
        curl_slist_free_all(headers);
        curl_mime_free(form);
    }

    int* openSockets = nullptr; // the client's count
    quint64 id = 0;
    TimedRequest request;
    TimedHttpClient::Done done;
    Stage stage = Stage::Running;
    CURL* easy = nullptr;
    CURL* certificateLook = nullptr; // after a refused certificate: a second handshake, only to read it
    CURLcode failure = CURLE_OK;
    long verifyResult = 0;
    curl_slist* headers = nullptr;
    curl_mime* form = nullptr;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> answerHeaders; // of the latest header block
    bool tooLarge = false;
    char errorText[CURL_ERROR_SIZE] = {};
    QElapsedTimer clock;
    qint64 socketOpenedNs = -1; // on `clock`: the first socket opened for this request
    qint64 tlsStartedNs = -1;   // on `clock`: TCP connected, TLS handshake starting
    // idleTimeoutMs: on `clock`, the request sent (-1: not yet) and the last byte received.
    qint64 requestSentNs = -1;
    qint64 lastByteNs = -1;
    bool answerStarted = false; // the final answer's headers are complete
    bool endedBySilence = false;
    std::unique_ptr<QTimer> idleTimer;
    TimedOutcome outcome;
};

// The phases' own durations, from libcurl's times since the transfer started; -1 for those not reached.
PhaseTimings phasesOf(const Transfer& transfer) {
    CURL* easy = transfer.easy;
    curl_off_t dns = 0, connect = 0, handshake = 0, sent = 0, firstByte = 0, total = 0;
    curl_easy_getinfo(easy, CURLINFO_NAMELOOKUP_TIME_T, &dns);
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect);
    curl_easy_getinfo(easy, CURLINFO_APPCONNECT_TIME_T, &handshake);
    curl_easy_getinfo(easy, CURLINFO_PRETRANSFER_TIME_T, &sent);
    curl_easy_getinfo(easy, CURLINFO_STARTTRANSFER_TIME_T, &firstByte);
    curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &total);
    const auto ms = [](curl_off_t us) { return qint64(std::max<curl_off_t>(us, 0) / 1000); };
    PhaseTimings phases;
    if (dns > 0)
        phases.dnsMs = ms(dns);
    if (connect > 0)
        phases.connectMs = ms(connect - dns);
    else if (transfer.socketOpenedNs >= 0 && transfer.tlsStartedNs >= transfer.socketOpenedNs)
        // libcurl 7.88 stamps the connect time only once TLS is up too; when TLS failed, our own stamps
        // still tell how long the TCP connect took.
        phases.connectMs = (transfer.tlsStartedNs - transfer.socketOpenedNs) / 1'000'000;
    if (isHttps(transfer.request.url) && handshake > 0)
        phases.tlsMs = ms(handshake - connect);
    if (firstByte > 0)
        phases.firstByteMs = ms(firstByte - sent);
    phases.totalMs = total > 0 ? ms(total) : transfer.clock.elapsed();
    return phases;
}

struct SocketWatch {
    QSocketNotifier* read = nullptr;
    QSocketNotifier* write = nullptr;
};

} // namespace

class TimedHttpClient::Private {
public:
    explicit Private(TimedHttpClient* client)
        : q(client) {}

    void watchSocket(curl_socket_t fd, int what);
    void socketAction(curl_socket_t fd, int events);
    Status configure(Transfer& transfer);
    void collectFinished();
    void onRequestDone(Transfer& transfer, CURLcode code);
    void checkIdle(quint64 id);
    TimedResponse responseOf(Transfer& transfer) const;
    bool startCertificateLook(Transfer& transfer);
    void onCertificateLookDone(Transfer& transfer);
    void detach(CURL*& easy);
    void finish(Transfer& transfer);
    void deliver(quint64 id);
    Error failureOf(const Transfer& transfer) const;
    Error timeoutOf(const Transfer& transfer) const;
    Error certificateRefusalOf(const Transfer& transfer) const;

    static int onSocket(CURL*, curl_socket_t fd, int what, void* self, void*) {
        static_cast<Private*>(self)->watchSocket(fd, what);
        return 0;
    }
    static int onTimer(CURLM*, long timeoutMs, void* self) {
        QTimer& timer = static_cast<Private*>(self)->timer;
        if (timeoutMs < 0)
            timer.stop();
        else
            timer.start(int(std::min<long>(timeoutMs, INT_MAX)));
        return 0;
    }
    static size_t onData(char* data, size_t size, size_t count, void* transferPointer) {
        auto* transfer = static_cast<Transfer*>(transferPointer);
        const qint64 bytes = qint64(size * count);
        const qint64 limit = transfer->request.maxBodyBytes;
        if (limit >= 0 && transfer->body.size() + bytes > limit) {
            transfer->tooLarge = true;
            return 0; // makes libcurl abort the transfer
        }
        transfer->body.append(data, qsizetype(bytes));
        transfer->lastByteNs = transfer->clock.nsecsElapsed();
        return size_t(bytes);
    }
    static size_t onHeader(char* data, size_t size, size_t count, void* transferPointer) {
        auto* transfer = static_cast<Transfer*>(transferPointer);
        transfer->lastByteNs = transfer->clock.nsecsElapsed();
        const size_t bytes = size * count;
        const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
        if (line.startsWith("HTTP/")) {
            transfer->answerHeaders.clear(); // a new block: 1xx, a redirect's, or the final one
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            transfer->answerHeaders.append(
                qMakePair(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()));
        }
        if (bytes <= 2 && (bytes == 0 || data[0] == '\r' || data[0] == '\n')) {
            // The blank line after a header block: the final answer's, unless it is 1xx or a followed
            // redirect.
            long status = 0;
            curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
            const bool redirect = status >= 300 && status < 400 && transfer->request.followRedirects;
            if (status >= 200 && !redirect)
                transfer->answerStarted = true;
        }
        return bytes;
    }
    // Called for each request (each hop of a redirect), right before it is sent.
    static int onRequestSent(void* transferPointer, char*, char*, int, int) {
        auto* transfer = static_cast<Transfer*>(transferPointer);
        transfer->requestSentNs = transfer->clock.nsecsElapsed();
        return CURL_PREREQFUNC_OK;
    }
    // libcurl opens and closes every connection's socket through these, so openSockets is exact.
    static curl_socket_t onOpenSocket(void* transferPointer, curlsocktype purpose, curl_sockaddr* address) {
        if (purpose != CURLSOCKTYPE_IPCXN)
            return CURL_SOCKET_BAD;
        auto* transfer = static_cast<Transfer*>(transferPointer);
        const curl_socket_t fd =
            ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
        if (fd == CURL_SOCKET_BAD)
            return fd;
        ++*transfer->openSockets;
        if (transfer->socketOpenedNs < 0)
            transfer->socketOpenedNs = transfer->clock.nsecsElapsed();
        return fd;
    }
    // Called once the TCP connection is up, before the TLS handshake (OpenSSL back end only).
    static CURLcode onTlsStart(CURL*, void*, void* transferPointer) {
        auto* transfer = static_cast<Transfer*>(transferPointer);
        transfer->tlsStartedNs = transfer->clock.nsecsElapsed();
        return CURLE_OK;
    }
    static int onCloseSocket(void* self, curl_socket_t fd) {
        --static_cast<Private*>(self)->openSockets;
        return ::close(fd);
    }

    TimedHttpClient* q;
    CURLM* multi = nullptr;
    QTimer timer;
    quint64 nextId = 1;
    int openSockets = 0;
    std::unordered_map<quint64, std::unique_ptr<Transfer>> transfers;
    std::unordered_map<curl_socket_t, SocketWatch> watches;
};

TimedHttpClient::TimedHttpClient(int maxConnections, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this)) {
    if (initCurlOnce() != CURLE_OK)
        return; // every start() then fails with "network"
    d->multi = curl_multi_init();
    if (!d->multi)
        return;
    const long total = std::max(maxConnections, 1);
    curl_multi_setopt(d->multi, CURLMOPT_SOCKETFUNCTION, &Private::onSocket);
    curl_multi_setopt(d->multi, CURLMOPT_SOCKETDATA, d.get());
    curl_multi_setopt(d->multi, CURLMOPT_TIMERFUNCTION, &Private::onTimer);
    curl_multi_setopt(d->multi, CURLMOPT_TIMERDATA, d.get());
    curl_multi_setopt(d->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, total);
    curl_multi_setopt(d->multi, CURLMOPT_MAX_HOST_CONNECTIONS, std::min(total, kMaxHostConnections));
    curl_multi_setopt(d->multi, CURLMOPT_MAXCONNECTS, total);
    d->timer.setSingleShot(true);
    connect(&d->timer, &QTimer::timeout, this, [this] { d->socketAction(CURL_SOCKET_TIMEOUT, 0); });
}

TimedHttpClient::~TimedHttpClient() {
    for (auto& [id, transfer] : d->transfers) {
        d->detach(transfer->easy);
        d->detach(transfer->certificateLook);
    }
    d->transfers.clear();
    if (d->multi)
        curl_multi_cleanup(d->multi); // closes kept-alive connections, through onCloseSocket
    d->timer.stop();
}

quint64 TimedHttpClient::start(TimedRequest request, Done done) {
    auto owned = std::make_unique<Transfer>();
    Transfer& transfer = *owned;
    transfer.openSockets = &d->openSockets;
    transfer.id = d->nextId++;
    transfer.request = std::move(request);
    transfer.done = std::move(done);
    transfer.clock.start();
    d->transfers.emplace(transfer.id, std::move(owned));

    const QUrl& url = transfer.request.url;
    qCDebug(lcEncoders).noquote() << "request" << transfer.id
                                  << (transfer.request.postBody.isEmpty() ? "GET" : "POST")
                                  << url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                                  QUrl::RemoveQuery | QUrl::RemoveFragment)
                                         .toDisplayString();
    if (const Status problem = d->configure(transfer); !problem.ok()) {
        transfer.outcome.result = problem.error();
        transfer.outcome.phases.totalMs = 0;
        d->finish(transfer);
    }
    return transfer.id;
}

void TimedHttpClient::cancel(quint64 id) {
    const auto found = d->transfers.find(id);
    if (found == d->transfers.end())
        return;
    Transfer& transfer = *found->second;
    const Error cancelled{QStringLiteral("cancelled"),
                          QStringLiteral("the request to %1 was cancelled").arg(transfer.request.url.host()),
                          {}};
    if (transfer.stage == Transfer::Stage::Running && transfer.easy) {
        transfer.outcome.phases = phasesOf(transfer);
        transfer.outcome.remoteAddress = stringInfo(transfer.easy, CURLINFO_PRIMARY_IP);
    }
    transfer.outcome.result = cancelled;
    if (transfer.stage != Transfer::Stage::Finished)
        d->finish(transfer);
}

int TimedHttpClient::inFlight() const {
    return int(d->transfers.size());
}

int TimedHttpClient::openSockets() const {
    return d->openSockets;
}

void TimedHttpClient::Private::watchSocket(curl_socket_t fd, int what) {
    if (what == CURL_POLL_REMOVE) {
        const auto found = watches.find(fd);
        if (found == watches.end())
            return;
        // We may be inside one of these notifiers' activated(): retire them, delete them later.
        for (QSocketNotifier* notifier : {found->second.read, found->second.write}) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
        watches.erase(found);
        return;
    }
    SocketWatch& watch = watches[fd];
    if (!watch.read) {
        watch.read = new QSocketNotifier(fd, QSocketNotifier::Read, q);
        watch.write = new QSocketNotifier(fd, QSocketNotifier::Write, q);
        QObject::connect(watch.read, &QSocketNotifier::activated, q,
                         [this, fd] { socketAction(fd, CURL_CSELECT_IN); });
        QObject::connect(watch.write, &QSocketNotifier::activated, q,
                         [this, fd] { socketAction(fd, CURL_CSELECT_OUT); });
    }
    watch.read->setEnabled(what & CURL_POLL_IN);
    watch.write->setEnabled(what & CURL_POLL_OUT);
}

void TimedHttpClient::Private::socketAction(curl_socket_t fd, int events) {
    int running = 0;
    curl_multi_socket_action(multi, fd, events, &running);
    collectFinished();
}

Status TimedHttpClient::Private::configure(Transfer& transfer) {
    const TimedRequest& request = transfer.request;
    const QUrl& url = request.url;
    const QString host = url.host();
    if (!url.isValid() || host.isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        return Error{QStringLiteral("bad-url"),
                     QStringLiteral("\"%1\" is not an http or https URL")
                         .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
                     QStringLiteral("Give the full address, starting with http:// or https://.")};
    }
    for (const auto& [name, value] : request.headers) {
        if (!isValidHeaderPart(name, true) || !isValidHeaderPart(value, false))
            return Error{QStringLiteral("bad-request"),
                         QStringLiteral("the header \"%1\" cannot be sent: it has line breaks or a bad name")
                             .arg(QString::fromLatin1(name.left(64))),
                         {}};
        // "Name;" is libcurl's way to send a header with an empty value ("Name:" would remove it).
        const QByteArray line = value.isEmpty() ? name + ';' : name + ": " + value;
        transfer.headers = curl_slist_append(transfer.headers, line.constData());
    }
    if (!multi)
        return Error{QStringLiteral("network"), QStringLiteral("libcurl could not be initialised"), {}};
    CURL* easy = curl_easy_init();
    if (!easy)
        return Error{
            QStringLiteral("network"), QStringLiteral("libcurl could not make a request handle"), {}};
    transfer.easy = easy;

    const bool fresh = !request.reuseConnections;
    const QByteArray userAgent =
        request.userAgent.isEmpty() ? QByteArrayLiteral("AVideoLiveDoctor/" AVLD_VERSION) : request.userAgent;
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
    curl_easy_setopt(easy, CURLOPT_URL, url.toEncoded().constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROXY, ""); // ignore http_proxy & co.
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.errorText);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(std::max(request.timeoutMs, 1)));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(std::max(request.connectTimeoutMs, 1)));
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 10L);
    if (request.sendUserAgent)
        curl_easy_setopt(easy, CURLOPT_USERAGENT, userAgent.constData());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Private::onData);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Private::onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &Private::onRequestSent);
    curl_easy_setopt(easy, CURLOPT_PREREQDATA, &transfer);
    if (request.readUntilClose) {
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
        curl_easy_setopt(easy, CURLOPT_IGNORE_CONTENT_LENGTH, 1L);
    }
    if (request.maxBodyBytes >= 0)
        curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBodyBytes));
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Private::onOpenSocket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &Private::onCloseSocket);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
    curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, fresh ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, fresh ? 1L : 0L);
    if (fresh)
        curl_easy_setopt(easy, CURLOPT_DNS_CACHE_TIMEOUT, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, request.verifyTls ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, request.verifyTls ? 2L : 0L);
    curl_easy_setopt(easy, CURLOPT_CERTINFO, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, &Private::onTlsStart);
    curl_easy_setopt(easy, CURLOPT_SSL_CTX_DATA, &transfer);
    if (request.caCertificates.isEmpty() && systemCaBundleOnly()) {
        // libcurl (7.87+) keeps the parsed authorities for the next handshakes only when no CA directory is
        // set; parsing the system bundle again costs tens of ms of a blocked thread per https request.
        curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);
    } else if (!request.caCertificates.isEmpty()) {
        curl_blob blob{const_cast<char*>(request.caCertificates.constData()),
                       size_t(request.caCertificates.size()), CURL_BLOB_COPY};
        curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
        curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);
    }
    if (!request.formParts.isEmpty()) {
        transfer.form = curl_mime_init(easy);
        for (const TimedFormPart& part : request.formParts) {
            curl_mimepart* field = curl_mime_addpart(transfer.form);
            curl_mime_name(field, part.name.constData());
            curl_mime_data(field, part.data.constData(), size_t(part.data.size()));
            if (!part.fileName.isEmpty())
                curl_mime_filename(field, part.fileName.constData());
            if (!part.contentType.isEmpty())
                curl_mime_type(field, part.contentType.constData());
        }
        curl_easy_setopt(easy, CURLOPT_MIMEPOST, transfer.form);
    } else if (!request.postBody.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.postBody.size()));
        curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, request.postBody.constData());
    }
    if (!request.method.isEmpty())
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.constData());
    if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
        detach(transfer.easy);
        return Error{QStringLiteral("network"), QStringLiteral("libcurl refused the request"), {}};
    }
    if (request.idleTimeoutMs > 0) {
        transfer.idleTimer = std::make_unique<QTimer>();
        transfer.idleTimer->setSingleShot(true);
        QObject::connect(transfer.idleTimer.get(), &QTimer::timeout, q,
                         [this, id = transfer.id] { checkIdle(id); });
        transfer.idleTimer->start(request.idleTimeoutMs);
    }
    return {};
}

void TimedHttpClient::Private::collectFinished() {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL* easy = message->easy_handle;
        const CURLcode code = message->data.result;
        char* pointer = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &pointer);
        auto* transfer = reinterpret_cast<Transfer*>(pointer);
        if (!transfer)
            continue;
        if (easy == transfer->certificateLook)
            onCertificateLookDone(*transfer);
        else if (easy == transfer->easy)
            onRequestDone(*transfer, code);
    }
}

void TimedHttpClient::Private::onRequestDone(Transfer& transfer, CURLcode code) {
    CURL* easy = transfer.easy;
    TimedOutcome& outcome = transfer.outcome;
    outcome.phases = phasesOf(transfer);
    outcome.remoteAddress = stringInfo(easy, CURLINFO_PRIMARY_IP);
    outcome.certificate = leafCertificateOf(easy);
    if (code == CURLE_OK) {
        outcome.result = responseOf(transfer);
        finish(transfer);
        return;
    }
    transfer.failure = code;
    curl_easy_getinfo(easy, CURLINFO_SSL_VERIFYRESULT, &transfer.verifyResult);
    outcome.result = failureOf(transfer);
    if (code == CURLE_PEER_FAILED_VERIFICATION && !outcome.certificate && startCertificateLook(transfer))
        return;
    finish(transfer);
}

TimedResponse TimedHttpClient::Private::responseOf(Transfer& transfer) const {
    CURL* easy = transfer.easy;
    TimedResponse response;
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    response.httpStatus = int(status);
    response.contentType = stringInfo(easy, CURLINFO_CONTENT_TYPE).toUtf8();
    response.body = std::move(transfer.body);
    response.headers = std::move(transfer.answerHeaders);
    response.phases = transfer.outcome.phases;
    response.certificate = transfer.outcome.certificate;
    response.effectiveUrl = QUrl::fromEncoded(stringInfo(easy, CURLINFO_EFFECTIVE_URL).toUtf8());
    response.remoteAddress = transfer.outcome.remoteAddress;
    response.keptOpen = transfer.endedBySilence;
    response.lastByteMs = transfer.lastByteNs >= 0 ? transfer.lastByteNs / 1'000'000 : -1;
    return response;
}

// Like PHP's read timeout: the time since the request was sent or the last byte came, whichever is later.
// Connecting is bounded by the connect timeout instead.
void TimedHttpClient::Private::checkIdle(quint64 id) {
    const auto found = transfers.find(id);
    if (found == transfers.end())
        return;
    Transfer& transfer = *found->second;
    if (transfer.stage != Transfer::Stage::Running || !transfer.easy)
        return;
    const qint64 limitNs = qint64(transfer.request.idleTimeoutMs) * 1'000'000;
    const qint64 since = std::max(transfer.requestSentNs, transfer.lastByteNs);
    const qint64 quietNs = transfer.clock.nsecsElapsed() - since;
    if (transfer.requestSentNs < 0 || quietNs < limitNs) {
        const qint64 leftNs = transfer.requestSentNs < 0 ? limitNs : limitNs - quietNs;
        transfer.idleTimer->start(int(std::max<qint64>(1, (leftNs + 999'999) / 1'000'000)));
        return;
    }
    TimedOutcome& outcome = transfer.outcome;
    transfer.endedBySilence = true;
    outcome.endedBySilence = true;
    outcome.phases = phasesOf(transfer);
    outcome.phases.totalMs = transfer.clock.elapsed();
    outcome.remoteAddress = stringInfo(transfer.easy, CURLINFO_PRIMARY_IP);
    outcome.certificate = leafCertificateOf(transfer.easy);
    if (transfer.answerStarted) {
        outcome.result = responseOf(transfer);
    } else {
        transfer.failure = CURLE_OPERATION_TIMEDOUT;
        outcome.result = failureOf(transfer);
    }
    finish(transfer);
}

bool TimedHttpClient::Private::startCertificateLook(Transfer& transfer) {
    const qint64 left = transfer.request.timeoutMs - transfer.clock.elapsed();
    if (left < 100)
        return false;
    CURL* easy = curl_easy_init();
    if (!easy)
        return false;
    const long timeoutMs = long(std::min<qint64>(left, std::max(transfer.request.connectTimeoutMs, 1)));
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
    curl_easy_setopt(easy, CURLOPT_URL, transfer.request.url.toEncoded().constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROXY, "");
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    // Handshake only, and nothing of this unverified connection or session may serve another request.
    curl_easy_setopt(easy, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
    curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_SESSIONID_CACHE, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
    curl_easy_setopt(easy, CURLOPT_CERTINFO, 1L);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &Private::onOpenSocket);
    curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &Private::onCloseSocket);
    curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
    if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
        curl_easy_cleanup(easy);
        return false;
    }
    detach(transfer.easy);
    transfer.certificateLook = easy;
    transfer.stage = Transfer::Stage::ReadingCertificate;
    return true;
}

void TimedHttpClient::Private::onCertificateLookDone(Transfer& transfer) {
    transfer.outcome.certificate = leafCertificateOf(transfer.certificateLook);
    transfer.outcome.result = failureOf(transfer);
    finish(transfer);
}

void TimedHttpClient::Private::detach(CURL*& easy) {
    if (!easy)
        return;
    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
    easy = nullptr;
}

void TimedHttpClient::Private::finish(Transfer& transfer) {
    if (transfer.idleTimer)
        transfer.idleTimer->stop();
    detach(transfer.easy);
    detach(transfer.certificateLook);
    transfer.stage = Transfer::Stage::Finished;
    transfer.body.clear();
    QMetaObject::invokeMethod(
        q, [this, id = transfer.id] { deliver(id); }, Qt::QueuedConnection);
}

void TimedHttpClient::Private::deliver(quint64 id) {
    const auto found = transfers.find(id);
    if (found == transfers.end())
        return;
    const std::unique_ptr<Transfer> transfer = std::move(found->second);
    transfers.erase(found);
    const TimedOutcome& outcome = transfer->outcome;
    if (outcome.ok())
        qCDebug(lcEncoders) << "request" << id << "answered HTTP" << outcome.result->httpStatus << "in"
                            << outcome.phases.totalMs << "ms";
    else
        qCDebug(lcEncoders) << "request" << id << "failed:" << outcome.result.error().code << "after"
                            << outcome.phases.totalMs << "ms";
    const Done done = std::move(transfer->done);
    TimedOutcome result = std::move(transfer->outcome);
    done(std::move(result)); // may delete the client: nothing of it is touched after this
}

Error TimedHttpClient::Private::failureOf(const Transfer& transfer) const {
    const QUrl& url = transfer.request.url;
    const QString host = url.host();
    switch (transfer.failure) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return {QStringLiteral("dns"), QStringLiteral("the host name %1 does not resolve").arg(host),
                QStringLiteral("Check the spelling of the URL and this machine's DNS.")};
    case CURLE_COULDNT_CONNECT: {
        long osError = 0;
        if (transfer.easy)
            curl_easy_getinfo(transfer.easy, CURLINFO_OS_ERRNO, &osError);
        const int port = url.port(isHttps(url) ? 443 : 80);
        if (osError == ECONNREFUSED)
            return {QStringLiteral("connect-refused"),
                    QStringLiteral("%1 refused the connection on port %2").arg(host).arg(port),
                    QStringLiteral("Nothing listens on that port: is the server running?")};
        return {QStringLiteral("connect-failed"),
                QStringLiteral("could not connect to %1 on port %2: %3")
                    .arg(host)
                    .arg(port)
                    .arg(osError ? QString::fromLocal8Bit(std::strerror(int(osError)))
                                 : QString::fromUtf8(transfer.errorText)),
                QStringLiteral("Check that the host is up and that no firewall is in the way.")};
    }
    case CURLE_OPERATION_TIMEDOUT:
        return timeoutOf(transfer);
    case CURLE_PEER_FAILED_VERIFICATION:
        return certificateRefusalOf(transfer);
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
        if (transfer.failure == CURLE_FILESIZE_EXCEEDED || transfer.tooLarge)
            return {QStringLiteral("too-large"),
                    QStringLiteral("%1 sent more than %2 bytes; the transfer was stopped")
                        .arg(host)
                        .arg(transfer.request.maxBodyBytes),
                    QStringLiteral("The URL probably points at a file or a stream, not at a status page.")};
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return {QStringLiteral("bad-url"),
                QStringLiteral("%1 cannot be fetched: %2").arg(host, QString::fromUtf8(transfer.errorText)),
                QStringLiteral("Only http and https URLs (and redirects to them) can be followed.")};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return {QStringLiteral("tls"),
                QStringLiteral("the TLS handshake with %1 failed: %2")
                    .arg(host, QString::fromUtf8(transfer.errorText)),
                QStringLiteral("Is this port really https? Check the server's TLS configuration.")};
    case CURLE_GOT_NOTHING:
        return {QStringLiteral("network"),
                QStringLiteral("%1 closed the connection without answering").arg(host),
                QStringLiteral(
                    "The web server or a proxy in front of it dropped the request; its logs say why.")};
    case CURLE_TOO_MANY_REDIRECTS:
        return {
            QStringLiteral("redirect-loop"),
            QStringLiteral("%1 redirects in a loop (more than 10 redirects)").arg(host),
            QStringLiteral("The URL leads to a page that keeps sending the client elsewhere: check it in a "
                           "browser.")};
    default:
        break;
    }
    const QString why = transfer.errorText[0] ? QString::fromUtf8(transfer.errorText)
                                              : QString::fromUtf8(curl_easy_strerror(transfer.failure));
    return {QStringLiteral("network"), QStringLiteral("the request to %1 failed: %2").arg(host, why), {}};
}

Error TimedHttpClient::Private::timeoutOf(const Transfer& transfer) const {
    const TimedRequest& request = transfer.request;
    const PhaseTimings& phases = transfer.outcome.phases;
    const QString host = request.url.host();
    const bool tls = isHttps(request.url);
    // The connect timeout covers name lookup, TCP connect and TLS handshake.
    const int connectLimit = std::min(request.connectTimeoutMs, request.timeoutMs);
    if (phases.dnsMs < 0 || phases.connectMs < 0 || (tls && phases.tlsMs < 0)) {
        const QString phase = phases.dnsMs < 0       ? QStringLiteral("resolving the name")
                              : phases.connectMs < 0 ? QStringLiteral("connecting")
                                                     : QStringLiteral("TLS handshake");
        return {QStringLiteral("timeout"),
                QStringLiteral("%1 did not answer within %2 ms (%3)").arg(host).arg(connectLimit).arg(phase),
                phases.dnsMs < 0 ? QStringLiteral("This machine's DNS server is slow or unreachable.")
                                 : QStringLiteral("The host is down, or a firewall drops the packets.")};
    }
    // Ended by the idle limit: silent that long, not slow overall.
    const int limit = transfer.endedBySilence ? request.idleTimeoutMs : request.timeoutMs;
    if (phases.firstByteMs < 0)
        return {QStringLiteral("timeout"),
                QStringLiteral("%1 did not answer within %2 ms (waiting for the first byte)")
                    .arg(host)
                    .arg(limit),
                QStringLiteral("The server accepted the connection but did not answer: the web server or PHP "
                               "is overloaded or hung.")};
    return {QStringLiteral("timeout"),
            QString::fromLatin1(transfer.endedBySilence
                                    ? "%1 sent nothing more for %2 ms (receiving the answer, %3 bytes so far)"
                                    : "%1 did not finish within %2 ms (receiving the body, %3 bytes so far)")
                .arg(host)
                .arg(limit)
                .arg(transfer.body.size()),
            QStringLiteral("The server or the network is sending slowly.")};
}

Error TimedHttpClient::Private::certificateRefusalOf(const Transfer& transfer) const {
    const QString host = transfer.request.url.host();
    const std::optional<PeerCertificate>& certificate = transfer.outcome.certificate;
    const auto day = [](const QDateTime& at) { return at.toUTC().toString(QStringLiteral("yyyy-MM-dd")); };
    // libcurl checks the host name itself after OpenSSL accepted the chain, leaving the verify result at 0
    // or at its "not verified" 1; only its message tells.
    const bool wrongName = transfer.verifyResult == kX509HostnameMismatch ||
                           (transfer.verifyResult <= 1 && (std::strstr(transfer.errorText, "host name") ||
                                                           std::strstr(transfer.errorText, "subject name")));
    switch (wrongName ? kX509HostnameMismatch : transfer.verifyResult) {
    case kX509Expired:
        return {QStringLiteral("tls-expired"),
                certificate && certificate->notAfter.isValid()
                    ? QStringLiteral("the TLS certificate of %1 expired on %2")
                          .arg(host, day(certificate->notAfter))
                    : QStringLiteral("the TLS certificate of %1 has expired").arg(host),
                QStringLiteral("Renew the certificate (for Let's Encrypt: certbot renew) and reload the web "
                               "server.")};
    case kX509NotYetValid:
        return {QStringLiteral("tls"),
                certificate && certificate->notBefore.isValid()
                    ? QStringLiteral("the TLS certificate of %1 is not valid before %2")
                          .arg(host, day(certificate->notBefore))
                    : QStringLiteral("the TLS certificate of %1 is not valid yet").arg(host),
                QStringLiteral("Check the clock of this machine and of the server.")};
    case kX509UnableToGetIssuer:
    case kX509SelfSigned:
    case kX509SelfSignedInChain:
    case kX509UnknownIssuer:
    case kX509UnverifiableLeaf:
        return {QStringLiteral("tls-untrusted"),
                QStringLiteral("the TLS certificate of %1 is not trusted: it is self-signed or issued by an "
                               "unknown authority%2")
                    .arg(host, certificate && !certificate->issuer.isEmpty()
                                   ? QStringLiteral(" (%1)").arg(certificate->issuer)
                                   : QString()),
                QStringLiteral("Install a certificate from a public authority (e.g. Let's Encrypt), or turn "
                               "off TLS verification for this encoder if you trust it.")};
    case kX509HostnameMismatch:
        return {QStringLiteral("tls-hostname"),
                QStringLiteral("the TLS certificate of %1 is for another name%2")
                    .arg(host, certificate && !certificate->subject.isEmpty()
                                   ? QStringLiteral(" (%1)").arg(certificate->subject)
                                   : QString()),
                QStringLiteral("Use the host name the certificate was issued for, or a certificate that "
                               "names this host.")};
    default:
        return {QStringLiteral("tls"),
                QStringLiteral("the TLS certificate of %1 was refused: %2")
                    .arg(host, QString::fromUtf8(transfer.errorText)),
                QStringLiteral("Check the server's certificate chain.")};
    }
}

QByteArray TimedResponse::header(const QByteArray& name) const {
    const QByteArray wanted = name.toLower();
    for (const auto& [key, value] : headers)
        if (key == wanted)
            return value;
    return {};
}

} // namespace avld
