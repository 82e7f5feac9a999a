#include "soakrequests.h"

#include <QMap>
#include <QRegularExpression>

namespace avld::bench {

namespace {

QByteArray b64(const QByteArray& url) {
    return url.toBase64().toPercentEncoding();
}

QByteArray getImage(const QByteArray& prefix, const QByteArray& base64Url, const QByteArray& rest = "") {
    return prefix + "objects/getImage.php?base64Url=" + base64Url + "&format=jpg" + rest;
}

// A Lua long string: nothing in it is an escape.
QString luaString(const QByteArray& text) {
    return QStringLiteral("[==[%1]==]").arg(QString::fromLatin1(text));
}

} // namespace

QByteArray floodTarget(const QByteArray& prefix, quint16 nginxPort, const QByteArray& id) {
    return getImage(prefix,
                    b64("http://127.0.0.1:" + QByteArray::number(nginxPort) + "/live/flood-" + id + ".m3u8"));
}

QList<RequestKind> soakRequestKinds(const QByteArray& prefix, const QList<QUrl>& streams, quint16 nginxPort) {
    const QByteArray port = QByteArray::number(nginxPort);
    const QByteArray first = b64(streams.value(0).toEncoded());
    QList<RequestKind> kinds;
    const auto add = [&kinds](const char* name, const char* expected, QList<int> acceptable,
                              QByteArray method, QList<QByteArray> targets, QByteArray body = {},
                              int weight = 10) {
        kinds << RequestKind{QString::fromLatin1(name),
                             QString::fromLatin1(expected),
                             std::move(acceptable),
                             std::move(method),
                             std::move(targets),
                             std::move(body),
                             weight};
    };

    QList<QByteArray> legit;
    for (const QUrl& stream : streams)
        legit << getImage(prefix, b64(stream.toEncoded()));
    add("legitimate", "200 with a JPEG", {200}, "GET", legit);

    add("wrong-prefix", "404", {404}, "GET",
        {"/not-the-secret/objects/getImage.php?base64Url=" + first + "&format=jpg",
         prefix.chopped(1) + "x/objects/getImage.php?base64Url=" + first + "&format=jpg"});
    add("no-prefix", "404", {404}, "GET",
        {"/objects/getImage.php?base64Url=" + first + "&format=jpg", "/getImage/" + first + "/jpg"});
    add("malformed", "400 (bad base64 or format, not http)", {400}, "GET",
        {getImage(prefix, "%%%%not*base64!!"), getImage(prefix, "QUJD=RA"), getImage(prefix, "A"),
         prefix + "objects/getImage.php?base64Url=" + first + "&format=exe",
         getImage(prefix, b64("javascript:alert(1)")), getImage(prefix, b64("file:///etc/passwd")),
         getImage(prefix, b64("http://127.0.0.1/\x01\x02"))});
    // Hosts the service must refuse without fetching anything: loopback addresses and names not allowed.
    add("host-not-allowed", "403", {403}, "GET",
        {getImage(prefix, b64("http://127.0.0.2:" + port + "/live/s01.m3u8")),
         getImage(prefix, b64("http://[::1]:" + port + "/live/s01.m3u8")),
         getImage(prefix, b64("http://localhost:" + port + "/live/s01.m3u8")),
         getImage(prefix, b64("http://internal.invalid/live/s01.m3u8")),
         getImage(prefix, b64("https://user:pw@127.0.0.3/admin"))});
    add("unique-streams", "200 empty (no such stream) or 503", {200, 503}, "GET", {});
    add("renew-flood", "200 with a JPEG (grabbed <= every 2 s)", {200}, "GET",
        {getImage(prefix, first, "&renew=1")});
    add("long-query", "400 (request too long)", {400}, "GET",
        {getImage(prefix, QByteArray(6000, 'A')),
         getImage(prefix, first, "&junk=" + QByteArray(14000, 'x'))});
    // Rarer: a client that sends one waits for an answer that may never come (see the report).
    add("huge-target", "400/414/431, or the connection closed", {0, 400, 414, 431}, "GET",
        {prefix + "objects/getImage.php?base64Url=" + first + "&x=" + QByteArray(100'000, 'y'),
         prefix + QByteArray(90'000, 'z')},
        {}, 1);
    add("unknown-path", "404", {404}, "GET",
        {prefix + "admin.php", "/wp-login.php", prefix + "objects/getImage.php.bak", prefix + "objects/",
         prefix + "getImage/" + first});
    add("traversal", "404 or 400", {400, 404}, "GET",
        {prefix + "../../../../etc/passwd", prefix + "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
         prefix + "getImage/..%2f..%2f..%2fetc%2fpasswd/jpg", prefix + "objects/..%2f..%2f..%2fetc/passwd"});
    add("post", "405", {405}, "POST", {getImage(prefix, first)}, QByteArray(2048, 'p'));
    add("delete", "405", {405}, "DELETE", {getImage(prefix, first)});
    return kinds;
}

QString wrkSoakScript(const QList<RequestKind>& kinds, const QByteArray& prefix, quint16 nginxPort,
                      int hostilePercent, int delayMs) {
    QString kindTable;
    for (const RequestKind& kind : kinds) {
        QStringList targets;
        for (const QByteArray& target : kind.targets)
            targets << luaString(target);
        kindTable +=
            QStringLiteral(
                "  {name = \"%1\", method = \"%2\", body = %3, flood = %4, weight = %5, targets = {%6}},\n")
                .arg(kind.name, QString::fromLatin1(kind.method),
                     kind.body.isEmpty() ? QStringLiteral("nil") : luaString(kind.body),
                     kind.targets.isEmpty() ? QStringLiteral("true") : QStringLiteral("false"),
                     QString::number(kind.weight), targets.join(QStringLiteral(", ")));
    }
    QString script = QStringLiteral(
        R"(-- bench_soak: the legitimate kind, or a hostile one at random; counts by kind and by status.
local kinds = {
@KINDS@}
local hostilePercent = @HOSTILE@
local delayMs = @DELAY@
local prefix = @PREFIX@
local floodStart = @FLOOD@

local hostileWeight = 0
for i = 2, #kinds do
  hostileWeight = hostileWeight + kinds[i].weight
end

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919)
  sent = {}
  statuses = {}
  flood = 0
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = {}
    for j = 3, 0, -1 do
      local v = math.floor(n / 64 ^ j) % 64
      chars[#chars + 1] = alphabet:sub(v + 1, v + 1)
    end
    if not b then chars[3] = "=" end
    if not c then chars[4] = "=" end
    out[#out + 1] = table.concat(chars)
  end
  return (table.concat(out):gsub("[+/=]", function(ch) return string.format("%%%02X", ch:byte()) end))
end

function request()
  local index = 1
  if math.random(100) <= hostilePercent then
    local pick = math.random(hostileWeight)
    index = 2
    while pick > kinds[index].weight do
      pick = pick - kinds[index].weight
      index = index + 1
    end
  end
  local kind = kinds[index]
  sent[kind.name] = (sent[kind.name] or 0) + 1
  local target
  if kind.flood then
    flood = flood + 1
    target = prefix .. "objects/getImage.php?base64Url=" .. base64(floodStart .. id .. "-" .. flood .. ".m3u8") .. "&format=jpg"
  else
    target = kind.targets[math.random(#kind.targets)]
  end
  return wrk.format(kind.method, target, nil, kind.body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for name, n in pairs(thread:get("sent")) do
      io.write(string.format("soak-sent %s %d\n", name, n))
    end
    for status, n in pairs(thread:get("statuses")) do
      io.write(string.format("soak-status %d %d\n", status, n))
    end
  end
end
)");
    // Placeholders rather than QString::arg(): the Lua text has '%' sequences of its own.
    script.replace(QStringLiteral("@KINDS@"), kindTable)
        .replace(QStringLiteral("@HOSTILE@"), QString::number(hostilePercent))
        .replace(QStringLiteral("@DELAY@"), QString::number(delayMs))
        .replace(QStringLiteral("@PREFIX@"), luaString(prefix))
        .replace(QStringLiteral("@FLOOD@"),
                 luaString("http://127.0.0.1:" + QByteArray::number(nginxPort) + "/live/flood-"));
    if (delayMs > 0)
        script += QStringLiteral("\nfunction delay()\n  return delayMs\nend\n");
    return script;
}

SoakCounts parseSoakCounts(const QString& wrkOutput) {
    SoakCounts counts;
    static const QRegularExpression sent(QStringLiteral("^soak-sent (\\S+) (\\d+)$"),
                                         QRegularExpression::MultilineOption);
    static const QRegularExpression status(QStringLiteral("^soak-status (\\d+) (\\d+)$"),
                                           QRegularExpression::MultilineOption);
    for (auto it = sent.globalMatch(wrkOutput); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        counts.sentByKind[m.captured(1)] += m.captured(2).toLongLong();
    }
    for (auto it = status.globalMatch(wrkOutput); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        counts.answersByStatus[m.captured(1).toInt()] += m.captured(2).toLongLong();
    }
    return counts;
}

QByteArray rawRequest(const RequestKind& kind, qsizetype targetIndex, quint16 nginxPort,
                      const QByteArray& prefix, const QByteArray& floodId) {
    const QByteArray target = kind.targets.isEmpty() ? floodTarget(prefix, nginxPort, floodId)
                                                     : kind.targets.at(targetIndex % kind.targets.size());
    QByteArray request = kind.method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!kind.body.isEmpty())
        request += "Content-Length: " + QByteArray::number(kind.body.size()) + "\r\n";
    return request + "\r\n" + kind.body;
}

} // namespace avld::bench
