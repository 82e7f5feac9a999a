#pragma once

#include "framecache.h"
#include "result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QThread>

namespace avld {

// Everything the stand-in thumbnail generator (ThumbnailService) can be told. Times in milliseconds.
struct GeneratorConfig {
    // Where to listen. Loopback by default: reaching it from the AVideo server is a deliberate choice
    // (e.g. QHostAddress::Any); port 0 takes a free one.
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
    // Every route lives below it (healthz and metrics also at the root). "/s3cr3t/" makes the encoder URL a
    // capability: AVideo appends its path to whatever the admin configured.
    QString pathPrefix = QStringLiteral("/");

    // The longest a request waits for a grab before it is answered with an empty body (AVideo gives up at
    // 2000 ms, then shows its own card).
    int budgetMs = 1500;
    // A request for an image older than this waits for a new grab, when the stream's grabs fit the budget;
    // other streams are grabbed in the background every refreshIntervalMs around the times they are
    // expected to be asked for (FreshnessPolicy).
    int grabOnRequestAfterMs = 2'000;
    int refreshIntervalMs = 10'000;
    // Streams nobody asked for within this are forgotten (AVideo asks a live's gif/webp every 15 minutes).
    int keepRequestedMs = 20 * 60'000;
    int offlineGraceMs = 30'000; // the last good image is served until it is this old
    int grabTimeoutMs = 10'000;  // one grab (network and decoding), background included
    int dnsTimeoutMs = 1000;     // resolving a stream host for the allow-list
    qint64 cacheCapBytes = 64LL * 1024 * 1024;
    // (stream, format) pairs kept and refreshed; least recently asked dropped.
    int maxTrackedStreams = FrameCache::DefaultMaxEntries;
    int minRenewIntervalMs = 2000; // renew=1 grabs anew at most this often per stream and format
    // Grabs at once (GrabScheduler): mostly waiting on the network, so more than the cores; of them against
    // one stream host; and of slow streams (a grab outlasting slowGrabMs, AVideo's 2 s, or timing out), which
    // have a lane of their own so that they cannot hold the slots healthy streams need.
    int maxWorkers = qBound(4, 2 * QThread::idealThreadCount(), 16);
    int maxPerHost = 2;
    int maxSlowGrabs = 2;
    int slowGrabMs = 2000;
    int maxQueuedGrabs = 256;
    int maxPendingRequests = 256; // requests waiting for an answer; beyond it: 503 with Retry-After
    int retryAfterSeconds = 2;
    // A connection must deliver a whole request within requestTimeoutMs of opening (or of its last answer);
    // one kept alive (HTTP/1.1 without `Connection: close`) is closed after keepAliveIdleMs without a
    // request. Every other connection closes right after its answer: AVideo reads until the server closes.
    int requestTimeoutMs = 10'000;
    int keepAliveIdleMs = 5'000;
    // Connections from one address, and in all (0: the open-files limit less 128, at most 4096). Beyond
    // either, the oldest connection not being answered is closed to make room (ConnectionLimiter). AVideo
    // asks from one address, one connection per thumbnail.
    int maxConnectionsPerClient = 128;
    int maxConnections = 0;
    // Encode a made-up clip at start, once per process (warmUpAnimatedEncodersOnce()), so that the first
    // animated answer does not pay for the process's first clip. Off only to measure what it saves
    // (bench_animated).
    bool warmUpEncoders = true;

    // Stream hosts that may be fetched (see StreamAllowList). Empty: every image request is refused.
    QStringList allowedHosts;

    // HTTPS when both are set (PEM files; RSA or EC key).
    QString tlsCertificateFile;
    QString tlsKeyFile;

    // 400/403/404 answers carry their one-line reason in the body (and always in X-Avld-Reason). AVideo
    // caches any non-empty answer as if it were an image, so an operator may prefer empty bodies.
    bool reasonsInBody = true;

    // Sent with every grab. Empty user agent: "AVideoLiveDoctor/<version>", which AVideo's key protection
    // accepts (it wants a User-Agent starting with "AVideo" or a same-site Referer).
    QString userAgent;
    QString referer;

    // Checks ranges and combinations; the first problem found, in words.
    Status validate() const;
    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty() || !tlsKeyFile.isEmpty(); }
};

} // namespace avld
