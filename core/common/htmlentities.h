#pragma once

#include <QString>

namespace avld {

// Character references in text that came as HTML, decoded: numeric ones (&#233; &#x263A;) and the named
// ones of HTML 4 (&eacute; &nbsp; &zwnj;, from libxml2's table) plus &apos;. Only references ended by ';'
// are decoded, so "Q&A" and "AT&T" stay as they are; unknown names stay as text. A numeric reference to
// no character (0, a surrogate, past U+10FFFF) becomes U+FFFD. Tags are not touched.
QString decodeHtmlEntities(const QString& html);

} // namespace avld
