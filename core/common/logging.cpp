#include "logging.h"

Q_LOGGING_CATEGORY(lcSite, "avld.site", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMedia, "avld.media", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEncoders, "avld.encoders", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGenerator, "avld.generator", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "avld.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCore, "avld.core", QtInfoMsg)
