#pragma once

#include <QString>

namespace avld::test {

// A row of AVideo's `live_transmitions` table (the stream key of a user) plus what the simulator needs to
// stage the situations clients must handle. Every field has a default so designated initializers can
// name only what matters: addLive({.key = "k", .user = "alice", .title = "Morning show"}).
struct SimulatedLive {
    QString key{};   // live_transmitions.key: what the publisher uses as its stream key
    QString user{};  // users.user of the owner; unknown names are created as streamers (<user>/<user>123)
    QString title{}; // live_transmitions.title
    int liveServersId = 0;
    // A live_transmitions_history row left unfinished (a hung live, issues #7919 / #9714): the site lists
    // the live although the media server does not have it.
    bool listedWhileNotPublishing = false;
    bool isPrivate = false;
    bool hidden = false; // listed under hidden_applications instead of applications
    QString description{};
    int categoriesId = 0;
};

} // namespace avld::test
