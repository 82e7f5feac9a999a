<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>avld::AlertsSection</name>
    <message numerus="yes">
        <source>%n alert message(s) not delivered since the start; the last: %1</source>
        <translation>
            <numerusform>%n alert message not delivered since the start; the last: %1</numerusform>
            <numerusform>%n alert messages not delivered since the start; the last: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::CachePage</name>
    <message numerus="yes">
        <source>still the old one (%1, %2) after %n check(s)</source>
        <translation>
            <numerusform>still the old one (%1, %2) after %n check</numerusform>
            <numerusform>still the old one (%1, %2) after %n checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The site cleared %1. %n live(s) changed, %2 unchanged.</source>
        <translation>
            <numerusform>The site cleared %1. %n live changed, %2 unchanged.</numerusform>
            <numerusform>The site cleared %1. %n lives changed, %2 unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking the encoder for new images of %n live(s), then waiting for them…</source>
        <translation>
            <numerusform>Asking the encoder for new images of %n live, then waiting for them…</numerusform>
            <numerusform>Asking the encoder for new images of %n lives, then waiting for them…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The encoder served a new image for %1 of %n live(s); %2 still the old one, %3 with an error.</source>
        <translation>
            <numerusform>The encoder served a new image for %1 of %n live; %2 still the old one, %3 with an error.</numerusform>
            <numerusform>The encoder served a new image for %1 of %n lives; %2 still the old one, %3 with an error.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::DashboardPage</name>
    <message numerus="yes">
        <source>%n live(s)</source>
        <translation>
            <numerusform>%n live</numerusform>
            <numerusform>%n lives</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::DiagnosisRun</name>
    <message numerus="yes">
        <source>%n live(s) checked</source>
        <translation>
            <numerusform>%n live checked</numerusform>
            <numerusform>%n lives checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encoder(s) probed</source>
        <translation>
            <numerusform>%n encoder probed</numerusform>
            <numerusform>%n encoders probed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encoder(s) in the history</source>
        <translation>
            <numerusform>%n encoder in the history</numerusform>
            <numerusform>%n encoders in the history</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::EncodersPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n encoder(s)&lt;/b&gt;: %1</source>
        <translation>
            <numerusform>&lt;b&gt;%n encoder&lt;/b&gt;: %1</numerusform>
            <numerusform>&lt;b&gt;%n encoders&lt;/b&gt;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::LogPage</name>
    <message numerus="yes">
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>Exported %n message to %1</numerusform>
            <numerusform>Exported %n messages to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>Copied %n row.</numerusform>
            <numerusform>Copied %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::SettingsPage</name>
    <message numerus="yes">
        <source>%n value(s) refused and not saved; see the marked fields.</source>
        <translation>
            <numerusform>%n value refused and not saved; see the marked fields.</numerusform>
            <numerusform>%n values refused and not saved; see the marked fields.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::SiteWizard</name>
    <message numerus="yes">
        <source>✔ An AVideo site answers here; it lists %n running live(s).</source>
        <translation>
            <numerusform>✔ An AVideo site answers here; it lists %n running live.</numerusform>
            <numerusform>✔ An AVideo site answers here; it lists %n running lives.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed in as %1%2; the site lists %n running live(s).</source>
        <translation>
            <numerusform>Signed in as %1%2; the site lists %n running live.</numerusform>
            <numerusform>Signed in as %1%2; the site lists %n running lives.</numerusform>
        </translation>
    </message>
</context>
</TS>
