#include "uiresources.h"

#include <QtGlobal>

static void initResourcesOutsideNamespace() {
    Q_INIT_RESOURCE(resources);
}

namespace avld {

void initUiResources() {
    static const bool done = [] {
        initResourcesOutsideNamespace();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace avld
