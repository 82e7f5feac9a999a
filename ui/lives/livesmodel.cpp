#include "livesmodel.h"

#include "bitmapqt/qimagebridge.h"
#include "tilepicture.h"
#include "tilesound.h"

#include <QSet>
#include <QThreadPool>

#include <cmath>

namespace avld {

namespace {

QString toolTip(const LiveTile& tile) {
    QStringList lines{tile.title, tile.key};
    // The badge in plain words, with what to do about it.
    lines << LivesModel::tr("%1: %2").arg(tileBadgeText(tile.badge), tileBadgeExplanation(tile.badge));
    if (!tile.assessment.summary.isEmpty())
        lines << tile.assessment.summary;
    if (!tile.siteDetail.isEmpty())
        lines << LivesModel::tr("Site: %1").arg(tile.siteDetail);
    if (!tile.ourError.isEmpty())
        lines << LivesModel::tr("Our grab: %1").arg(tile.ourError);
    if (const QString picture = TilePicture::toolTip(tile.picture); !picture.isEmpty())
        lines << picture;
    if (const QString sound = TileSound::toolTip(tile.sound); !sound.isEmpty())
        lines << sound;
    return lines.join(QLatin1Char('\n'));
}

bool sameLevel(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameSound(const LiveSound& a, const LiveSound& b) {
    const bool sameLevels =
        a.levels.has_value() == b.levels.has_value() &&
        (!a.levels || (sameLevel(a.levels->peakDbfs, b.levels->peakDbfs) &&
                       sameLevel(a.levels->rmsDbfs, b.levels->rmsDbfs) &&
                       sameLevel(a.levels->momentaryMaxLufs, b.levels->momentaryMaxLufs)));
    return a.state == b.state && sameLevels && a.silentForMs() == b.silentForMs() &&
           a.unmeasured == b.unmeasured;
}

bool samePicture(const LivePicture& a, const LivePicture& b) {
    return a.state == b.state && a.stillForMs() == b.stillForMs() && a.blackForMs() == b.blackForMs() &&
           a.unmeasured == b.unmeasured;
}

bool sameSize(const Bitmap& a, const Bitmap& b) {
    return a.width() == b.width() && a.height() == b.height();
}

// Whether a view has to repaint the tile. Images compare by hash: comparing pixels would cost more than
// the repaint it saves.
bool sameLook(const LiveTile& a, const LiveTile& b) {
    return a.title == b.title && a.user == b.user && a.viewers == b.viewers && a.bitrateBps == b.bitrateBps &&
           a.siteImageHash == b.siteImageHash && sameSize(a.siteImage, b.siteImage) &&
           a.siteImageAgeMs == b.siteImageAgeMs && a.ourImageHash == b.ourImageHash &&
           sameSize(a.ourImage, b.ourImage) && a.ourError == b.ourError &&
           a.ourFrameAgeMs == b.ourFrameAgeMs && a.badge == b.badge &&
           a.assessment.severity == b.assessment.severity && a.assessment.summary == b.assessment.summary &&
           a.siteDetail == b.siteDetail && sameSound(a.sound, b.sound) && samePicture(a.picture, b.picture);
}

} // namespace

int LivesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_tiles.size());
}

QVariant LivesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LiveTile& tile = m_tiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return tile.title;
    case Qt::ToolTipRole:
        return toolTip(tile);
    case KeyRole:
        return tile.key;
    case UserRole:
        return tile.user;
    case ViewersRole:
        return tile.viewers;
    case BitrateRole:
        return tile.bitrateBps;
    case SiteImageRole:
        return toQImage(tile.siteImage); // shares the pixels
    case SiteClassRole:
        return int(tile.siteClass);
    case SiteDetailRole:
        return tile.siteDetail;
    case SiteImageAgeRole:
        return tile.siteImageAgeMs;
    case OurImageRole:
        return toQImage(tile.ourImage);
    case OurErrorRole:
        return tile.ourError;
    case OurFrameAgeRole:
        return tile.ourFrameAgeMs;
    case CheckedAtRole:
        return tile.checkedAt;
    case BadgeRole:
        return int(tile.badge);
    case SeverityRole:
        return int(tile.assessment.severity);
    case SummaryRole:
        return tile.assessment.summary;
    case HealthRole:
        return tile.health.value;
    case SoundRole:
        return QVariant::fromValue(tile.sound);
    case SoundStateRole:
        return int(tile.sound.state);
    case SilentForRole:
        return tile.sound.silentForMs();
    case PictureRole:
        return QVariant::fromValue(tile.picture);
    case PictureStateRole:
        return int(tile.picture.state);
    default:
        return {};
    }
}

