#pragma once

#include "session/livetile.h"

#include <QAbstractListModel>

namespace avld {

// The lives of the last refresh. A refresh updates rows in place by key, so the view keeps its selection
// and scroll position: only new lives are inserted and gone ones removed.
class LivesModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        TitleRole,
        UserRole,
        ViewersRole,
        BitrateRole,
        SiteImageRole,
        SiteClassRole,
        SiteDetailRole,
        SiteImageAgeRole,
        OurImageRole,
        OurErrorRole,
        OurFrameAgeRole,
        CheckedAtRole,
        BadgeRole,    // int(TileBadge)
        SeverityRole, // int(Severity)
        SummaryRole,
        HealthRole,       // int 0–100: the live's health score
        SoundRole,        // LiveSound: the live's sound, followed across refreshes
        SoundStateRole,   // int(LiveSound::State)
        SilentForRole,    // qint64 ms: how long the checks have heard nothing (0: sound, or not silent)
        PictureRole,      // LivePicture: the stream's picture, followed across refreshes
        PictureStateRole, // int(LivePicture::State)
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setTiles(const QList<LiveTile>& tiles);
    const QList<LiveTile>& tiles() const { return m_tiles; }
    int rowOfKey(const QString& key) const;

private:
    void removeGone(const QList<LiveTile>& tiles);
    void updateKept(const QList<LiveTile>& tiles);
    void appendNew(const QList<LiveTile>& tiles);

    QList<LiveTile> m_tiles;
};

} // namespace avld

Q_DECLARE_METATYPE(avld::LiveSound)
Q_DECLARE_METATYPE(avld::LivePicture)
