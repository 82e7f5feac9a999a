#pragma once

#include "result.h"
#include "site/siteprofile.h"

namespace avld {

// The local demo site started by scripts/run.sh (avld-demo-site --info FILE): its profile and the admin
// login it prints. The demo's password is a throwaway of the simulator, shown on its console anyway.
struct DemoSite {
    SiteProfile profile;
    QString adminUser;
    QString adminPassword;
};

// Reads the file $AVLD_DEMO_INFO names; an Error says what is missing.
Result<DemoSite> readDemoSite(const QString& path);

} // namespace avld