QHash<int, QByteArray> LivesModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{KeyRole, "key"},
                  {TitleRole, "title"},
                  {UserRole, "user"},
                  {ViewersRole, "viewers"},
                  {BitrateRole, "bitrate"},
                  {SiteImageRole, "siteImage"},
                  {SiteClassRole, "siteClass"},
                  {SiteDetailRole, "siteDetail"},
                  {SiteImageAgeRole, "siteImageAge"},
                  {OurImageRole, "ourImage"},
                  {OurErrorRole, "ourError"},
                  {OurFrameAgeRole, "ourFrameAge"},
                  {CheckedAtRole, "checkedAt"},
                  {BadgeRole, "badge"},
                  {SeverityRole, "severity"},
                  {SummaryRole, "summary"},
                  {HealthRole, "health"},
                  {SoundRole, "sound"},
                  {SoundStateRole, "soundState"},
                  {SilentForRole, "silentFor"}});
    return names;
}

int LivesModel::rowOfKey(const QString& key) const {
    for (int row = 0; row < m_tiles.size(); ++row) {
        if (m_tiles.at(row).key == key)
            return row;
    }
    return -1;
}

void LivesModel::setTiles(const QList<LiveTile>& tiles) {
    // The pictures of the tiles replaced here are large buffers that go back to the system one munmap at a
    // time (memorypolicy.h): a worker thread drops the last references, not the GUI thread (about half of
    // a refresh's longest stall otherwise).
    QList<LiveTile> retired = m_tiles;
    removeGone(tiles);
    updateKept(tiles);
    appendNew(tiles);
    QThreadPool::globalInstance()->start([retired = std::move(retired)]() mutable { retired.clear(); });
}

void LivesModel::removeGone(const QList<LiveTile>& tiles) {
    QSet<QString> keys;
    for (const LiveTile& tile : tiles)
        keys.insert(tile.key);
    // From the bottom up, a run of gone rows at a time, so the rows above keep their numbers.
    for (int last = int(m_tiles.size()) - 1; last >= 0; --last) {
        if (keys.contains(m_tiles.at(last).key))
            continue;
        int first = last;
        while (first > 0 && !keys.contains(m_tiles.at(first - 1).key))
            --first;
        beginRemoveRows({}, first, last);
        m_tiles.remove(first, last - first + 1);
        endRemoveRows();
        last = first;
    }
}

void LivesModel::updateKept(const QList<LiveTile>& tiles) {
    QHash<QString, const LiveTile*> byKey;
    for (const LiveTile& tile : tiles)
        byKey.insert(tile.key, &tile);
    for (int row = 0; row < m_tiles.size(); ++row) {
        const LiveTile* fresh = byKey.value(m_tiles.at(row).key);
        if (!fresh)
            continue;
        const bool changed = !sameLook(m_tiles.at(row), *fresh);
        m_tiles[row] = *fresh;
        if (changed)
            Q_EMIT dataChanged(index(row), index(row));
    }
}

void LivesModel::appendNew(const QList<LiveTile>& tiles) {
    QSet<QString> known;
    for (const LiveTile& tile : std::as_const(m_tiles))
        known.insert(tile.key);
    QList<LiveTile> added;
    for (const LiveTile& tile : tiles) {
        if (!known.contains(tile.key)) {
            added.append(tile);
            known.insert(tile.key);
        }
    }
    if (added.isEmpty())
        return;
    const int first = int(m_tiles.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_tiles.append(added);
    endInsertRows();
}

} // namespace avld
