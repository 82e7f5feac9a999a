#pragma once

#include <QSize>
#include <QString>

namespace avld::test {

// One test publisher: a 720p test pattern with a clock drawn in, 2 s GOP, AAC audio, pushed over RTMP.
struct StreamSpec {
    QString key;
    QSize size{1280, 720};
    int fps = 25;
    int gopSeconds = 2;
    bool video = true;
    bool audio = true;
    // With audio: lavfi's sine (440 Hz, -18 dBFS peak) goes silent (digital zero) after this many seconds of
    // the publisher's run; 0: silent from the start; -1 (the default): it never stops.
    int soundStopsAfterSeconds = -1;
    // The whole picture (the clock with it) freezes on the frame it shows after this many seconds of the
    // publisher's run, frames still flowing at `fps` (lavfi's freezeframes); 0: still from the first frame;
    // -1 (the default): it never freezes.
    int pictureFreezesAfterSeconds = -1;
    // The whole picture turns black (drawbox filled) after this many seconds; 0: black from the start; -1
    // (the default): never.
    int pictureBlackAfterSeconds = -1;
    bool frameCounter = false; // the frame number drawn in binary too, for tests to read (FrameCounter)
    bool drawnClock = false;   // the wall clock it was made at, drawn in binary too (DrawnClock)
};

} // namespace avld::test
