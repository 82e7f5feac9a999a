#include "encodertargetstore.h"

#include <QSettings>

namespace avld {

namespace {

bool sameKept(const EncoderTarget& a, const EncoderTarget& b) {
    return a.id == b.id && a.name == b.name && a.url == b.url && a.origin == b.origin &&
           a.intervalMs == b.intervalMs;
}

} // namespace

EncoderTargetStore::EncoderTargetStore(QSettings& settings, const QString& profileId)
    : m_settings(settings)
    , m_profileId(profileId) {}

QString EncoderTargetStore::group() const {
    return QStringLiteral("sites/%1/encoders").arg(m_profileId);
}

QList<EncoderTarget> EncoderTargetStore::keptOf(const QList<EncoderTarget>& targets) {
    QList<EncoderTarget> kept;
    for (const EncoderTarget& target : targets) {
        if (target.origin == EncoderOrigin::AdminAdded || target.origin == EncoderOrigin::Public)
            kept.append(target);
    }
    return kept;
}

QList<EncoderTarget> EncoderTargetStore::load() const {
    QList<EncoderTarget> targets;
    const int count = m_settings.beginReadArray(group());
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        EncoderTarget target;
        target.id = m_settings.value(QStringLiteral("id")).toString();
        target.name = m_settings.value(QStringLiteral("name")).toString();
        target.url = m_settings.value(QStringLiteral("url")).toUrl();
        target.origin = m_settings.value(QStringLiteral("public")).toBool() ? EncoderOrigin::Public
                                                                            : EncoderOrigin::AdminAdded;
        target.intervalMs =
            qBound(1000, m_settings.value(QStringLiteral("intervalMs"), 60'000).toInt(), 24 * 3600 * 1000);
        // A hand-edited or damaged entry is skipped rather than watched half-known.
        if (!target.id.isEmpty() && target.url.isValid() && !target.url.host().isEmpty())
            targets.append(target);
    }
    m_settings.endArray();
    return targets;
}

bool EncoderTargetStore::save(const QList<EncoderTarget>& targets) {
    const QList<EncoderTarget> kept = keptOf(targets);
    const QList<EncoderTarget> before = load();
    if (before.size() == kept.size() && std::equal(before.cbegin(), before.cend(), kept.cbegin(), sameKept))
        return false;
    m_settings.remove(group());
    m_settings.beginWriteArray(group(), int(kept.size()));
    for (int i = 0; i < kept.size(); ++i) {
        m_settings.setArrayIndex(i);
        const EncoderTarget& target = kept.at(i);
        m_settings.setValue(QStringLiteral("id"), target.id);
        m_settings.setValue(QStringLiteral("name"), target.name);
        m_settings.setValue(QStringLiteral("url"), target.url);
        m_settings.setValue(QStringLiteral("public"), target.origin == EncoderOrigin::Public);
        m_settings.setValue(QStringLiteral("intervalMs"), target.intervalMs);
    }
    m_settings.endArray();
    return true;
}

} // namespace avld
