# alerts: one lifecycle (raised, reminded, resolved; snooze, quiet hours) and one delivery queue for every
# channel (ntfy, Telegram, Discord, Slack, e-mail, webhook)
target_sources(avld_core PRIVATE
  alerts/alert.h alerts/alert.cpp
  alerts/quiethours.h alerts/quiethours.cpp
  alerts/alertlifecycle.h alerts/alertlifecycle.cpp
  alerts/alertchannel.h
  alerts/alertdelivery.h alerts/alertdelivery.cpp
  alerts/httpalertchannel.h alerts/httpalertchannel.cpp
  alerts/webhookchannel.h alerts/webhookchannel.cpp
  alerts/ntfychannel.h alerts/ntfychannel.cpp
  alerts/telegramchannel.h alerts/telegramchannel.cpp
  alerts/discordchannel.h alerts/discordchannel.cpp
  alerts/slackchannel.h alerts/slackchannel.cpp
  alerts/emailchannel.h alerts/emailchannel.cpp
  alerts/alertchannelconfig.h alerts/alertchannelconfig.cpp
  alerts/encoderalerts.h alerts/encoderalerts.cpp
  alerts/livealerts.h alerts/livealerts.cpp
  alerts/alertcenter.h alerts/alertcenter.cpp)
