#pragma once

#include "encodertarget.h"

#include <QList>
#include <QString>

class QSettings;

namespace avld {

// The encoders an admin added to watch for one site (backups, public ones), kept with the site's profile
// (QSettings group "sites/<id>/encoders", so removing the profile removes them). The site's own encoder is
// not kept: the site says which it is. Nothing secret is kept: status credentials come from the keychain.
class EncoderTargetStore {
public:
    EncoderTargetStore(QSettings& settings, const QString& profileId);

    QList<EncoderTarget> load() const;
    // Replaces what was kept with the admin-added and public targets of `targets`; false when nothing
    // changed (no write).
    bool save(const QList<EncoderTarget>& targets);

    // The targets worth keeping, in order.
    static QList<EncoderTarget> keptOf(const QList<EncoderTarget>& targets);

private:
    QString group() const;

    QSettings& m_settings;
    QString m_profileId;
};

} // namespace avld
