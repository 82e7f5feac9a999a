#pragma once

#include "result.h"

#include <QString>
#include <QUrl>

namespace avld::test {

// The real AVideo of the `realsite` fixture as a test sees it: read from the info file that
// avld-real-avideo writes (path in AVLD_REALSITE_INFO, set by ctest for avld_realsite_test(); "{ppid}" in
// it stands for our parent's PID, ctest's).
struct RealsiteInfo {
    QUrl siteUrl;
    QString adminUser;
    QString adminPassword;
    QString streamerUser;
    QString streamerPassword;
    QString channel;
    int usersId = 0;
    QString key;             // the live's key as published and listed: {transmissionKey}-{live_index}
    QString transmissionKey; // live_transmitions.key
    QString rtmpUrl;         // the streamer's publish URL (…?s=…&…/{key})
    QString rtmpServer;      // the Live plugin's `server`
    QUrl hlsUrl;             // {playerServer}/{key}/index.m3u8
    QUrl watchUrl;           // the live's `href` in stats.json.php: live/0/{channel}/{live_index}
    QUrl playerServer;
    QUrl statUrl;
    QUrl encoderUrl; // at start: a closed loopback port (the encoder is down)
    QString treePath;
    QString mariadbSocket;
    QString database;
    qint64 startedMs = 0;

    static Result<RealsiteInfo> load(const QString& path);
    // From AVLD_REALSITE_INFO; when there is none, the error says why (not under ctest, the fixture failed
    // or was skipped and for what, …).
    static Result<RealsiteInfo> fromEnvironment();
    // CI=true: a missing real site is a failure there, never a skip.
    static bool underCi();

    // Fixture only (the product never does this): sets configurations.encoderURL through SQL. AVideo's
    // getImage.php reads it at once; pages that use Configuration::getEncoderURL() keep the old one up to
    // 60 s in AVideo's cache unless the site cache is cleared.
    Status setEncoderUrl(const QUrl& url) const;
};

} // namespace avld::test

// In initTestCase(): loads the fixture's site into `target` or skips the test (fails it under CI=true),
// saying what is missing.
#define AVLD_REQUIRE_REALSITE(target)                                                                        \
    do {                                                                                                     \
        const avld::Result<avld::test::RealsiteInfo> loaded_ = avld::test::RealsiteInfo::fromEnvironment();  \
        if (!loaded_) {                                                                                      \
            if (avld::test::RealsiteInfo::underCi())                                                         \
                QFAIL(qPrintable(loaded_.error().toString()));                                               \
            QSKIP(qPrintable(loaded_.error().toString()));                                                   \
        }                                                                                                    \
        (target) = *loaded_;                                                                                 \
    } while (false)
