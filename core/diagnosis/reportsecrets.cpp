#include "reportsecrets.h"

namespace avld {

namespace {

// Path segments of this length or more may be a prefix; shorter ones ("live", "objects") are left alone.
constexpr qsizetype kSecretSegmentLength = 8;

void addPathSegments(const QUrl& url, QStringList& secrets) {
    for (const QString& segment : url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts))
        if (segment.size() >= kSecretSegmentLength)
            secrets.append(segment);
}

} // namespace

QStringList reportSecrets(const DiagnosisInput& input) {
    QStringList secrets;
    const SiteOverview& o = input.overview;
    addPathSegments(o.standInUrl, secrets);
    if (o.standInRunning && !o.standInUrl.isEmpty() && o.siteEncoderUrl.port() == o.standInUrl.port())
        addPathSegments(o.siteEncoderUrl, secrets);
    if (input.verification)
        addPathSegments(input.verification->expectedEncoderUrl, secrets);
    for (const EncoderSnapshot& e : o.encoders) {
        if (e.target.origin == EncoderOrigin::LocalStandIn)
            addPathSegments(e.target.url, secrets);
        if (!e.target.statusPassword.isEmpty())
            secrets.append(e.target.statusPassword);
    }
    if (input.login) {
        if (!input.login->passwordHash.isEmpty())
            secrets.append(input.login->passwordHash);
        if (!input.login->sessionId.isEmpty())
            secrets.append(input.login->sessionId);
    }
    secrets.removeDuplicates();
    // Longest first, so that a secret containing another is replaced whole.
    std::sort(secrets.begin(), secrets.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return secrets;
}

QString redactSecrets(QString text, const QStringList& secrets) {
    for (const QString& secret : secrets)
        text.replace(secret, QStringLiteral("••••••••"));
    return text;
}

} // namespace avld
