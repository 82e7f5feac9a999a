# encoders: the monitor on a worker thread, for the GUI (EncoderWatch)
target_sources(avld_core PRIVATE
  encoders/encoderseries.h encoders/encoderseries.cpp
  encoders/encoderwatchworker.h encoders/encoderwatchworker.cpp
  encoders/encoderwatch.h encoders/encoderwatch.cpp)
