# owned by one line of work
# The picture of a live over time (issue #17): still (frozen content) and black, measured within a segment,
# followed across checks, and what it means.
target_sources(avld_core PRIVATE
  media/segmentpicturespan.h media/segmentpicturespan.cpp
  site/livepicture.h site/livepicture.cpp
  session/picturetracker.h session/picturetracker.cpp
  diagnosis/picturechecks.cpp
)
