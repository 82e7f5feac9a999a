<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AVideo Live Doctor</source>
        <translation>关于 AVideo Live Doctor</translation>
    </message>
    <message>
        <source>Sees why an AVideo site&apos;s live gallery shows grey ONLINE/OFFLINE cards, watches its encoders, clears its caches and stands in as its thumbnail generator.</source>
        <translation>找出 AVideo 站点的直播列表为何显示灰色的 ONLINE/OFFLINE 卡片，监视其编码器，清除其缓存，并可代替编码器生成缩略图。</translation>
    </message>
</context>
<context>
    <name>DiagnosisText</name>
    <message>
        <source>this computer&apos;s stand-in</source>
        <translation>本机的替补</translation>
    </message>
    <message>
        <source>.</source>
        <comment>the full stop after a sentence</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>, getImage %1 (%2)</source>
        <translation>，getImage %1（%2）</translation>
    </message>
    <message>
        <source>, reachable in %1, frames not tested</source>
        <translation>，%1 内可达，画面未测试</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source>, %1 % up over 24 h</source>
        <translation>，24 小时在线率 %1 %</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>个编码器</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>probed at</source>
        <translation>探测时间</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>可达性</translation>
    </message>
    <message>
        <source>HTTP %1 in %2</source>
        <translation>%2 内返回 HTTP %1</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>无应答（%1）</translation>
    </message>
    <message>
        <source>getImage, as AVideo asks</source>
        <translation>getImage（按 AVideo 的方式请求）</translation>
    </message>
    <message>
        <source>%1, %2 (AVideo waits %3 ms)</source>
        <translation>%1，%2（AVideo 最多等待 %3 毫秒）</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>剩余 %1 天</translation>
    </message>
    <message>
        <source>its own status page says</source>
        <translation>其自身状态页面显示</translation>
    </message>
    <message>
        <source>its own status page</source>
        <translation>其自身状态页面</translation>
    </message>
    <message>
        <source> (the encoder shows its queue and memory only to an account of the site with upload rights)</source>
        <translation>（编码器只向拥有上传权限的站点账户显示其队列和内存）</translation>
    </message>
    <message>
        <source>up over 24 h</source>
        <translation>24 小时在线率</translation>
    </message>
    <message>
        <source>%1 % of %2 probes</source>
        <translation>%2 次探测中的 %1 %</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL could not be read: %1</source>
        <translation>无法读取站点的 Encoder URL：%1</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL is not known: sign in as an admin to read it.</source>
        <translation>站点的 Encoder URL 未知：请以管理员身份登录以读取它。</translation>
    </message>
    <message>
        <source>Sign in as an admin</source>
        <translation>以管理员身份登录</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 was not probed yet.</source>
        <translation>站点的编码器 %1 尚未探测。</translation>
    </message>
    <message>
        <source>Probe the encoders</source>
        <translation>探测编码器</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 does not work: %2%3 AVideo gets no frames from it and shows its ONLINE card.</source>
        <translation>站点的编码器 %1 无法工作：%2%3 AVideo 从它那里得不到画面，因此显示 ONLINE 卡片。</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 answers AVideo&apos;s thumbnail request in %2, beyond the %3 ms AVideo waits: visitors see the ONLINE card.</source>
        <translation>站点的编码器 %1 在 %2 内才答复 AVideo 的缩略图请求，超过了 AVideo 等待的 %3 毫秒：访客看到的是 ONLINE 卡片。</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 answers but gives no real frame: %2%3</source>
        <translation>站点的编码器 %1 有应答，但没有提供真实画面：%2%3</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 answers; its frames were not tested (no live to test with).</source>
        <translation>站点的编码器 %1 有应答；其画面未经测试（没有可用于测试的直播）。</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 gives real frames in %2 (AVideo waits %3 ms).</source>
        <translation>站点的编码器 %1 在 %2 内提供真实画面（AVideo 最多等待 %3 毫秒）。</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 has %2 waiting to be encoded: while it works through them its thumbnails for AVideo slow down; keep a backup encoder or the stand-in ready.</source>
        <translation>站点的编码器 %1 有 %2 等待编码：在处理这些视频期间，它为 AVideo 生成缩略图会变慢；请准备好备用编码器或替补。</translation>
    </message>
    <message>
        <source>video</source>
        <translation>个视频</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>个视频</translation>
    </message>
    <message>
        <source>Watch a backup encoder to switch to</source>
        <translation>监视一个可切换的备用编码器</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 has expired: AVideo refuses it.</source>
        <translation>%1 的 TLS 证书已过期：AVideo 会拒绝它。</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 ends in %2: renew it before AVideo refuses it.</source>
        <translation>%1 的 TLS 证书将在 %2后到期：请在 AVideo 拒绝它之前续期。</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>%1 gives real frames in %2: switch the site&apos;s Encoder URL to it while the site&apos;s encoder is down.</source>
        <translation>%1 在 %2 内提供真实画面：在站点的编码器宕机期间，请将站点的 Encoder URL 切换到它。</translation>
    </message>
    <message>
        <source>%1 answers (its frames could not be tested without a live): switch the site&apos;s Encoder URL to it while the site&apos;s encoder is down.</source>
        <translation>%1 有应答（没有直播，无法测试其画面）：在站点的编码器宕机期间，请将站点的 Encoder URL 切换到它。</translation>
    </message>
    <message>
        <source>what switching means</source>
        <translation>切换意味着什么</translation>
    </message>
    <message>
        <source>Put %1 in the site&apos;s Encoder URL (Site Configurations)</source>
        <translation>将 %1 填入站点的 Encoder URL（Site Configurations）</translation>
    </message>
    <message>
        <source>No other encoder is watched: when the site&apos;s encoder fails there is nothing tested to switch to. Add a backup encoder (or keep the stand-in ready).</source>
        <translation>没有监视其他编码器：站点的编码器出故障时，没有经过测试的编码器可以切换。请添加一个备用编码器（或准备好替补）。</translation>
    </message>
    <message>
        <source>Add a backup encoder</source>
        <translation>添加备用编码器</translation>
    </message>
    <message>
        <source>None of the %1 watched as backups works right now.</source>
        <translation>作为备用监视的 %1都无法正常工作。</translation>
    </message>
    <message>
        <source>encoders</source>
        <translation>个编码器</translation>
    </message>
    <message>
        <source>Add a backup encoder that works</source>
        <translation>添加一个能正常工作的备用编码器</translation>
    </message>
    <message>
        <source>%1 of %2 watched as backups %3.</source>
        <translation>作为备用监视的 %2中有 %1 个%3。</translation>
    </message>
    <message>
        <source>works</source>
        <translation>正常工作</translation>
    </message>
    <message>
        <source>work</source>
        <translation>正常工作</translation>
    </message>
    <message>
        <source>running for</source>
        <translation>已运行</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>requests answered</source>
        <translation>已答复的请求</translation>
    </message>
    <message>
        <source>%1 (%2 images, %3 refused)</source>
        <translation>%1（%2 张图片，%3 个被拒绝）</translation>
    </message>
    <message>
        <source>streams kept fresh</source>
        <translation>保持更新的直播流</translation>
    </message>
    <message>
        <source>grabs</source>
        <translation>抓取</translation>
    </message>
    <message>
        <source>%1, %2 failed</source>
        <translation>%1，%2 次失败</translation>
    </message>
    <message>
        <source>last image</source>
        <translation>最近的图片</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <source>The local stand-in is not running: started and given to the site as its Encoder URL, it makes the lives&apos; thumbnails from their streams while the encoder is down.</source>
        <translation>本地替补没有运行：启动它并将其作为站点的 Encoder URL 后，它会在编码器宕机期间根据直播流生成直播缩略图。</translation>
    </message>
    <message>
        <source>The local stand-in is not running; it is not needed while the site&apos;s encoder works.</source>
        <translation>本地替补没有运行；站点的编码器正常工作时不需要它。</translation>
    </message>
    <message>
        <source>stand-in</source>
        <translation>替补</translation>
    </message>
    <message>
        <source>The stand-in runs, but the site&apos;s Encoder URL does not point at it: the site still asks the failing encoder.</source>
        <translation>替补正在运行，但站点的 Encoder URL 没有指向它：站点仍在向出故障的编码器请求。</translation>
    </message>
    <message>
        <source>The stand-in runs and is ready; the site uses its own encoder.</source>
        <translation>替补正在运行且已就绪；站点使用它自己的编码器。</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL points at the stand-in; whether visitors get its frames was not verified.</source>
        <translation>站点的 Encoder URL 指向替补；尚未验证访客是否能看到它的画面。</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>重新验证</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The site serves the stand-in&apos;s frames: %1.</source>
        <translation>站点提供的是替补的画面：%1。</translation>
    </message>
    <message>
        <source>The site serves the stand-in&apos;s frames for only part of the lives: %1. %2</source>
        <translation>站点只为部分直播提供替补的画面：%1。%2</translation>
    </message>
    <message>
        <source>Clear the live caches</source>
        <translation>清除直播缓存</translation>
    </message>
    <message>
        <source>The site does not serve the stand-in&apos;s frames: %1. %2</source>
        <translation>站点没有提供替补的画面：%1。%2</translation>
    </message>
    <message>
        <source>Whether the site serves the stand-in&apos;s frames could not be checked: %1</source>
        <translation>无法检查站点是否提供替补的画面：%1</translation>
    </message>
    <message>
        <source>probes of the site&apos;s encoder in 24 h</source>
        <translation>24 小时内对站点编码器的探测</translation>
    </message>
    <message>
        <source>alerts go to</source>
        <translation>警报发送到</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>无处</translation>
    </message>
    <message>
        <source>The history holds %1 probes of the site&apos;s encoder over the last 24 h: a watch runs on this computer.</source>
        <translation>历史记录中有过去 24 小时内对站点编码器的 %1 次探测：本机上正在运行监视。</translation>
    </message>
    <message>
        <source>Nobody keeps watching the encoders: run `avideo-live-doctor encoders --watch --webhook URL` on a server (or keep this window open), so that a failing encoder alerts you before visitors see cards.</source>
        <translation>没有人在持续监视编码器：请在服务器上运行 `avideo-live-doctor encoders --watch --webhook URL`（或保持此窗口打开），以便在访客看到卡片之前就收到编码器故障警报。</translation>
    </message>
    <message>
        <source>Keep a watch with alerts running</source>
        <translation>保持运行带警报的监视</translation>
    </message>
    <message>
        <source>The encoders are watched, but alerts go nowhere: give the watch a webhook.</source>
        <translation>编码器受到监视，但警报没有发送到任何地方：请为监视设置一个 webhook。</translation>
    </message>
    <message>
        <source>Send the alerts somewhere</source>
        <translation>把警报发送到某处</translation>
    </message>
    <message>
        <source>The encoders are watched and alerts go to %1.</source>
        <translation>编码器受到监视，警报发送到 %1。</translation>
    </message>
    <message>
        <source>%1 work: when one fails there is another to switch to.</source>
        <translation>%1正常工作：其中一个出故障时，还有另一个可以切换。</translation>
    </message>
    <message>
        <source>Only one encoder works: keep a second one (another encoder, or stand-ins behind a load balancer) to switch to.</source>
        <translation>只有一个编码器正常工作：请再准备一个（另一个编码器，或负载均衡器后面的多个替补）以便切换。</translation>
    </message>
    <message>
        <source>No encoder works: nothing to switch to.</source>
        <translation>没有正常工作的编码器：无处可切换。</translation>
    </message>
    <message>
        <source>When the encoder gives nothing, visitors see the streamer&apos;s poster for %1; for the others, AVideo&apos;s ONLINE card.</source>
        <translation>编码器没有提供画面时，%1的访客看到的是主播的海报；其他直播的访客看到的是 AVideo 的 ONLINE 卡片。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>个直播</translation>
    </message>
    <message>
        <source>lives</source>
        <translation>个直播</translation>
    </message>
    <message>
        <source>When the encoder gives nothing, visitors see AVideo&apos;s grey ONLINE card; a poster uploaded for each live looks better while the encoder is repaired.</source>
        <translation>编码器没有提供画面时，访客看到的是 AVideo 的灰色 ONLINE 卡片；在修复编码器期间，为每个直播上传一张海报会更好看。</translation>
    </message>
    <message>
        <source>the publisher&apos;s source is frozen — check the camera or the OBS scene</source>
        <translation>推流端的画面源已冻结——请检查摄像头或 OBS 场景</translation>
    </message>
    <message>
        <source>%1 has shown the same picture for %2 (since %3) while publishing: %4.</source>
        <translation>%1 在推流时画面已连续 %2 保持相同（自 %3 起）：%4。</translation>
    </message>
    <message>
        <source>%1 has shown the same picture for %2 of its newest segment while publishing: %3.</source>
        <translation>%1 在推流时，其最新分片中有 %2 画面相同：%3。</translation>
    </message>
    <message>
        <source>%1 lives show the same picture while publishing, the longest %2 for %3: their publishers&apos; sources are frozen — check the cameras or the OBS scenes.</source>
        <translation>%1 个直播在推流时画面保持不变，最长的是%2，已持续 %3：它们推流端的画面源已冻结——请检查摄像头或 OBS 场景。</translation>
    </message>
    <message>
        <source>the stream runs but its picture is black — a covered lens, an empty OBS scene or a source that gives no video</source>
        <translation>直播流在运行，但画面是黑的——镜头被遮住、OBS 场景为空，或视频源没有输出画面</translation>
    </message>
    <message>
        <source>%1 has been black for %2 (since %3): %4.</source>
        <translation>%1 已黑屏 %2（自 %3 起）：%4。</translation>
    </message>
    <message>
        <source>%1 has been black for %2 of its newest segment: %3.</source>
        <translation>%1 的最新分片中有 %2 是黑屏：%3。</translation>
    </message>
    <message>
        <source>%1 is black: %2.</source>
        <translation>%1 是黑屏：%2。</translation>
    </message>
    <message>
        <source>%1 lives are black, the longest %2 for %3: their streams run but show no picture.</source>
        <translation>%1 个直播黑屏，最长的是%2，已持续 %3：它们的直播流在运行，但没有画面。</translation>
    </message>
    <message>
        <source>%1 lives are black: their streams run but show no picture.</source>
        <translation>%1 个直播黑屏：它们的直播流在运行，但没有画面。</translation>
    </message>
    <message>
        <source>Check the streamer&apos;s camera or OBS scene (a frozen capture, a still image or a stalled source); the stream itself is running</source>
        <translation>请检查主播的摄像头或 OBS 场景（采集卡死、静态图片或画面源卡住）；直播流本身仍在运行</translation>
    </message>
    <message>
        <source>Check the streamer&apos;s camera (lens cover, cable) and the OBS scene&apos;s video source; the stream itself is running</source>
        <translation>请检查主播的摄像头（镜头盖、线缆）和 OBS 场景的视频源；直播流本身仍在运行</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>未获取</translation>
    </message>
    <message>
        <source>not grabbed</source>
        <translation>未抓取</translation>
    </message>
    <message>
        <source>, %1 s behind the live edge</source>
        <translation>，落后直播 %1 秒</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>visitors see: %1; our frame: %2</source>
        <translation>访客看到：%1；我们的画面：%2</translation>
    </message>
    <message>
        <source>working (last probe)</source>
        <translation>正常（最近一次探测）</translation>
    </message>
    <message>
        <source>degraded (last probe)</source>
        <translation>降级（最近一次探测）</translation>
    </message>
    <message>
        <source>failing (last probe)</source>
        <translation>故障（最近一次探测）</translation>
    </message>
    <message>
        <source>Point the site&apos;s Encoder URL at the running stand-in</source>
        <translation>将站点的 Encoder URL 指向正在运行的替补</translation>
    </message>
    <message>
        <source>Start the stand-in, then point the site&apos;s Encoder URL at it</source>
        <translation>启动替补，然后将站点的 Encoder URL 指向它</translation>
    </message>
    <message>
        <source>The site was not checked: the diagnosis ended before.</source>
        <translation>站点未检查：诊断在此之前已结束。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>The site&apos;s list of lives cannot be read: %1</source>
        <translation>无法读取站点的直播列表：%1</translation>
    </message>
    <message>
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The site answers and lists %1.</source>
        <translation>站点有应答，列出了%1。</translation>
    </message>
    <message>
        <source>check took</source>
        <translation>检查用时</translation>
    </message>
    <message>
        <source>AVideo version</source>
        <translation>AVideo 版本</translation>
    </message>
    <message>
        <source>not read: </source>
        <translation>未读取：</translation>
    </message>
    <message>
        <source>Signed in as %1, an admin: the Encoder URL and the caches can be read and cleared.</source>
        <translation>已以管理员 %1 的身份登录：可以读取 Encoder URL，并读取和清除缓存。</translation>
    </message>
    <message>
        <source>Signed in as %1, who is not an admin: the site&apos;s Encoder URL cannot be read nor its caches cleared. Sign in as an admin.</source>
        <translation>已以 %1 的身份登录，但该用户不是管理员：无法读取站点的 Encoder URL，也无法清除其缓存。请以管理员身份登录。</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Not signed in: the site&apos;s Encoder URL and caches were not looked at. Sign in as an admin to check them.</source>
        <translation>未登录：没有查看站点的 Encoder URL 和缓存。请以管理员身份登录以检查它们。</translation>
    </message>
    <message>
        <source>What visitors see is unknown: the site&apos;s lives could not be read.</source>
        <translation>访客看到的内容未知：无法读取站点的直播。</translation>
    </message>
    <message>
        <source>%1 still %2 a card from before the encoder gave frames again.</source>
        <translation>%1 仍%2着编码器恢复画面之前的卡片。</translation>
    </message>
    <message>
        <source>shows</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>a static poster</source>
        <translation>静态海报</translation>
    </message>
    <message>
        <source>the ONLINE card</source>
        <translation>ONLINE 卡片</translation>
    </message>
    <message>
        <source>a placeholder</source>
        <translation>占位图</translation>
    </message>
    <message>
        <source>%1 %2 %3 although %4 pictures: the site&apos;s encoder gives no frames.</source>
        <translation>%1 %2%3，尽管%4画面：站点的编码器没有提供画面。</translation>
    </message>
    <message>
        <source>its stream has</source>
        <translation>其直播流有</translation>
    </message>
    <message>
        <source>their streams have</source>
        <translation>它们的直播流有</translation>
    </message>
    <message>
        <source>The site&apos;s %1 answers %2 for %3: visitors see a broken image. The site&apos;s PHP error log says why.</source>
        <translation>站点的 %1 对 %3 返回了 %2：访客看到的是损坏的图片。站点的 PHP 错误日志会说明原因。</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no picture</source>
        <translation>没有画面</translation>
    </message>
    <message>
        <source>%1 %2 no picture of %3 own: the problem is the stream, not the site or its encoder.</source>
        <translation>%1 %2属于%3自己的画面：问题出在直播流，而不是站点或其编码器。</translation>
    </message>
    <message>
        <source>has</source>
        <translation>有</translation>
    </message>
    <message>
        <source>have</source>
        <translation>有</translation>
    </message>
    <message>
        <source>Ask the streamer to check the encoder software (OBS) and restart the stream</source>
        <translation>请主播检查编码软件（OBS）并重新开始推流</translation>
    </message>
    <message>
        <source>%1 %2 a placeholder, and the stream could not be checked from here.</source>
        <translation>%1 %2占位图，且无法从这里检查直播流。</translation>
    </message>
    <message>
        <source>The thumbnail of %1 did not reach this computer: what visitors see is unknown.</source>
        <translation>%1 的缩略图没有到达本机：访客看到的内容未知。</translation>
    </message>
    <message>
        <source>No live is running: there are no thumbnails to check right now.</source>
        <translation>没有直播在进行：当前没有缩略图需要检查。</translation>
    </message>
    <message>
        <source>%1 %2 a real frame.</source>
        <translation>%1%2真实画面。</translation>
    </message>
    <message>
        <source>The live</source>
        <translation>该直播</translation>
    </message>
    <message>
        <source>All %1 lives</source>
        <translation>全部 %1 个直播都</translation>
    </message>
    <message>
        <source>No live shows a problem (%1 of %2 with a real frame).</source>
        <translation>没有直播显示出问题（%2 个中有 %1 个是真实画面）。</translation>
    </message>
    <message>
        <source>The encoder gives frames now, but %1 still %2 a card: AVideo keeps the card it cached 5 minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.</source>
        <translation>编码器现在已提供画面，但%1仍%2卡片：除非清除缓存，AVideo 会把缓存的卡片保留 5 分钟（jpg）到 15 分钟（webp、gif）。</translation>
    </message>
    <message>
        <source>Clearing the caches would not help yet: the site&apos;s encoder gives no frames, so AVideo would cache a new card. Fix the encoder (or switch to the stand-in) first.</source>
        <translation>现在清除缓存没有帮助：站点的编码器不提供画面，AVideo 会缓存一张新卡片。请先修复编码器（或切换到替补）。</translation>
    </message>
    <message>
        <source>No live shows a card AVideo kept in its cache. (Clearing the caches needs an admin.)</source>
        <translation>没有直播显示 AVideo 缓存中保留的卡片。（清除缓存需要管理员权限。）</translation>
    </message>
    <message>
        <source>No live shows a card AVideo kept in its cache.</source>
        <translation>没有直播显示 AVideo 缓存中保留的卡片。</translation>
    </message>
    <message>
        <source>last cleared by this tool</source>
        <translation>本工具上次清除的时间</translation>
    </message>
    <message>
        <source>%1, %2 another picture after it</source>
        <translation>%1，之后%2了其他画面</translation>
    </message>
    <message>
        <source>live showed</source>
        <translation>个直播显示</translation>
    </message>
    <message>
        <source>lives showed</source>
        <translation>个直播显示</translation>
    </message>
    <message>
        <source>%1, failed: %2</source>
        <translation>%1，失败：%2</translation>
    </message>
    <message>
        <source>not since it started</source>
        <translation>自启动以来没有</translation>
    </message>
    <message>
        <source>AVideo keeps a live&apos;s picture</source>
        <translation>AVideo 保留直播画面的时长</translation>
    </message>
    <message>
        <source>5 min (jpg, png), 15 min (webp, gif)</source>
        <translation>5 分钟（jpg、png），15 分钟（webp、gif）</translation>
    </message>
    <message>
        <source>The media server was not looked at: the site&apos;s lives could not be read.</source>
        <translation>未查看媒体服务器：无法读取站点的直播。</translation>
    </message>
    <message>
        <source>The site lists %1 the media server does not receive: nobody is publishing %2.</source>
        <translation>站点列出的%1在媒体服务器上没有收到：没有人在推流%2。</translation>
    </message>
    <message>
        <source>it</source>
        <translation>它</translation>
    </message>
    <message>
        <source>them</source>
        <translation>它们</translation>
    </message>
    <message>
        <source>Ask the streamer to start the stream again</source>
        <translation>请主播重新开始推流</translation>
    </message>
    <message>
        <source>This computer cannot reach the media server for %1, so their frames could not be compared: check DNS and the firewall between here and %2.</source>
        <translation>本机无法访问%1的媒体服务器，因此无法比较它们的画面：请检查本机与 %2 之间的 DNS 和防火墙。</translation>
    </message>
    <message>
        <source>the media server</source>
        <translation>媒体服务器</translation>
    </message>
    <message>
        <source>The media server receives %1 the site does not list: the site lost track of %2 (an ended or unregistered live that still publishes).</source>
        <translation>媒体服务器收到了站点没有列出的%1：站点丢失了对%2的跟踪（已结束或未登记但仍在推流的直播）。</translation>
    </message>
    <message>
        <source>the stream %1</source>
        <translation>直播流 %1</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>个直播流</translation>
    </message>
    <message>
        <source>streams</source>
        <translation>个直播流</translation>
    </message>
    <message>
        <source>publishing on the media server, not in the site&apos;s list</source>
        <translation>在媒体服务器上推流，但不在站点的列表中</translation>
    </message>
    <message>
        <source>The media server&apos;s stat page cannot be read (%1): lives the site lists and nobody publishes, or the reverse, go unnoticed.</source>
        <translation>无法读取媒体服务器的统计页面（%1）：站点列出但无人推流的直播（或反过来的情况）将不会被发现。</translation>
    </message>
    <message>
        <source>: the streams were not compared.</source>
        <translation>：未比较直播流。</translation>
    </message>
    <message>
        <source>The media server and the site agree on the lives.</source>
        <translation>媒体服务器和站点的直播一致。</translation>
    </message>
    <message>
        <source>media server</source>
        <translation>媒体服务器</translation>
    </message>
    <message>
        <source> since %1</source>
        <translation> 自 %1 起</translation>
    </message>
    <message>
        <source>1 live shows %1</source>
        <translation>1 个直播显示%1</translation>
    </message>
    <message>
        <source>%1 lives show %2</source>
        <translation>%1 个直播显示%2</translation>
    </message>
    <message>
        <source>the site&apos;s encoder</source>
        <translation>站点的编码器</translation>
    </message>
    <message>
        <source>Checking the site…</source>
        <translation>正在检查站点…</translation>
    </message>
    <message>
        <source>Cannot read the site&apos;s lives: %1</source>
        <translation>无法读取站点的直播：%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The site&apos;s %1 answers %2 for %3: visitors see broken images. The site&apos;s PHP error log says why.</source>
        <translation>站点的 %1 对 %3 返回了 %2：访客看到的是损坏的图片。站点的 PHP 错误日志会说明原因。</translation>
    </message>
    <message>
        <source>%1 lives</source>
        <translation>%1 个直播</translation>
    </message>
    <message>
        <source>a static poster instead of a live frame</source>
        <translation>静态海报而不是直播画面</translation>
    </message>
    <message>
        <source>a placeholder instead of a frame</source>
        <translation>占位图而不是画面</translation>
    </message>
    <message>
        <source>Your encoder %1 is %2%3, so %4</source>
        <translation>你的编码器 %1%3处于%2状态，因此%4</translation>
    </message>
    <message>
        <source>%1 although the stream has pictures: %2 gives no frames</source>
        <translation>%1，尽管直播流有画面：%2没有提供画面</translation>
    </message>
    <message>
        <source>Your encoder %1 gives frames again, but %2 from before: AVideo keeps it 5 minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.</source>
        <translation>你的编码器 %1 已恢复提供画面，但%2是之前的：除非清除缓存，AVideo 会将其保留 5 分钟（jpg）到 15 分钟（webp、gif）。</translation>
    </message>
    <message>
        <source>1 live still shows a card</source>
        <translation>1 个直播仍显示卡片</translation>
    </message>
    <message>
        <source>%1 lives still show cards</source>
        <translation>%1 个直播仍显示卡片</translation>
    </message>
    <message>
        <source>The site now asks this computer&apos;s stand-in for its thumbnails, but %1 from before the switch: AVideo keeps it 5 minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.</source>
        <translation>站点现在向本机的替补请求缩略图，但%1是切换之前的：除非清除缓存，AVideo 会将其保留 5 分钟（jpg）到 15 分钟（webp、gif）。</translation>
    </message>
    <message>
        <source>. The stand-in runs: point the site&apos;s Encoder URL at it?</source>
        <translation>。替补正在运行：要将站点的 Encoder URL 指向它吗？</translation>
    </message>
    <message>
        <source>Switch the site to it…</source>
        <translation>将站点切换到它…</translation>
    </message>
    <message>
        <source>. Start the stand-in and switch?</source>
        <translation>。要启动替补并切换吗？</translation>
    </message>
    <message>
        <source>Start the stand-in</source>
        <translation>启动替补</translation>
    </message>
    <message>
        <source>%1 works again, but %2: the site serves them from its cache.</source>
        <translation>%1 已恢复正常，但%2：站点是从缓存中提供它们的。</translation>
    </message>
    <message>
        <source>a card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>%1 no picture of its own: the problem is the stream, not the site.</source>
        <translation>%1没有自己的画面：问题出在直播流，而不是站点。</translation>
    </message>
    <message>
        <source>1 live has</source>
        <translation>1 个直播</translation>
    </message>
    <message>
        <source>%1 lives have</source>
        <translation>%1 个直播</translation>
    </message>
    <message>
        <source>Show the lives</source>
        <translation>查看直播</translation>
    </message>
    <message>
        <source>Your encoder %1 is %2%3; the lives look fine for now.</source>
        <translation>你的编码器 %1%3处于%2状态；直播目前看起来正常。</translation>
    </message>
    <message>
        <source>Show the encoders</source>
        <translation>查看编码器</translation>
    </message>
    <message>
        <source>a card instead of a frame</source>
        <translation>卡片而不是画面</translation>
    </message>
    <message>
        <source>No lives are running on the site right now.</source>
        <translation>站点上当前没有正在进行的直播。</translation>
    </message>
    <message>
        <source>The live shows a real frame, from this computer&apos;s stand-in.</source>
        <translation>该直播显示的是真实画面，来自本机的替补。</translation>
    </message>
    <message>
        <source>All %1 lives show real frames, from this computer&apos;s stand-in.</source>
        <translation>全部 %1 个直播都显示真实画面，来自本机的替补。</translation>
    </message>
    <message>
        <source>The live shows a real frame.</source>
        <translation>该直播显示的是真实画面。</translation>
    </message>
    <message>
        <source>All %1 lives show real frames.</source>
        <translation>全部 %1 个直播都显示真实画面。</translation>
    </message>
    <message>
        <source>no sound above %1 dBFS</source>
        <translation>没有高于 %1 dBFS 的声音</translation>
    </message>
    <message>
        <source>%1 has been silent for %2: %3 in any check since %4.</source>
        <translation>%1 已静音 %2：自 %4 以来的任何检查中都%3。</translation>
    </message>
    <message>
        <source>%1 is silent: its newest segment (%2) has %3.</source>
        <translation>%1 静音：其最新分片（%2）%3。</translation>
    </message>
    <message>
        <source>%1 lives are silent, the longest %2 for %3: %4.</source>
        <translation>%1 个直播静音，最长的是%2，已持续 %3：%4。</translation>
    </message>
    <message>
        <source>%1 lives are silent: their newest segments have %2.</source>
        <translation>%1 个直播静音：它们的最新分片%2。</translation>
    </message>
    <message>
        <source>Lower the microphone or music gain in OBS until its meter stays out of the red.</source>
        <translation>请在 OBS 中调低麦克风或音乐的增益，直到其电平表不再进入红区。</translation>
    </message>
    <message>
        <source>%1 peaks at full scale (%2 dBFS): its sound may distort. %3</source>
        <translation>%1 的峰值达到满刻度（%2 dBFS）：声音可能失真。%3</translation>
    </message>
    <message>
        <source>%1 lives peak at full scale: their sound may distort. %2</source>
        <translation>%1 个直播的峰值达到满刻度：声音可能失真。%2</translation>
    </message>
    <message>
        <source>%1 %2 sound</source>
        <translation>%1%2声音</translation>
    </message>
    <message>
        <source>%1 %2 no audio, which is not a fault: many lives carry none</source>
        <translation>%1%2音频，这不是故障：很多直播都不带音频</translation>
    </message>
    <message>
        <source>Check the streamer&apos;s microphone or audio source in OBS (muted, unplugged or the wrong device); the stream itself is running</source>
        <translation>请检查主播的麦克风或 OBS 中的音频源（静音、未插好或选错设备）；直播流本身仍在运行</translation>
    </message>
    <message>
        <source>has</source>
        <comment>… no picture of its own</comment>
        <translation>没有任何</translation>
    </message>
    <message>
        <source>have</source>
        <comment>… no picture of their own</comment>
        <translation>没有任何</translation>
    </message>
    <message>
        <source>its</source>
        <comment>no picture of its own</comment>
        <translation>其</translation>
    </message>
    <message>
        <source>their</source>
        <comment>no picture of their own</comment>
        <translation>它们</translation>
    </message>
    <message>
        <source>has</source>
        <comment>… no audio</comment>
        <translation>没有</translation>
    </message>
    <message>
        <source>have</source>
        <comment>… no audio</comment>
        <translation>没有</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>无法检查</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>&lt;div class=&quot;small&quot;&gt;no picture&lt;/div&gt;</source>
        <translation>&lt;div class=&quot;small&quot;&gt;没有画面&lt;/div&gt;</translation>
    </message>
    <message>
        <source>Diagnosis of %1</source>
        <translation>%1 的诊断</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the report&apos;s language, as HTML&apos;s lang attribute</comment>
        <translation>zh-CN</translation>
    </message>
    <message>
        <source>&lt;h1&gt;AVideo Live Doctor — diagnosis of %1&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;AVideo Live Doctor — %1 的诊断&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&lt;div class=&quot;meta&quot;&gt;%1 · %2 · generated by AVideo Live Doctor %3%4&lt;/div&gt;</source>
        <translation>&lt;div class=&quot;meta&quot;&gt;%1 · %2 · 由 AVideo Live Doctor %3%4 生成&lt;/div&gt;</translation>
    </message>
    <message>
        <source> · &lt;b&gt;cancelled before every check ran&lt;/b&gt;</source>
        <translation> · &lt;b&gt;在所有检查完成前已取消&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;table class=&quot;evidence&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;span class=&quot;score&quot;&gt;%1&lt;/span&gt; / 100&lt;/td&gt;&lt;td&gt;Health score: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;table class=&quot;evidence&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;span class=&quot;score&quot;&gt;%1&lt;/span&gt; / 100&lt;/td&gt;&lt;td&gt;健康评分：&lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span class=&quot;small&quot;&gt;Points lost:</source>
        <translation>&lt;br&gt;&lt;span class=&quot;small&quot;&gt;扣分：</translation>
    </message>
    <message>
        <source>&lt;h2&gt;What to do&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;处理建议&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing: every item of the checklist passed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;无需处理：检查清单中的每一项都通过了。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The checklist&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;Item&lt;/th&gt;&lt;th&gt;Result&lt;/th&gt;&lt;th&gt;What we found&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;h2&gt;检查清单&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;项目&lt;/th&gt;&lt;th&gt;结果&lt;/th&gt;&lt;th&gt;发现&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The lives&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;直播&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No live to show.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有可显示的直播。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;small&quot;&gt;Each live: what visitors see (the site&apos;s thumbnail) beside our own frame of the stream.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;small&quot;&gt;每个直播：访客看到的内容（站点的缩略图）与我们自己从直播流抓取的画面并排显示。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 s behind the live edge</source>
        <translation>落后直播 %1 秒</translation>
    </message>
    <message>
        <source>grabbed</source>
        <translation>已抓取</translation>
    </message>
    <message>
        <source>grab failed: </source>
        <translation>抓取失败：</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;visitors see: %2%3&lt;br&gt;our frame: %4&lt;br&gt;score %5/100 (%6)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;访客看到：%2%3&lt;br&gt;我们的画面：%4&lt;br&gt;评分 %5/100（%6）</translation>
    </message>
    <message>
        <source> (fetched %1)</source>
        <translation>（获取于 %1）</translation>
    </message>
    <message>
        <source>&lt;div class=&quot;film&quot;&gt;&lt;div class=&quot;pair&quot;&gt;&lt;div&gt;%1&lt;div class=&quot;small&quot;&gt;the site&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%2&lt;div class=&quot;small&quot;&gt;our frame&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%3&lt;/div&gt;&lt;/div&gt;</source>
        <translation>&lt;div class=&quot;film&quot;&gt;&lt;div class=&quot;pair&quot;&gt;&lt;div&gt;%1&lt;div class=&quot;small&quot;&gt;站点&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%2&lt;div class=&quot;small&quot;&gt;我们的画面&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%3&lt;/div&gt;&lt;/div&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The encoders&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;编码器&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No encoder was watched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有监视任何编码器。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;th&gt;Encoder&lt;/th&gt;&lt;th&gt;Role&lt;/th&gt;&lt;th&gt;State&lt;/th&gt;&lt;th&gt;getImage&lt;/th&gt;&lt;th&gt;Reachable&lt;/th&gt;&lt;th&gt;Up 24 h&lt;/th&gt;&lt;th&gt;Up 7 d&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;th&gt;编码器&lt;/th&gt;&lt;th&gt;角色&lt;/th&gt;&lt;th&gt;状态&lt;/th&gt;&lt;th&gt;getImage&lt;/th&gt;&lt;th&gt;可达性&lt;/th&gt;&lt;th&gt;24 小时在线率&lt;/th&gt;&lt;th&gt;7 天在线率&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>last 24 h</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Uptime, %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;在线率，%1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The local generator&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;本地生成器&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timeline&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;时间线&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No state change or action was recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有记录任何状态变化或操作。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;th&gt;When&lt;/th&gt;&lt;th&gt;What&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;th&gt;时间&lt;/th&gt;&lt;th&gt;事件&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>无法将报告写入 %1：%2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>请选择一个你有写权限的文件夹。</translation>
    </message>
    <message>
        <source>%1 is neither a .html nor a .pdf file.</source>
        <translation>%1 既不是 .html 也不是 .pdf 文件。</translation>
    </message>
    <message>
        <source>Name the report FILE.html or FILE.pdf.</source>
        <translation>请将报告命名为 FILE.html 或 FILE.pdf。</translation>
    </message>
    <message>
        <source>Shift report, %1</source>
        <translation>值班报告，%1</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Shift report — %1&lt;/h1&gt;&lt;div class=&quot;meta&quot;&gt;%2 · %3 to %4 · AVideo Live Doctor %5&lt;/div&gt;</source>
        <translation>&lt;h1&gt;值班报告 — %1&lt;/h1&gt;&lt;div class=&quot;meta&quot;&gt;%2 · %3 至 %4 · AVideo Live Doctor %5&lt;/div&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Encoders&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;Encoder&lt;/th&gt;&lt;th&gt;Up&lt;/th&gt;&lt;th&gt;Probes&lt;/th&gt;&lt;th&gt;Outages&lt;/th&gt;&lt;th&gt;Longest&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;h2&gt;编码器&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;编码器&lt;/th&gt;&lt;th&gt;在线率&lt;/th&gt;&lt;th&gt;探测次数&lt;/th&gt;&lt;th&gt;中断&lt;/th&gt;&lt;th&gt;最长&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Outages and changes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;中断和变化&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No encoder changed state during the shift.&lt;/p&gt;</source>
        <translation>&lt;p&gt;值班期间没有编码器改变状态。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The history holds no probe of the site&apos;s encoder between %1 and %2: nothing watched it during the shift.</source>
        <translation>在 %1 到 %2 之间，历史记录中没有对站点编码器的任何探测：值班期间没有任何东西在监视它。</translation>
    </message>
    <message>
        <source>%1 was up %2 % of the shift (%3 probes)</source>
        <translation>%1 在值班期间的在线率为 %2 %（%3 次探测）</translation>
    </message>
    <message>
        <source>; no outage.</source>
        <translation>；没有中断。</translation>
    </message>
    <message>
        <source>; %1, the longest %2 (%3–%4%5).</source>
        <translation>；%1，最长一次 %2（%3–%4%5）。</translation>
    </message>
    <message>
        <source>, still down</source>
        <translation>，仍然宕机</translation>
    </message>
    <message>
        <source>no probes</source>
        <translation>没有探测</translation>
    </message>
    <message>
        <source>%1 % healthy of %2 probes</source>
        <translation>%2 次探测中 %1 % 正常</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>1 outage</source>
        <translation>1 次中断</translation>
    </message>
    <message>
        <source>%1 outages</source>
        <translation>%1 次中断</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Versions&lt;/h2&gt;&lt;table class=&quot;evidence&quot;&gt;</source>
        <translation>&lt;h2&gt;版本&lt;/h2&gt;&lt;table class=&quot;evidence&quot;&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;AVideo (the site)&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;AVideo（站点）&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Encoder %1&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;编码器 %1&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>This headless build writes HTML reports only, not PDF.</source>
        <translation>此无界面版本只能生成 HTML 报告，不能生成 PDF。</translation>
    </message>
    <message>
        <source>Give --report FILE.html (and print it to PDF from a browser), or run the desktop package&apos;s avideo-live-doctor for a PDF.</source>
        <translation>请使用 --report 文件.html（再用浏览器打印为 PDF），或运行桌面软件包中的 avideo-live-doctor 生成 PDF。</translation>
    </message>
</context>
<context>
    <name>EncoderCellText</name>
    <message>
        <source>Not probed yet.</source>
        <translation>尚未探测。</translation>
    </message>
    <message>
        <source>Not asked for a frame: no live of the site to ask for.</source>
        <translation>未请求画面：站点没有可请求的直播。</translation>
    </message>
    <message>
        <source>Not asked for a frame: the encoder did not answer.</source>
        <translation>未请求画面：编码器没有响应。</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>未测试</translation>
    </message>
    <message>
        <source>getImage answered %1 in %2 ms (AVideo waits %3 ms)</source>
        <translation>getImage 在 %2 毫秒内返回了%1（AVideo 最多等待 %3 毫秒）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>%1 / %2 / %3 / %4 / %5 ms</source>
        <translation>%1 / %2 / %3 / %4 / %5 毫秒</translation>
    </message>
</context>
<context>
    <name>EncoderStateWords</name>
    <message>
        <source>reachable</source>
        <translation>可达</translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>较差</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>很差</translation>
    </message>
    <message>
        <source>the newest frame of the stream is %1 s old</source>
        <translation>直播流的最新画面已是 %1 秒前的</translation>
    </message>
    <message>
        <source>its newest segment is silent</source>
        <translation>其最新分片是静音的</translation>
    </message>
    <message>
        <source>its newest segment shows the same picture throughout</source>
        <translation>其最新分片自始至终是同一画面</translation>
    </message>
</context>
<context>
    <name>LiveWords</name>
    <message>
        <source>%1: listed by the site but the media server receives no stream &quot;%2&quot;; visitors see it as live but nothing plays</source>
        <translation>%1：站点列出了该直播，但媒体服务器没有收到直播流“%2”；访客看到它在直播，但什么也播放不了</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is publishing to the media server but the site does not list it (unknown key, or the site&apos;s stats cache is stale)</source>
        <translation>“%1”正在向媒体服务器推流，但站点没有列出它（未知的密钥，或站点的统计缓存已过时）</translation>
    </message>
    <message>
        <source>%1: the site&apos;s %2 answered HTTP %3: visitors see a broken image (%4)</source>
        <translation>%1：站点的 %2 返回了 HTTP %3：访客看到的是损坏的图片（%4）</translation>
    </message>
    <message>
        <source>%1: the site shows a static poster, not a live frame — the encoder is not producing thumbnails (AVideo falls back to the streamer&apos;s poster)</source>
        <translation>%1：站点显示的是静态海报而不是直播画面——编码器没有生成缩略图（AVideo 退而显示主播的海报）</translation>
    </message>
    <message>
        <source>%1: the site shows the %2 while the stream has real pictures — the encoder is not producing thumbnails</source>
        <translation>%1：直播流有真实画面，但站点显示的是%2——编码器没有生成缩略图</translation>
    </message>
    <message>
        <source>%1: this computer cannot reach the media server%2 (%3); the stream was not checked — visitors may still play it. Check this computer&apos;s network and firewall, or give --player-server with an address it can reach</source>
        <translation>%1：本机无法访问媒体服务器%2（%3）；未检查直播流——访客可能仍能播放。请检查本机的网络和防火墙，或用 --player-server 指定一个本机能访问的地址</translation>
    </message>
    <message>
        <source>%1: the stream cannot be read: %2</source>
        <translation>%1：无法读取直播流：%2</translation>
    </message>
    <message>
        <source>%1: the stream itself shows no picture (%2)</source>
        <translation>%1：直播流本身没有画面（%2）</translation>
    </message>
    <message>
        <source>%1: the site shows a static poster, not a live frame — the encoder gives AVideo no thumbnail (AVideo falls back to the streamer&apos;s poster); the stream itself was not checked</source>
        <translation>%1：站点显示的是静态海报而不是直播画面——编码器没有给 AVideo 提供缩略图（AVideo 退而显示主播的海报）；直播流本身未检查</translation>
    </message>
    <message>
        <source>%1: the site shows the %2</source>
        <translation>%1：站点显示的是%2</translation>
    </message>
    <message>
        <source>%1: this computer could not fetch the site&apos;s thumbnail (%2); what visitors see was not checked</source>
        <translation>%1：本机无法获取站点的缩略图（%2）；未检查访客看到的内容</translation>
    </message>
    <message>
        <source>%1: no thumbnail checked</source>
        <translation>%1：未检查缩略图</translation>
    </message>
    <message>
        <source>%1: real thumbnail</source>
        <translation>%1：真实缩略图</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>RecommendationWords</name>
    <message>
        <source> since %1</source>
        <translation> 自 %1 起</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 is %2%3: %4%5</source>
        <translation>站点的编码器 %1%3处于%2状态：%4%5</translation>
    </message>
    <message>
        <source> No healthy alternative is being watched: start the stand-in, or add an encoder that works.</source>
        <translation> 没有监视任何正常的备用编码器：请启动替补，或添加一个能正常工作的编码器。</translation>
    </message>
    <message>
        <source> Best alternative: %1 (%2)</source>
        <translation> 最佳替代：%1（%2）</translation>
    </message>
    <message>
        <source>, real frames in %1 ms</source>
        <translation>，%1 毫秒内提供真实画面</translation>
    </message>
    <message>
        <source>, reachable, frames not tested: no live was running to ask it for a frame, so look at a live&apos;s thumbnail after switching</source>
        <translation>，可达，画面未测试：当时没有正在运行的直播可供请求画面，因此切换后请查看某个直播的缩略图</translation>
    </message>
    <message>
        <source>. Switching sets the site&apos;s Encoder URL to it: AVideo then asks it for every live thumbnail, and also sends uploaded videos there for encoding unless forceEncoderURL or the encoder network overrides it.</source>
        <translation>。切换会将站点的 Encoder URL 设为它：之后 AVideo 会向它请求每个直播缩略图，并且除非被 forceEncoderURL 或编码器网络覆盖，还会把上传的视频发给它编码。</translation>
    </message>
    <message>
        <source> The stand-in makes thumbnails only, not video encodings: switch back once your encoder works again.</source>
        <translation> 替补只生成缩略图，不进行视频编码：你的编码器恢复正常后请切换回去。</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 is %2%3.</source>
        <translation>站点的编码器 %1%3处于%2状态。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>How often the tool looks, how long it waits, where the stand-in generator listens, and where secrets are kept. Changes take effect when applied.</source>
        <translation>工具多久检查一次、最多等待多久、替补生成器在哪里监听，以及密钥保存在哪里。更改在应用后生效。</translation>
    </message>
    <message>
        <source>Lives</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Encoders</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>The window changes language the next time it opens.</source>
        <translation>窗口将在下次打开时切换语言。</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <source>Fill every field with its default value; Apply keeps them.</source>
        <translation>将每个字段填为默认值；点“应用”后保存。</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Show the stored values again, dropping unapplied edits.</source>
        <translation>重新显示已保存的值，丢弃未应用的修改。</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>TileBadgeWords</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>TilePicture</name>
    <message>
        <source>still %1</source>
        <translation>静止 %1</translation>
    </message>
    <message>
        <source>black %1</source>
        <translation>黑屏 %1</translation>
    </message>
    <message>
        <source>black</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <source>Picture: the same for %1 — %2. The publisher&apos;s source is frozen: check the camera or the OBS scene (a frozen capture, a still image or a stalled source); the stream itself is running.</source>
        <translation>画面：已连续 %1 保持相同 — %2。推流端的画面源已冻结：请检查摄像头或 OBS 场景（采集卡死、静态图片或画面源卡住）；直播流本身仍在运行。</translation>
    </message>
    <message>
        <source>in every check since %1</source>
        <translation>自 %1 以来的每次检查中</translation>
    </message>
    <message>
        <source>throughout the stream&apos;s newest segment</source>
        <translation>在直播流最新的分片中始终如此</translation>
    </message>
    <message>
        <source>Picture: black for %1 (since %2).</source>
        <translation>画面：黑屏 %1（自 %2 起）。</translation>
    </message>
    <message>
        <source>Picture: black.</source>
        <translation>画面：黑屏。</translation>
    </message>
    <message>
        <source> Check the streamer&apos;s camera (lens cover, cable) and the OBS scene&apos;s video source; the stream itself is running.</source>
        <translation> 请检查主播的摄像头（镜头盖、线缆）和 OBS 场景的视频源；直播流本身仍在运行。</translation>
    </message>
    <message>
        <source>The newest check saw no picture: %1.</source>
        <translation>最近一次检查没有看到画面：%1。</translation>
    </message>
</context>
<context>
    <name>TileSound</name>
    <message>
        <source>silent %1</source>
        <translation>静音 %1</translation>
    </message>
    <message>
        <source>no audio</source>
        <translation>无音频</translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation>%1 LUFS</translation>
    </message>
    <message>
        <source>peak %1 dBFS</source>
        <translation>峰值 %1 dBFS</translation>
    </message>
    <message>
        <source>Sound: not measured (%1).</source>
        <translation>声音：未测量（%1）。</translation>
    </message>
    <message>
        <source>Sound: the stream carries no audio. Not a fault: many lives have none.</source>
        <translation>声音：该直播流不含音频。这不是故障：很多直播都没有音频。</translation>
    </message>
    <message>
        <source>Sound: silent for %1 — nothing above %2 dBFS %3. Check the streamer&apos;s microphone or audio source in OBS (muted, unplugged or the wrong device); the stream itself is running.</source>
        <translation>声音：静音 %1 — %3没有高于 %2 dBFS 的声音。请检查主播的麦克风或 OBS 中的音频源（静音、未插好或选错设备）；直播流本身仍在运行。</translation>
    </message>
    <message>
        <source>in any check since %1</source>
        <translation>自 %1 以来的任何检查中</translation>
    </message>
    <message>
        <source>in the stream&apos;s newest segment (%1 s)</source>
        <translation>在直播流最新的分片中（%1 秒）</translation>
    </message>
    <message>
        <source>Sound: peak %1 dBFS, RMS %2 dBFS</source>
        <translation>声音：峰值 %1 dBFS，RMS %2 dBFS</translation>
    </message>
    <message>
        <source>, loudness %1 LUFS</source>
        <translation>，响度 %1 LUFS</translation>
    </message>
    <message>
        <source> in the newest segment.</source>
        <translation>（最新分片）。</translation>
    </message>
    <message>
        <source> It reaches full scale and may distort: lower the gain in OBS.</source>
        <translation> 声音达到满刻度，可能失真：请在 OBS 中调低增益。</translation>
    </message>
    <message>
        <source> Silent for its last %1 s.</source>
        <translation> 最后 %1 秒为静音。</translation>
    </message>
    <message>
        <source>The newest check did not measure it: %1.</source>
        <translation>最近一次检查没有测量：%1。</translation>
    </message>
</context>
<context>
    <name>TrayAlerts</name>
    <message>
        <source>Still: %1</source>
        <translation>仍未解决：%1</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>已解决：%1</translation>
    </message>
</context>
<context>
    <name>avld::AboutDialog</name>
    <message>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
    <message>
        <source>%1 %2
Qt %3 (built with %4)
%5
%6</source>
        <translation>%1 %2
Qt %3（构建时为 %4）
%5
%6</translation>
    </message>
</context>
<context>
    <name>avld::AddEncoderDialog</name>
    <message>
        <source>Add an encoder</source>
        <translation>添加编码器</translation>
    </message>
    <message>
        <source>URL of the encoder, as in AVideo&apos;s Encoder URL setting:</source>
        <translation>编码器的 URL，与 AVideo 的 Encoder URL 设置中的相同：</translation>
    </message>
    <message>
        <source>Edit encoder</source>
        <translation>编辑编码器</translation>
    </message>
    <message>
        <source>How the encoder is shown here; empty: its host</source>
        <translation>此处显示的名称；留空则显示其主机名</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Set by the site&apos;s Encoder URL setting</source>
        <translation>由站点的 Encoder URL 设置决定</translation>
    </message>
    <message>
        <source>As in AVideo&apos;s Encoder URL setting</source>
        <translation>与 AVideo 的 Encoder URL 设置中的相同</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL：</translation>
    </message>
    <message>
        <source>Time between two probes while the encoder&apos;s state holds (%1 s to %2 s)</source>
        <translation>编码器状态不变时两次探测之间的间隔（%1 秒到 %2 秒）</translation>
    </message>
    <message>
        <source>&amp;Probe every:</source>
        <translation>探测间隔(&amp;P)：</translation>
    </message>
    <message>
        <source>This is the site&apos;s own encoder: its URL is the site&apos;s Encoder URL setting, so change it there. Here you can rename it and set how often it is probed.</source>
        <translation>这是站点自己的编码器：它的 URL 就是站点的 Encoder URL 设置，请在那里修改。这里可以重命名它，并设置探测频率。</translation>
    </message>
    <message>
        <source>This is not a URL.</source>
        <translation>这不是 URL。</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>URL 必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The URL has no host.</source>
        <translation>URL 中没有主机名。</translation>
    </message>
    <message>
        <source>Give the encoder&apos;s root, without ?query or #fragment.</source>
        <translation>请填写编码器的根地址，不要带 ?查询 或 #片段。</translation>
    </message>
    <message>
        <source>Already watched as “%1”.</source>
        <translation>已作为“%1”被监视。</translation>
    </message>
    <message>
        <source>A new address for the same encoder: its history continues under the new address. Its state starts again from unknown, with a probe at once.</source>
        <translation>同一编码器的新地址：其历史记录将在新地址下继续。其状态将从“未知”重新开始，并立即探测一次。</translation>
    </message>
</context>
<context>
    <name>avld::AlertCenter</name>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation>%1；%2 秒后重试</translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation>已于 %1 送达</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>未送达：%1</translation>
    </message>
    <message>
        <source>Alerts to %1 cannot be sent: %2</source>
        <translation>无法向 %1 发送告警：%2</translation>
    </message>
</context>
<context>
    <name>avld::AlertChannelDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>告警渠道</translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>电子邮件 (SMTP)</translation>
    </message>
    <message>
        <source>Webhook (JSON)</source>
        <translation>Webhook (JSON)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>optional, e.g. &quot;Ops on call&quot;</source>
        <translation>可选，例如“值班运维”</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Bot API address:</source>
        <translation>Bot API 地址：</translation>
    </message>
    <message>
        <source>optional; Telegram&apos;s own when empty</source>
        <translation>可选；留空则使用 Telegram 官方地址</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>doctor@example.org</source>
        <translation>doctor@example.org</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>ops@example.org, oncall@example.org</source>
        <translation>ops@example.org, oncall@example.org</translation>
    </message>
    <message>
        <source> (leave empty to keep the one in the keychain)</source>
        <translation>（留空则保留钥匙串中的值）</translation>
    </message>
    <message>
        <source>Topic URL:</source>
        <translation>主题 URL：</translation>
    </message>
    <message>
        <source>https://ntfy.sh/my-avideo-alerts</source>
        <translation>https://ntfy.sh/my-avideo-alerts</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>访问令牌：</translation>
    </message>
    <message>
        <source>optional, for a protected topic</source>
        <translation>可选，用于受保护的主题</translation>
    </message>
    <message>
        <source>The picture goes as an ntfy attachment.</source>
        <translation>画面以 ntfy 附件的形式发送。</translation>
    </message>
    <message>
        <source>Chat id:</source>
        <translation>聊天 ID：</translation>
    </message>
    <message>
        <source>-1001234567890 or @channel</source>
        <translation>-1001234567890 或 @channel</translation>
    </message>
    <message>
        <source>Bot token:</source>
        <translation>Bot 令牌：</translation>
    </message>
    <message>
        <source>from @BotFather</source>
        <translation>从 @BotFather 获取</translation>
    </message>
    <message>
        <source>With a picture the bot sends a photo with the text as its caption.</source>
        <translation>有画面时，机器人发送一张照片，并以文字作为说明。</translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation>Webhook URL：</translation>
    </message>
    <message>
        <source>https://discord.com/api/webhooks/…</source>
        <translation>https://discord.com/api/webhooks/…</translation>
    </message>
    <message>
        <source>The webhook URL is a secret (anyone with it can post): it is kept in the keychain. The picture is attached to the message.</source>
        <translation>Webhook URL 是机密（拿到它的人都能发消息）：它保存在钥匙串中。画面作为附件随消息发送。</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation>https://hooks.slack.com/services/…</translation>
    </message>
    <message>
        <source>Slack incoming webhooks take no files: the message says so and the picture stays in the window and the other channels.</source>
        <translation>Slack 传入 webhook 不接受文件：消息中会说明这一点，画面仍显示在窗口和其他渠道中。</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>SMTP 服务器：</translation>
    </message>
    <message>
        <source>smtps://user@mail.example.org:465 or smtp://user@mail.example.org:587</source>
        <translation>smtps://user@mail.example.org:465 或 smtp://user@mail.example.org:587</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>smtps:// is TLS from the start; smtp:// must switch to TLS (STARTTLS) except to this computer&apos;s own mail server. The picture is attached.</source>
        <translation>smtps:// 从一开始就使用 TLS；smtp:// 必须切换到 TLS（STARTTLS），本机邮件服务器除外。画面作为附件发送。</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL：</translation>
    </message>
    <message>
        <source>https://automation.example.org/hooks/avideo</source>
        <translation>https://automation.example.org/hooks/avideo</translation>
    </message>
    <message>
        <source>Secret URL:</source>
        <translation>机密 URL：</translation>
    </message>
    <message>
        <source>optional: a URL kept in the keychain instead of the one above</source>
        <translation>可选：保存在钥匙串中的 URL，用来代替上面的 URL</translation>
    </message>
    <message>
        <source>A JSON POST with the alert&apos;s facts; the picture in base64.</source>
        <translation>以 JSON POST 发送告警详情；画面以 base64 编码。</translation>
    </message>
    <message>
        <source>Give its %1.</source>
        <translation>请填写它的%1。</translation>
    </message>
</context>
<context>
    <name>avld::AlertsSection</name>
    <message>
        <source>ntfy</source>
        <translation>ntfy</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>webhook URL in the keychain</source>
        <translation>钥匙串中的 webhook URL</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1（经由 %2）</translation>
    </message>
    <message>
        <source>chat %1</source>
        <translation>聊天 %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Where encoder alerts go besides this window: raised, reminded while they last, and resolved, each with the encoder&apos;s latest picture where the channel takes one. Changes here are kept at once.</source>
        <translation>除本窗口外，编码器告警还会发送到这些地方：触发时、持续期间的提醒以及解除时都会发送，渠道支持时附带编码器的最新画面。此处的更改会立即保存。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>上次测试</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Send test alert</source>
        <translation>发送测试告警</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Remind every:</source>
        <translation>提醒间隔：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Quiet hours:</source>
        <translation>免打扰时段：</translation>
    </message>
    <message>
        <source>Send critical alerts (an encoder offline) during quiet hours</source>
        <translation>免打扰时段仍发送严重告警（编码器离线）</translation>
    </message>
    <message>
        <source>Warnings are held during quiet hours and sent as one summary when they end.</source>
        <translation>免打扰时段内的警告会被暂存，结束时汇总为一条发送。</translation>
    </message>
    <message>
        <source>Raised now:</source>
        <translation>当前触发的告警：</translation>
    </message>
    <message>
        <source>Snooze for 1 hour</source>
        <translation>暂停提醒 1 小时</translation>
    </message>
    <message>
        <source>Snooze all for 1 hour</source>
        <translation>全部暂停提醒 1 小时</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message numerus="yes">
        <source>%n alert message(s) not delivered since the start; the last: %1</source>
        <translation>
            <numerusform>自启动以来有 %n 条告警消息未送达；最近一条：%1</numerusform>
        </translation>
    </message>
    <message>
        <source> (snoozed until %1)</source>
        <translation>（已暂停提醒至 %1）</translation>
    </message>
    <message>
        <source>No alert is raised.</source>
        <translation>当前没有触发的告警。</translation>
    </message>
    <message>
        <source>The secret could not be kept in the keychain: %1</source>
        <translation>无法将机密保存到钥匙串：%1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>avld::AllowedHostsEditor</name>
    <message>
        <source>Only streams on these hosts are fetched (double-click to edit).</source>
        <translation>只获取这些主机上的直播流（双击编辑）。</translation>
    </message>
    <message>
        <source>host, IP or CIDR</source>
        <translation>主机、IP 或 CIDR</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>avld::CachePage</name>
    <message>
        <source>the site cache and all object caches</source>
        <translation>站点缓存和所有对象缓存</translation>
    </message>
    <message>
        <source>the site cache</source>
        <translation>站点缓存</translation>
    </message>
    <message>
        <source>all object caches</source>
        <translation>所有对象缓存</translation>
    </message>
    <message>
        <source>nothing it reported</source>
        <translation>站点未报告任何内容</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>new image served (%1)</source>
        <translation>已提供新图片（%1）</translation>
    </message>
    <message numerus="yes">
        <source>still the old one (%1, %2) after %n check(s)</source>
        <translation>
            <numerusform>%n 次检查后仍是旧图片（%1，%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>?</source>
        <translation>？</translation>
    </message>
    <message>
        <source>%1 — %2 · key %3
Visitors see: %4</source>
        <translation>%1 — %2 · 密钥 %3
访客看到的是：%4</translation>
    </message>
    <message>
        <source>AVideo keeps each live&apos;s thumbnail for up to 5 minutes (15 for animated ones). Clearing the caches makes it ask the encoder again at once.</source>
        <translation>AVideo 会把每个直播的缩略图缓存最多 5 分钟（动图为 15 分钟）。清除缓存会让它立即重新向编码器请求。</translation>
    </message>
    <message>
        <source>Waiting for the first check of the site&apos;s lives…</source>
        <translation>正在等待对站点直播的第一次检查…</translation>
    </message>
    <message>
        <source>Clear the site&apos;s caches</source>
        <translation>清除站点缓存</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>First page only</source>
        <translation>仅首页</translation>
    </message>
    <message>
        <source>My session only</source>
        <translation>仅我的会话</translation>
    </message>
    <message>
        <source>Ask the encoder for new images first</source>
        <translation>先让编码器生成新图片</translation>
    </message>
    <message>
        <source>Otherwise the site may cache the encoder&apos;s old picture again.</source>
        <translation>否则站点可能会再次缓存编码器的旧画面。</translation>
    </message>
    <message>
        <source>Clear live caches</source>
        <translation>清除直播缓存</translation>
    </message>
    <message>
        <source>Not cleared yet in this session.</source>
        <translation>本次会话中尚未清除。</translation>
    </message>
    <message>
        <source>Renew chosen lives on the encoder</source>
        <translation>在编码器上更新所选直播</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>then clear the caches</source>
        <translation>然后清除缓存</translation>
    </message>
    <message>
        <source>Clears the caches as chosen above once the encoder has the new images, so the site shows them at once.</source>
        <translation>编码器生成新图片后，按上面的选择清除缓存，让站点立即显示新图片。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Renew selected on the encoder</source>
        <translation>在编码器上更新所选项</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Asking the encoder for new images, then clearing…</source>
        <translation>正在让编码器生成新图片，然后清除…</translation>
    </message>
    <message>
        <source>Clearing, then looking at every live&apos;s thumbnail again…</source>
        <translation>正在清除，然后重新查看每个直播的缩略图…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not cleared:&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;未清除：&lt;/b&gt;%1&lt;br&gt;%2</translation>
    </message>
    <message numerus="yes">
        <source>The site cleared %1. %n live(s) changed, %2 unchanged.</source>
        <translation>
            <numerusform>站点清除了%1。%n 个直播有变化，%2 个没有变化。</numerusform>
        </translation>
    </message>
    <message>
        <source>No live&apos;s thumbnail changed: visitors see the same pictures as before.</source>
        <translation>没有任何直播的缩略图发生变化：访客看到的画面和之前一样。</translation>
    </message>
    <message>
        <source>%1
%2 → %3</source>
        <translation>%1
%2 → %3</translation>
    </message>
    <message>
        <source>  ·  Encoder: %1</source>
        <translation>  ·  编码器：%1</translation>
    </message>
    <message>
        <source>Cannot read the site&apos;s lives: %1</source>
        <translation>无法读取站点的直播：%1</translation>
    </message>
    <message>
        <source>The site lists no live right now.</source>
        <translation>站点当前没有列出任何直播。</translation>
    </message>
    <message>
        <source>Tick the lives whose images the encoder should make again.</source>
        <translation>勾选需要编码器重新生成图片的直播。</translation>
    </message>
    <message>
        <source>Asks %1 for new images of the ticked lives (getImage with renew=1).</source>
        <translation>向 %1 请求所勾选直播的新图片（getImage，renew=1）。</translation>
    </message>
    <message>
        <source>The encoder keeps each live&apos;s image for 10 minutes; renewing makes it grab a new frame now.</source>
        <translation>编码器会将每个直播的图片保留 10 分钟；更新会让它立即抓取新画面。</translation>
    </message>
    <message numerus="yes">
        <source>Asking the encoder for new images of %n live(s), then waiting for them…</source>
        <translation>
            <numerusform>正在向编码器请求 %n 个直播的新图片，然后等待…</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Not renewed:&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;未更新：&lt;/b&gt;%1&lt;br&gt;%2</translation>
    </message>
    <message numerus="yes">
        <source>The encoder served a new image for %1 of %n live(s); %2 still the old one, %3 with an error.</source>
        <translation>
            <numerusform>编码器为 %n 个直播中的 %1 个提供了新图片；%2 个仍是旧图片，%3 个出错。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::DashboardPage</name>
    <message>
        <source>Lives</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Encoders</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>Stand-in</source>
        <translation>替补</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>after the first check</source>
        <translation>第一次检查之后</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <source>%1 · −%2: %3</source>
        <translation>%1 · −%2：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n live(s)</source>
        <translation>
            <numerusform>%n 个直播</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 real thumbnails · %2 ONLINE cards
%3 OFFLINE cards · %4 other placeholders</source>
        <translation>%1 个真实缩略图 · %2 个 ONLINE 卡片
%3 个 OFFLINE 卡片 · %4 个其他占位图</translation>
    </message>
    <message>
        <source>Checked at %1 in %2 s</source>
        <translation>检查于 %1，用时 %2 秒</translation>
    </message>
    <message>
        <source>Reading the site…</source>
        <translation>正在读取站点…</translation>
    </message>
    <message>
        <source>%1 reachable</source>
        <translation>%1 个可达</translation>
    </message>
    <message>
        <source>%1 online</source>
        <translation>%1 个在线</translation>
    </message>
    <message>
        <source>frames not tested: no live to ask for one
</source>
        <translation>画面未测试：没有可请求的直播
</translation>
    </message>
    <message>
        <source>%1 reachable, frames not tested
</source>
        <translation>%1 个可达，画面未测试
</translation>
    </message>
    <message>
        <source>%1 degraded, %2 offline, %3 pending</source>
        <translation>%1 个降级，%2 个离线，%3 个待定</translation>
    </message>
    <message>
        <source>No encoder watched yet.</source>
        <translation>尚未监视任何编码器。</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>AVideo can use it as its encoder:
see the Stand-in page for its URL.</source>
        <translation>AVideo 可以把它当作编码器：
其 URL 见“替补”页面。</translation>
    </message>
    <message>
        <source>Start it to give the site real
thumbnails while its encoder is down.</source>
        <translation>启动它，在编码器宕机时
为站点提供真实缩略图。</translation>
    </message>
</context>
<context>
    <name>avld::DiagnosePage</name>
    <message>
        <source>Critical (%1)</source>
        <translation>严重（%1）</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>警告（%1）</translation>
    </message>
    <message>
        <source>Could not be checked (%1)</source>
        <translation>无法检查（%1）</translation>
    </message>
    <message>
        <source>Passed (%1)</source>
        <translation>通过（%1）</translation>
    </message>
    <message>
        <source>Walks the expert&apos;s checklist: the site, what each live shows beside our own frame, the site&apos;s encoder, backups, the local stand-in, the caches, prevention and the media server.</source>
        <translation>按专家的检查清单逐项检查：站点、每个直播显示的内容与我们自己抓取的画面对比、站点的编码器、备用编码器、本地替补、缓存、预防措施以及媒体服务器。</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Shift report…</source>
        <translation>值班报告…</translation>
    </message>
    <message>
        <source>The encoders over a time range, from the history: uptime, outages, changes.</source>
        <translation>根据历史记录查看某段时间内的编码器：在线率、中断和变化。</translation>
    </message>
    <message>
        <source>Not diagnosed yet: press Diagnose.</source>
        <translation>尚未诊断：请点击“诊断”。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Written: %1 (%2 kB)</source>
        <translation>已写入：%1（%2 kB）</translation>
    </message>
    <message>
        <source>Diagnosing…</source>
        <translation>正在诊断…</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>待办：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;→ &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;→ &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1/100</source>
        <translation>%1/100</translation>
    </message>
    <message>
        <source>Health score %1/100 (%2)</source>
        <translation>健康评分 %1/100（%2）</translation>
    </message>
    <message>
        <source>Cancelled before every check ran. %1</source>
        <translation>在所有检查完成前已取消。%1</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Web page (*.html);;PDF (*.pdf)</source>
        <translation>网页 (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>值班报告</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The shift must end after it starts.</source>
        <translation>值班的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Save the shift report</source>
        <translation>保存值班报告</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>%1: %2&lt;br&gt;</source>
        <translation>%1：%2&lt;br&gt;</translation>
    </message>
</context>
<context>
    <name>avld::DiagnosisRun</name>
    <message>
        <source>Checking the site and its lives</source>
        <translation>正在检查站点及其直播</translation>
    </message>
    <message>
        <source>Probing the encoders</source>
        <translation>正在探测编码器</translation>
    </message>
    <message>
        <source>Verifying the local stand-in</source>
        <translation>正在验证本地替补</translation>
    </message>
    <message>
        <source>Reading the encoders&apos; history</source>
        <translation>正在读取编码器的历史记录</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>no encoder is watched</source>
        <translation>没有监视任何编码器</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the lives could not be read</source>
        <translation>无法读取直播</translation>
    </message>
    <message>
        <source>AVideo %1, %2</source>
        <translation>AVideo %1，%2</translation>
    </message>
    <message>
        <source>skipped: the stand-in is not running</source>
        <translation>已跳过：替补没有运行</translation>
    </message>
    <message>
        <source>skipped: the site does not use the stand-in</source>
        <translation>已跳过：站点没有使用替补</translation>
    </message>
    <message>
        <source>skipped: no history is kept</source>
        <translation>已跳过：没有保存历史记录</translation>
    </message>
    <message numerus="yes">
        <source>%n live(s) checked</source>
        <translation>
            <numerusform>已检查 %n 个直播</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encoder(s) probed</source>
        <translation>
            <numerusform>已探测 %n 个编码器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encoder(s) in the history</source>
        <translation>
            <numerusform>历史记录中有 %n 个编码器</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::EncoderDetailsPanel</name>
    <message>
        <source>ms (DNS / connect / TLS / first byte / total): %1</source>
        <translation>毫秒（DNS / 连接 / TLS / 首字节 / 总计）：%1</translation>
    </message>
    <message>
        <source>getImage %1 ms (%2)</source>
        <translation>getImage %1 毫秒（%2）</translation>
    </message>
    <message>
        <source>frames not tested (no live to ask for one)</source>
        <translation>画面未测试（没有可请求的直播）</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>certificate: %1 days left</source>
        <translation>证书：剩余 %1 天</translation>
    </message>
    <message>
        <source>uptime 1 h %1 · 24 h %2 · 7 d %3</source>
        <translation>在线率 1 小时 %1 · 24 小时 %2 · 7 天 %3</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>历史：</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>最近 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No encoder selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;未选择编码器&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select an encoder in the table to see why it is in its state and how it did over time.</source>
        <translation>在表格中选择一个编码器，查看它为何处于当前状态以及一段时间内的表现。</translation>
    </message>
    <message>
        <source>Not probed yet.</source>
        <translation>尚未探测。</translation>
    </message>
</context>
<context>
    <name>avld::EncoderHistoryChart</name>
    <message>
        <source>healthy probes %</source>
        <translation>正常探测 %</translation>
    </message>
    <message>
        <source>failed probes %</source>
        <translation>失败探测 %</translation>
    </message>
    <message>
        <source>latency ms</source>
        <translation>延迟 毫秒</translation>
    </message>
    <message>
        <source>getImage ms</source>
        <translation>getImage 毫秒</translation>
    </message>
    <message>
        <source>healthy %</source>
        <translation>正常 %</translation>
    </message>
    <message>
        <source>Select an encoder to see its history</source>
        <translation>选择一个编码器以查看其历史记录</translation>
    </message>
    <message>
        <source>No probes in the last %1</source>
        <translation>最近 %1 内没有探测记录</translation>
    </message>
</context>
<context>
    <name>avld::EncoderOrigin</name>
    <message>
        <source>site&apos;s encoder</source>
        <translation>站点的编码器</translation>
    </message>
    <message>
        <source>added</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <source>local stand-in</source>
        <translation>本地替补</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公共</translation>
    </message>
</context>
<context>
    <name>avld::EncoderState</name>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>avld::EncoderUrlBox</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>start the service to get its URL</source>
        <translation>启动服务以获取其 URL</translation>
    </message>
    <message>
        <source>Admin → Settings → Site Configurations → Encoder URL, then clear the cache.</source>
        <translation>Admin → Settings → Site Configurations → Encoder URL，然后清除缓存。</translation>
    </message>
    <message>
        <source>Show the secret prefix</source>
        <translation>显示密钥前缀</translation>
    </message>
    <message>
        <source>Copy the full URL, secret included</source>
        <translation>复制完整 URL（含密钥）</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>avld::EncodersPage</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Watch another encoder</source>
        <translation>监视另一个编码器</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change the selected encoder&apos;s name, URL or probe interval (F2)</source>
        <translation>修改所选编码器的名称、URL 或探测间隔（F2）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop watching the selected encoder (Delete)</source>
        <translation>停止监视所选编码器（Delete）</translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation>立即探测</translation>
    </message>
    <message>
        <source>Probe the selected encoder, or all of them, now (F5)</source>
        <translation>立即探测所选编码器，或全部编码器（F5）</translation>
    </message>
    <message>
        <source>How to switch the site to it…</source>
        <translation>如何将站点切换到它…</translation>
    </message>
    <message>
        <source>Shows the steps to set the site&apos;s Encoder URL to the selected encoder (AVideo cannot be switched safely from outside)</source>
        <translation>显示将站点的 Encoder URL 设为所选编码器的步骤（无法从外部安全地切换 AVideo）</translation>
    </message>
    <message>
        <source>Select an encoder to see its history</source>
        <translation>选择一个编码器以查看其历史记录</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>正在加载历史记录…</translation>
    </message>
    <message>
        <source>The site&apos;s own encoder is always watched</source>
        <translation>站点自己的编码器始终受到监视</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a count of encoders and their state: 2 offline</comment>
        <translation>%1 个%2</translation>
    </message>
    <message>
        <source>No encoder is watched yet: add one.</source>
        <translation>尚未监视任何编码器：请添加一个。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n encoder(s)&lt;/b&gt;: %1</source>
        <translation>
            <numerusform>&lt;b&gt;%n 个编码器&lt;/b&gt;：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Remove encoder</source>
        <translation>移除编码器</translation>
    </message>
    <message>
        <source>Stop watching %1? Its history is kept.</source>
        <translation>停止监视 %1？其历史记录会保留。</translation>
    </message>
    <message>
        <source>%1 is reachable, but its frames were not tested: no live was running to ask it for one.</source>
        <translation>%1 可达，但其画面未经测试：当时没有正在运行的直播可供请求。</translation>
    </message>
    <message>
        <source>%1 is %2 right now.</source>
        <translation>%1 当前状态为%2。</translation>
    </message>
</context>
<context>
    <name>avld::EncodersTableModel</name>
    <message>
        <source>not probed yet</source>
        <translation>尚未探测</translation>
    </message>
    <message>
        <source>Not probed yet</source>
        <translation>尚未探测</translation>
    </message>
    <message>
        <source>%1
Shown as reachable, not online, until a live lets it prove real frames.</source>
        <translation>%1
在有直播让它证明能提供真实画面之前，显示为“可达”而不是“在线”。</translation>
    </message>
    <message>
        <source>DNS / connect / TLS / first byte / total, of the reachability request</source>
        <translation>可达性请求的 DNS / 连接 / TLS / 首字节 / 总计</translation>
    </message>
    <message>
        <source>No history is kept</source>
        <translation>没有保存历史记录</translation>
    </message>
    <message>
        <source>1 h %1 · 24 h %2 · 7 d %3 · 30 d %4</source>
        <translation>1 小时 %1 · 24 小时 %2 · 7 天 %3 · 30 天 %4</translation>
    </message>
    <message>
        <source>DNS / connect / TLS / first byte (TTFB) / total, in milliseconds</source>
        <translation>DNS / 连接 / TLS / 首字节 (TTFB) / 总计，单位为毫秒</translation>
    </message>
    <message>
        <source>Did getImage answer with a real frame of a live within AVideo&apos;s 2 s?</source>
        <translation>getImage 是否在 AVideo 的 2 秒内返回了直播的真实画面？</translation>
    </message>
    <message>
        <source>Encoder / URL</source>
        <translation>编码器 / URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>DNS/conn/TLS/TTFB/total</source>
        <translation>DNS/连接/TLS/首字节/总计</translation>
    </message>
    <message>
        <source>Real frame ≤ 2 s</source>
        <translation>真实画面 ≤ 2 秒</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Uptime 24 h</source>
        <translation>24 小时在线率</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
</context>
<context>
    <name>avld::Finding</name>
    <message>
        <source>The site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>The lives</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>The site&apos;s encoder</source>
        <translation>站点的编码器</translation>
    </message>
    <message>
        <source>Backup encoders</source>
        <translation>备用编码器</translation>
    </message>
    <message>
        <source>The local generator</source>
        <translation>本地生成器</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>预防</translation>
    </message>
    <message>
        <source>The media server</source>
        <translation>媒体服务器</translation>
    </message>
    <message>
        <source>Start the stand-in</source>
        <translation>启动替补</translation>
    </message>
    <message>
        <source>Clear the caches</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <source>Probe again</source>
        <translation>重新探测</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
</context>
<context>
    <name>avld::GeneratorPage</name>
    <message>
        <source>Verify the site</source>
        <translation>验证站点</translation>
    </message>
    <message>
        <source>Asks the site&apos;s plugin/Live/getImage.php for every live and checks that the picture is ours.</source>
        <translation>针对每个直播请求站点的 plugin/Live/getImage.php，并检查返回的画面是否来自我们。</translation>
    </message>
    <message>
        <source>Stand-in service</source>
        <translation>替补服务</translation>
    </message>
    <message>
        <source>Encoder URL for AVideo (Admin → Settings → Site Configurations):</source>
        <translation>提供给 AVideo 的 Encoder URL（Admin → Settings → Site Configurations）：</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>no usable address</source>
        <translation>没有可用的地址</translation>
    </message>
    <message>
        <source>AVideo can use it</source>
        <translation>AVideo 可以使用它</translation>
    </message>
    <message>
        <source>only an AVideo on this same machine can use it (listen on 0.0.0.0 for another one)</source>
        <translation>只有同一台机器上的 AVideo 能使用它（若要供其他机器使用，请监听 0.0.0.0）</translation>
    </message>
    <message>
        <source>The stand-in could not start: %1</source>
        <translation>替补无法启动：%1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Stopping: answering the waiting requests…</source>
        <translation>正在停止：正在答复等待中的请求…</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>运行于 %1</translation>
    </message>
    <message>
        <source>Running at %1 — %2</source>
        <translation>运行于 %1 — %2</translation>
    </message>
</context>
<context>
    <name>avld::GeneratorSettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>127.0.0.1: only this machine; 0.0.0.0: every interface (AVideo on another machine).</source>
        <translation>127.0.0.1：仅本机；0.0.0.0：所有网络接口（AVideo 在另一台机器上时）。</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>a secret path segment</source>
        <translation>一段保密路径</translation>
    </message>
    <message>
        <source>Makes the URL a capability: only who knows it can use the service.</source>
        <translation>让 URL 成为凭证：只有知道它的人才能使用该服务。</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>none: plain HTTP</source>
        <translation>无：普通 HTTP</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS 证书 (PEM)</translation>
    </message>
    <message>
        <source>TLS key (PEM)</source>
        <translation>TLS 私钥 (PEM)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Longest wait for a fresh grab before an empty answer (AVideo gives up at 2000 ms).</source>
        <translation>返回空响应前等待新抓取的最长时间（AVideo 在 2000 毫秒时放弃）。</translation>
    </message>
    <message>
        <source>A request for an image older than this waits for a new grab, when the grab fits the answer budget; a younger image is answered as it is. 0: every request grabs.</source>
        <translation>请求比此时间更旧的图片时，如果抓取能在响应时限内完成，就等待新的抓取；较新的图片按原样返回。0：每个请求都重新抓取。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Streams are grabbed when AVideo asks. Streams too slow for that are grabbed ahead of their requests, this often.</source>
        <translation>AVideo 请求时才抓取直播流。对太慢的直播流，会按此频率在请求之前提前抓取。</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Secret prefix</source>
        <translation>密钥前缀</translation>
    </message>
    <message>
        <source>The hosts the stand-in may fetch streams from (the site&apos;s media servers); a request for any other host is refused.</source>
        <translation>替补可以从中获取直播流的主机（站点的媒体服务器）；对其他任何主机的请求都会被拒绝。</translation>
    </message>
    <message>
        <source>Stream hosts</source>
        <translation>直播流主机</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>TLS key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>Answer budget</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Grab anew after</source>
        <translation>重新抓取间隔</translation>
    </message>
    <message>
        <source>Refresh slow streams every</source>
        <translation>慢速直播流刷新间隔</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>avld::LatencyChartView</name>
    <message>
        <source>Answer time (ms), last 2 min</source>
        <translation>响应时间（毫秒），最近 2 分钟</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
</context>
<context>
    <name>avld::LiveDetailWindow</name>
    <message>
        <source> (%1 keyframes in a %2 s segment)</source>
        <translation>（%2 秒的分片中有 %1 个关键帧）</translation>
    </message>
    <message>
        <source> (%1 keyframes)</source>
        <translation>（%1 个关键帧）</translation>
    </message>
    <message>
        <source>≥ %1 s (one per segment)</source>
        <translation>≥ %1 秒（每个分片一个）</translation>
    </message>
    <message>
        <source>≥ the segment length (one per segment)</source>
        <translation>≥ 分片长度（每个分片一个）</translation>
    </message>
    <message>
        <source> — long: thumbnails and playback start slowly; use 2 s</source>
        <translation> — 偏长：缩略图和播放启动会变慢；建议用 2 秒</translation>
    </message>
    <message>
        <source>no audio</source>
        <translation>无音频</translation>
    </message>
    <message>
        <source>silent for %1 (since %2)</source>
        <translation>静音已 %1（自 %2 起）</translation>
    </message>
    <message>
        <source>peak %1 dBFS, RMS %2 dBFS</source>
        <translation>峰值 %1 dBFS，RMS %2 dBFS</translation>
    </message>
    <message>
        <source>, %1 LUFS</source>
        <translation>，%1 LUFS</translation>
    </message>
    <message>
        <source>, at full scale</source>
        <translation>，达到满刻度</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>有变化</translation>
    </message>
    <message>
        <source>still: the same picture for %1 (since %2)</source>
        <translation>静止：画面已 %1 相同（自 %2 起）</translation>
    </message>
    <message>
        <source>black for %1 (since %2)</source>
        <translation>黑屏已 %1（自 %2 起）</translation>
    </message>
    <message>
        <source>black</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <source>The stream cannot be played: %1. Trying again…</source>
        <translation>无法播放该直播流：%1。正在重试…</translation>
    </message>
    <message>
        <source>The site gives no stream address for this live.</source>
        <translation>站点没有给出此直播的流地址。</translation>
    </message>
    <message>
        <source>Connecting to the stream…</source>
        <translation>正在连接直播流…</translation>
    </message>
    <message>
        <source>%1 — live detail</source>
        <translation>%1 — 直播详情</translation>
    </message>
    <message>
        <source>Stream:</source>
        <translation>直播流：</translation>
    </message>
    <message>
        <source>Codec:</source>
        <translation>编解码器：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>帧率：</translation>
    </message>
    <message>
        <source>Bitrate:</source>
        <translation>码率：</translation>
    </message>
    <message>
        <source>Keyframe interval:</source>
        <translation>关键帧间隔：</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>分片：</translation>
    </message>
    <message>
        <source>Playlist age:</source>
        <translation>播放列表时长：</translation>
    </message>
    <message>
        <source>Behind live:</source>
        <translation>落后直播：</translation>
    </message>
    <message>
        <source>Our grab:</source>
        <translation>我们的抓取：</translation>
    </message>
    <message>
        <source>ok, %1 ms</source>
        <translation>成功，%1 毫秒</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>未尝试</translation>
    </message>
    <message>
        <source>Visitors see:</source>
        <translation>访客看到的是：</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>画面：</translation>
    </message>
    <message>
        <source>Sound:</source>
        <translation>声音：</translation>
    </message>
    <message>
        <source>Bitrate, frame age and loudness</source>
        <translation>码率、画面延迟和响度</translation>
    </message>
    <message>
        <source>bitrate (kbit/s)</source>
        <translation>码率 (kbit/s)</translation>
    </message>
    <message>
        <source>behind live (s)</source>
        <translation>落后直播 (秒)</translation>
    </message>
    <message>
        <source>loudness (LUFS)</source>
        <translation>响度 (LUFS)</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>LUFS</source>
        <translation>LUFS</translation>
    </message>
</context>
<context>
    <name>avld::LiveTileDelegate</name>
    <message>
        <source>health %1</source>
        <translation>健康度 %1</translation>
    </message>
    <message>
        <source>1 viewer</source>
        <translation>1 位观众</translation>
    </message>
    <message>
        <source>%1 viewers</source>
        <translation>%1 位观众</translation>
    </message>
    <message>
        <source>frame %1 s old</source>
        <translation>画面延迟 %1 秒</translation>
    </message>
    <message>
        <source>No picture from the site</source>
        <translation>站点没有提供画面</translation>
    </message>
    <message>
        <source>site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>我们的</translation>
    </message>
    <message>
        <source>Not grabbed</source>
        <translation>未抓取</translation>
    </message>
    <message>
        <source>No problem found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>loading preview…</source>
        <translation>正在加载预览…</translation>
    </message>
    <message>
        <source>no preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
</context>
<context>
    <name>avld::LivesFilterModel</name>
    <message>
        <source>All lives</source>
        <translation>全部直播</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Real frames</source>
        <translation>真实画面</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
</context>
<context>
    <name>avld::LivesModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>站点：%1</translation>
    </message>
    <message>
        <source>Our grab: %1</source>
        <translation>我们的抓取：%1</translation>
    </message>
</context>
<context>
    <name>avld::LivesPage</name>
    <message>
        <source>Search title, user or key (Ctrl+F)</source>
        <translation>搜索标题、用户或密钥（Ctrl+F）</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Site only</source>
        <translation>仅站点</translation>
    </message>
    <message>
        <source>Ours only</source>
        <translation>仅我们的</translation>
    </message>
    <message>
        <source>Tile size</source>
        <translation>磁贴大小</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>立即刷新</translation>
    </message>
    <message>
        <source>Check the site again (F5)</source>
        <translation>重新检查站点（F5）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>自动刷新已关闭</translation>
    </message>
    <message>
        <source>Waiting for the check…</source>
        <translation>正在等待检查…</translation>
    </message>
    <message>
        <source>Next refresh in %1 s</source>
        <translation>%1 秒后刷新</translation>
    </message>
    <message>
        <source>The site lists no running lives.</source>
        <translation>站点没有列出正在进行的直播。</translation>
    </message>
    <message>
        <source>No lives match the filter or search.</source>
        <translation>没有符合筛选或搜索条件的直播。</translation>
    </message>
</context>
<context>
    <name>avld::LogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>avld::LogPage</name>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>What the tool did and saw, by module. Filter by level, category or text; export what is shown for a support request.</source>
        <translation>工具按模块记录的所作所见。可按级别、类别或文本筛选；导出当前显示的内容用于支持请求。</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Least severe level shown</source>
        <translation>显示的最低级别</translation>
    </message>
    <message>
        <source>All modules</source>
        <translation>所有模块</translation>
    </message>
    <message>
        <source>Show one module&apos;s messages only</source>
        <translation>只显示某一个模块的消息</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>搜索消息（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Module:</source>
        <translation>模块(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>复制所选行（Ctrl+C）</translation>
    </message>
    <message>
        <source>Clear &amp;view</source>
        <translation>清空视图(&amp;V)</translation>
    </message>
    <message>
        <source>Empty the table; new messages keep appearing</source>
        <translation>清空表格；新消息会继续显示</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the rows shown to a text file</source>
        <translation>将显示的行保存到文本文件</translation>
    </message>
    <message>
        <source>%1 of %2 messages</source>
        <translation>%1 / %2 条消息</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>请选择一个你有写权限的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条消息导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>文本文件 (*.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Select rows to copy.</source>
        <translation>请选择要复制的行。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>已复制 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>View cleared; new messages keep appearing.</source>
        <translation>视图已清空；新消息会继续显示。</translation>
    </message>
</context>
<context>
    <name>avld::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>The site at a glance: how many lives are running, how many show real thumbnails and how many show AVideo&apos;s grey ONLINE/OFFLINE cards; which encoders are online, degraded or offline; whether the stand-in runs; and the most important finding in one sentence with its one-click fix.</source>
        <translation>站点概览：有多少直播正在进行，多少显示真实缩略图，多少显示 AVideo 的灰色 ONLINE/OFFLINE 卡片；哪些编码器在线、降级或离线；替补是否在运行；以及用一句话说明的最重要发现和一键修复。</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Walks the expert&apos;s checklist — the site, each live beside our own frame, the site&apos;s encoder, backups, the local stand-in, the caches, prevention and the media server — and says what is wrong, why and what to do, with a health score and a report (HTML or PDF) to send.</source>
        <translation>按专家的检查清单逐项检查——站点、每个直播与我们自己抓取的画面对比、站点的编码器、备用编码器、本地替补、缓存、预防措施以及媒体服务器——并说明哪里有问题、原因和处理方法，附带健康评分和可发送的报告（HTML 或 PDF）。</translation>
    </message>
    <message>
        <source>Lives</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Every live of the site as a tile: the thumbnail visitors see, classified (real frame, encoder placeholder, ONLINE card, OFFLINE card, user poster), beside the true current frame grabbed from the HLS stream, with the reason for every tile that looks wrong.</source>
        <translation>站点的每个直播显示为一个磁贴：访客看到的缩略图及其分类（真实画面、编码器占位图、ONLINE 卡片、OFFLINE 卡片、用户海报），旁边是从 HLS 流抓取的真实当前画面，并为每个看起来有问题的磁贴给出原因。</translation>
    </message>
    <message>
        <source>Encoders</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>The health of the site&apos;s encoder, its backups and the public encoders: reachable, latency by phase, TLS, version and queue, and the one test that matters — does its getImage return a real frame of a live stream within AVideo&apos;s 2-second budget? With history and charts.</source>
        <translation>站点编码器、备用编码器和公共编码器的健康状况：可达性、分阶段延迟、TLS、版本和队列，以及唯一真正重要的测试——它的 getImage 能否在 AVideo 的 2 秒时限内返回直播流的真实画面？附带历史记录和图表。</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Clear the site&apos;s live caches in one click (full, first page, or session), see what the site says it cleared, and compare the thumbnails before and after.</source>
        <translation>一键清除站点的直播缓存（全部、首页或会话），查看站点报告清除了什么，并比较清除前后的缩略图。</translation>
    </message>
    <message>
        <source>Stand-in</source>
        <translation>替补</translation>
    </message>
    <message>
        <source>Run the stand-in for the site&apos;s encoder: an HTTP service that answers AVideo&apos;s encoder requests with fresh frames grabbed in process. Shows the exact encoder URL to give AVideo, live request counters and latency, and checks that the site now serves its frames.</source>
        <translation>为站点的编码器运行替补：一个 HTTP 服务，用进程内抓取的最新画面答复 AVideo 的编码器请求。显示要提供给 AVideo 的确切编码器 URL、实时请求计数和延迟，并检查站点现在是否提供它的画面。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Everything the tool did and saw, by module (site, media, encoders, generator), with level filter, search and export for support requests.</source>
        <translation>工具按模块（站点、媒体、编码器、生成器）记录的所作所见，可按级别筛选、搜索并导出用于支持请求。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Refresh and probe intervals, timeouts, the generator&apos;s address and port, and where secrets are kept (the desktop keychain; never plain files).</source>
        <translation>刷新和探测间隔、超时、生成器的地址和端口，以及密钥的保存位置（桌面密钥环；绝不用明文文件）。</translation>
    </message>
    <message>
        <source>The site this window shows (Ctrl+Shift+S)</source>
        <translation>此窗口显示的站点（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About AVideo Live Doctor</source>
        <translation>关于 AVideo Live Doctor(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>No site configured</source>
        <translation>未配置站点</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>站点：%1</translation>
    </message>
</context>
<context>
    <name>avld::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>avld::PlaceholderPage</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>此版本暂不提供。</translation>
    </message>
</context>
<context>
    <name>avld::RemoteStandInPanel</name>
    <message>
        <source>Stand-in on another machine</source>
        <translation>其他机器上的替补服务</translation>
    </message>
    <message>
        <source>Its Encoder URL: http://server:8090/secret/</source>
        <translation>它的编码器 URL：http://server:8090/secret/</translation>
    </message>
    <message>
        <source>The URL `avideo-live-doctor-nox standin-url` prints on the machine the stand-in runs on (its secret prefix included).</source>
        <translation>在运行替补服务的机器上执行 `avideo-live-doctor-nox standin-url` 所打印的 URL（包含其机密前缀）。</translation>
    </message>
    <message>
        <source>A stand-in on the AVideo server (the package avideo-live-doctor-nox) can be watched from here: its health and counters.</source>
        <translation>可以在这里监视运行在 AVideo 服务器上的替补服务（avideo-live-doctor-nox 软件包）：它的健康状况和计数器。</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>正在询问 %1…</translation>
    </message>
    <message>
        <source>Not watching.</source>
        <translation>未在监视。</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>停止监视</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>监视</translation>
    </message>
    <message>
        <source>last image %1 ago</source>
        <translation>最近一张图片在 %1 前</translation>
    </message>
    <message>
        <source>no image asked for yet</source>
        <translation>尚未有人请求图片</translation>
    </message>
    <message>
        <source>✓ %1 answers: run %2, up %3, %4.</source>
        <translation>✓ %1 有响应：运行实例 %2，已运行 %3，%4。</translation>
    </message>
    <message>
        <source>✗ %1 (%2; asking again every 2 s)</source>
        <translation>✗ %1（%2；每 2 秒重试一次）</translation>
    </message>
</context>
<context>
    <name>avld::Settings</name>
    <message>
        <source>%1: expected a %2</source>
        <translation>%1：应为 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>必须介于 %1 和 %2 之间</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be an IP address such as 127.0.0.1, 0.0.0.0 or ::</source>
        <translation>必须是 IP 地址，例如 127.0.0.1、0.0.0.0 或 ::</translation>
    </message>
    <message>
        <source>Last site profile</source>
        <translation>上次的站点配置</translation>
    </message>
    <message>
        <source>The site profile opened at start; empty opens the demo site.</source>
        <translation>启动时打开的站点配置；为空则打开演示站点。</translation>
    </message>
    <message>
        <source>Lives refresh interval (s)</source>
        <translation>直播刷新间隔（秒）</translation>
    </message>
    <message>
        <source>How often the Lives page re-reads the site and grabs fresh frames.</source>
        <translation>“直播”页面重新读取站点并抓取新画面的频率。</translation>
    </message>
    <message>
        <source>Grab timeout (ms)</source>
        <translation>抓取超时（毫秒）</translation>
    </message>
    <message>
        <source>Longest time one frame grab may take before it is reported as a timeout.</source>
        <translation>一次画面抓取被判为超时之前允许的最长时间。</translation>
    </message>
    <message>
        <source>User-Agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>Sent with every site and stream request.</source>
        <translation>随每个站点和直播流请求一起发送。</translation>
    </message>
    <message>
        <source>Encoder probe interval (s)</source>
        <translation>编码器探测间隔（秒）</translation>
    </message>
    <message>
        <source>How often each encoder is checked.</source>
        <translation>每个编码器的检查频率。</translation>
    </message>
    <message>
        <source>Failures before offline</source>
        <translation>判定离线前的失败次数</translation>
    </message>
    <message>
        <source>Consecutive failed probes before an encoder is reported offline.</source>
        <translation>连续探测失败多少次后将编码器报告为离线。</translation>
    </message>
    <message>
        <source>Successes before online</source>
        <translation>判定在线前的成功次数</translation>
    </message>
    <message>
        <source>Consecutive good probes before an encoder is reported back online.</source>
        <translation>连续探测成功多少次后将编码器报告为恢复在线。</translation>
    </message>
    <message>
        <source>Stand-in listen address</source>
        <translation>替补监听地址</translation>
    </message>
    <message>
        <source>Address the stand-in thumbnail service binds to; AVideo&apos;s server must reach it.</source>
        <translation>替补缩略图服务绑定的地址；AVideo 的服务器必须能访问到它。</translation>
    </message>
    <message>
        <source>Stand-in port</source>
        <translation>替补端口</translation>
    </message>
    <message>
        <source>TCP port of the stand-in thumbnail service.</source>
        <translation>替补缩略图服务的 TCP 端口。</translation>
    </message>
    <message>
        <source>Stand-in answer budget (ms)</source>
        <translation>替补响应时限（毫秒）</translation>
    </message>
    <message>
        <source>Longest wait for a fresh grab before answering empty; AVideo gives up after 2000 ms.</source>
        <translation>返回空响应前等待新抓取的最长时间；AVideo 在 2000 毫秒后放弃。</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>关闭时最小化到托盘</translation>
    </message>
    <message>
        <source>Closing the window keeps monitoring in the tray.</source>
        <translation>关闭窗口后在系统托盘中继续监视。</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>日志级别</translation>
    </message>
    <message>
        <source>Least severe message kept in the log.</source>
        <translation>日志中保留的最低严重级别。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of the window; System default follows the desktop&apos;s language. Applied at the next start.</source>
        <translation>窗口的语言；“系统默认”跟随桌面的语言。下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>avld::SettingsPage</name>
    <message>
        <source>Passwords and password hashes are never written to the settings file or the log.</source>
        <translation>密码和密码哈希绝不会写入设置文件或日志。</translation>
    </message>
    <message>
        <source>No secret store is configured.</source>
        <translation>未配置密钥存储。</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) refused and not saved; see the marked fields.</source>
        <translation>
            <numerusform>%n 个值被拒绝且未保存；请查看标记的字段。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>没有需要保存的内容。</translation>
    </message>
    <message>
        <source>Showing the stored values.</source>
        <translation>正在显示已保存的值。</translation>
    </message>
    <message>
        <source>Defaults filled in; Apply keeps them.</source>
        <translation>已填入默认值；点“应用”后保存。</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>关闭时最小化到托盘</translation>
    </message>
    <message>
        <source>Close to tray (this desktop has no system tray: closing the window quits)</source>
        <translation>关闭时最小化到托盘（此桌面没有系统托盘：关闭窗口即退出）</translation>
    </message>
    <message>
        <source>Passwords and password hashes are kept in the %1 (never in the settings file or the log). So is the stand-in&apos;s secret Encoder URL prefix for each site; where no keychain runs, that one is kept in a file only you can read, in %2.</source>
        <translation>密码和密码哈希保存在%1中（绝不写入设置文件或日志）。每个站点替补的 Encoder URL 密钥前缀也是如此；在没有密钥环的环境中，它保存在一个只有你能读取的文件里，位于 %2。</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>正在检查密钥环…</translation>
    </message>
    <message>
        <source>The keychain has not answered yet; it may be waiting to be unlocked.</source>
        <translation>密钥环尚未响应；它可能在等待解锁。</translation>
    </message>
    <message>
        <source>The keychain is reachable: passwords you choose to remember are kept there.</source>
        <translation>密钥环可以访问：你选择记住的密码会保存在那里。</translation>
    </message>
    <message>
        <source>No keychain is reachable (no D-Bus session): passwords are not remembered; you will be asked each time.</source>
        <translation>无法访问密钥环（没有 D-Bus 会话）：密码不会被记住，每次都会询问你。</translation>
    </message>
    <message>
        <source>No keychain is reachable: passwords are not remembered; you will be asked each time. %1</source>
        <translation>无法访问密钥环：密码不会被记住，每次都会询问你。%1</translation>
    </message>
    <message>
        <source>The keychain did not answer: %1</source>
        <translation>密钥环没有响应：%1</translation>
    </message>
</context>
<context>
    <name>avld::SiteClient</name>
    <message>
        <source>1. Log in to %1 as an admin and open Admin → Settings → Site Configurations (%2).
2. In &quot;Encoder URL&quot;, replace the current value with:
       %3
   (keep the trailing slash). Save.
3. This URL is also the encoder used by the &quot;Encode video&quot; button, unless forceEncoderURL or the encoder network overrides it.
4. Clear the cache (Admin menu → Clear Cache Directory). This step is part of the fix: AVideo caches every live image it served, its own ONLINE card included, for 5 minutes (jpg/png) and 15 minutes (gif/webp); until the clear, visitors keep seeing the card it cached while the old encoder failed. After the clear it asks the new encoder at once.</source>
        <translation>1. 以管理员身份登录 %1，打开 Admin → Settings → Site Configurations（%2）。
2. 在“Encoder URL”中，将当前值替换为：
       %3
   （保留末尾的斜杠）。保存。
3. 除非被 forceEncoderURL 或编码器网络覆盖，这个 URL 也是“Encode video”按钮使用的编码器。
4. 清除缓存（Admin 菜单 → Clear Cache Directory）。这一步是修复的一部分：AVideo 会缓存它提供过的每张直播图片（包括它自己的 ONLINE 卡片），jpg/png 缓存 5 分钟，gif/webp 缓存 15 分钟；清除之前，访客会一直看到旧编码器出故障时缓存的卡片。清除之后，它会立即向新的编码器请求。</translation>
    </message>
</context>
<context>
    <name>avld::SiteSwitcher</name>
    <message>
        <source>&amp;Add a site…</source>
        <translation>添加站点(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove this site…</source>
        <translation>移除此站点(&amp;R)…</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Closing the site</source>
        <translation>关闭站点</translation>
    </message>
    <message>
        <source>Demo encoders not kept</source>
        <translation>演示编码器未保存</translation>
    </message>
    <message>
        <source>The encoder you added to the demo site is not kept</source>
        <translation>你添加到演示站点的编码器不会被保存</translation>
    </message>
    <message>
        <source>The %1 encoders you added to the demo site are not kept</source>
        <translation>你添加到演示站点的 %1 个编码器不会被保存</translation>
    </message>
    <message>
        <source>: the demo is not saved. Add them to a saved site to watch them there.</source>
        <translation>：演示站点不会被保存。请把它们添加到已保存的站点，以便在那里监视。</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>移除 %1？</translation>
    </message>
    <message>
        <source>Forget %1 (%2)? Its kept sign-in and its encoder history are deleted; the site itself is not changed.</source>
        <translation>忘记 %1（%2）？其保存的登录信息和编码器历史记录将被删除；站点本身不会被更改。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Demo site (local)</source>
        <translation>演示站点（本地）</translation>
    </message>
    <message>
        <source>No site open</source>
        <translation>未打开站点</translation>
    </message>
    <message>
        <source>Add a site…</source>
        <translation>添加站点…</translation>
    </message>
</context>
<context>
    <name>avld::SiteWizard</name>
    <message>
        <source>Add an AVideo site</source>
        <translation>添加 AVideo 站点</translation>
    </message>
    <message>
        <source>Which site?</source>
        <translation>哪个站点？</translation>
    </message>
    <message>
        <source>The address visitors open, e.g. https://videos.example.org/</source>
        <translation>访客打开的地址，例如 https://videos.example.org/</translation>
    </message>
    <message>
        <source>optional: a name for this site</source>
        <translation>可选：为此站点起个名字</translation>
    </message>
    <message>
        <source>Open the local demo site instead</source>
        <translation>改为打开本地演示站点</translation>
    </message>
    <message>
        <source>Site address:</source>
        <translation>站点地址：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Looking at %1…</source>
        <translation>正在查看 %1…</translation>
    </message>
    <message numerus="yes">
        <source>✔ An AVideo site answers here; it lists %n running live(s).</source>
        <translation>
            <numerusform>✔ 此处有一个 AVideo 站点应答；它列出了 %n 个正在进行的直播。</numerusform>
        </translation>
    </message>
    <message>
        <source>✘ No AVideo site with the Live plugin answers at this address: %1</source>
        <translation>✘ 此地址没有带 Live 插件的 AVideo 站点应答：%1</translation>
    </message>
    <message>
        <source>The site did not answer in full (%1). You can go on: the next page tests the connection again.</source>
        <translation>站点没有完整应答（%1）。你可以继续：下一页会再次测试连接。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>An admin account sees everything (the encoder URL, cache clearing). The password is sent to the site only; the tool keeps the hash the site returns, in the keychain.</source>
        <translation>管理员账户可以看到所有内容（编码器 URL、清除缓存）。密码只发送给站点；工具只在密钥环中保存站点返回的哈希。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>optional: correct the HLS base, e.g. https://media.example/live</source>
        <translation>可选：更正 HLS 基础地址，例如 https://media.example/live</translation>
    </message>
    <message>
        <source>optional: correct the stat page, e.g. https://media.example/stat</source>
        <translation>可选：更正统计页面，例如 https://media.example/stat</translation>
    </message>
    <message>
        <source>Media server:</source>
        <translation>媒体服务器：</translation>
    </message>
    <message>
        <source>Stat page:</source>
        <translation>统计页面：</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted</source>
        <translation>站点的证书不受信任</translation>
    </message>
    <message>
        <source>Trust this certificate for this site</source>
        <translation>为此站点信任此证书</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted by this computer. Reading it…</source>
        <translation>此计算机不信任站点的证书。正在读取证书…</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>颁发给：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>颁发者：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>%1 至 %2（UTC）</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one on the server (&lt;code&gt;openssl x509 -noout -fingerprint -sha256 -in&lt;/code&gt; its certificate file) before you trust it. Only this exact certificate is trusted, for this site only; if it changes, you are asked again.</source>
        <translation>在信任之前，请将此指纹与服务器上的指纹进行比较（对其证书文件运行 &lt;code&gt;openssl x509 -noout -fingerprint -sha256 -in&lt;/code&gt;）。只会信任这一个证书，且仅限此站点；如果证书发生变化，会再次询问你。</translation>
    </message>
    <message>
        <source>✘ The site&apos;s certificate is not trusted by this computer: see below.</source>
        <translation>✘ 此计算机不信任站点的证书：见下文。</translation>
    </message>
    <message>
        <source>Cancel the test</source>
        <translation>取消测试</translation>
    </message>
    <message>
        <source>The test was cancelled. Correct the address or the account, then test again.</source>
        <translation>测试已取消。请更正地址或账户，然后重新测试。</translation>
    </message>
    <message>
        <source>Signing in and reading the lives… (the site has %1 s to answer)</source>
        <translation>正在登录并读取直播…（站点有 %1 秒的时间应答）</translation>
    </message>
    <message>
        <source>Signed in as %1%2. Reading the lives…</source>
        <translation>已登录为 %1%2。正在读取直播…</translation>
    </message>
    <message>
        <source> (admin)</source>
        <translation>（管理员）</translation>
    </message>
    <message>
        <source>Signed in, but the lives cannot be read: %1</source>
        <translation>已登录，但无法读取直播：%1</translation>
    </message>
    <message numerus="yes">
        <source>Signed in as %1%2; the site lists %n running live(s).</source>
        <translation>
            <numerusform>已登录为 %1%2；站点列出了 %n 个正在进行的直播。</numerusform>
        </translation>
    </message>
    <message>
        <source>Media server found: %1.</source>
        <translation>已找到媒体服务器：%1。</translation>
    </message>
    <message>
        <source> Give what is missing below, or sign in as an admin.</source>
        <translation> 请在下面补充缺少的信息，或以管理员身份登录。</translation>
    </message>
    <message>
        <source>No live runs now, so no stream could be tried.</source>
        <translation>当前没有直播在进行，因此无法尝试任何直播流。</translation>
    </message>
    <message>
        <source>✘ No live&apos;s stream address is known: give the media server below.</source>
        <translation>✘ 不知道任何直播的流地址：请在下面填写媒体服务器。</translation>
    </message>
    <message>
        <source>Playing %1&apos;s stream…</source>
        <translation>正在播放 %1 的直播流…</translation>
    </message>
    <message>
        <source>✔ %1&apos;s stream plays from %2.</source>
        <translation>✔ %1 的直播流可以从 %2 播放。</translation>
    </message>
    <message>
        <source>✘ %1&apos;s stream does not play from %2: %3
If the media server above is wrong, correct it below and test again.</source>
        <translation>✘ %1 的直播流无法从 %2 播放：%3
如果上面的媒体服务器不正确，请在下面更正后重新测试。</translation>
    </message>
</context>
<context>
    <name>avld::SiteWorkspace</name>
    <message>
        <source>The site&apos;s Encoder URL could not be read: %1</source>
        <translation>无法读取站点的 Encoder URL：%1</translation>
    </message>
    <message>
        <source>The site still names %1 as its Encoder URL (read again for a minute): was the Site Configurations form saved?</source>
        <translation>站点仍将 %1 作为其 Encoder URL（在一分钟内反复读取）：Site Configurations 表单保存了吗？</translation>
    </message>
    <message>
        <source>The live caches could not be cleared: %1</source>
        <translation>无法清除直播缓存：%1</translation>
    </message>
    <message>
        <source>The site&apos;s live caches were cleared; right after, every live still showed the same picture (AVideo makes new ones as visitors ask).</source>
        <translation>站点的直播缓存已清除；清除后每个直播仍显示相同的画面（AVideo 会在访客请求时生成新图片）。</translation>
    </message>
    <message>
        <source>The site&apos;s live caches were cleared; 1 live shows another picture now.</source>
        <translation>站点的直播缓存已清除；现在有 1 个直播显示了不同的画面。</translation>
    </message>
    <message>
        <source>The site&apos;s live caches were cleared; %1 lives show another picture now.</source>
        <translation>站点的直播缓存已清除；现在有 %1 个直播显示了不同的画面。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Encoder %1</source>
        <translation>编码器 %1</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2：%3</translation>
    </message>
    <message>
        <source>The stand-in started at %1.</source>
        <translation>替补已在 %1 启动。</translation>
    </message>
    <message>
        <source>The stand-in could not start: %1</source>
        <translation>替补无法启动：%1</translation>
    </message>
    <message>
        <source>The stand-in stopped.</source>
        <translation>替补已停止。</translation>
    </message>
    <message>
        <source>Stand-in address not kept</source>
        <translation>替补地址未保存</translation>
    </message>
    <message>
        <source>The stand-in&apos;s secret for this site could not be read or kept, so its Encoder URL will change when the app restarts: %1</source>
        <translation>无法读取或保存此站点的替补密钥，因此应用重启后其 Encoder URL 会改变：%1</translation>
    </message>
    <message>
        <source>Stand-in secret not kept</source>
        <translation>替补密钥未保存</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL is %1.</source>
        <translation>站点的 Encoder URL 为 %1。</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL changed to %1.</source>
        <translation>站点的 Encoder URL 已更改为 %1。</translation>
    </message>
</context>
<context>
    <name>avld::StandInCountersView</name>
    <message>
        <source>Counter</source>
        <translation>计数项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Images served</source>
        <translation>已提供的图片</translation>
    </message>
    <message>
        <source>Empty answers</source>
        <translation>空响应</translation>
    </message>
    <message>
        <source>Refused (4xx)</source>
        <translation>已拒绝 (4xx)</translation>
    </message>
    <message>
        <source>Overloaded (503)</source>
        <translation>过载 (503)</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>缓存命中</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>缓存未命中</translation>
    </message>
    <message>
        <source>Grabs</source>
        <translation>抓取次数</translation>
    </message>
    <message>
        <source>Grab failures</source>
        <translation>抓取失败</translation>
    </message>
    <message>
        <source>Streams tracked</source>
        <translation>跟踪的直播流</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>缓存大小</translation>
    </message>
    <message>
        <source>Requests waiting</source>
        <translation>等待中的请求</translation>
    </message>
    <message>
        <source>   %1</source>
        <comment>a reason under Grab failures</comment>
        <translation>   %1</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>延迟 p50</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>延迟 p99</translation>
    </message>
</context>
<context>
    <name>avld::SwitchStepsDialog</name>
    <message>
        <source>Point %1 at %2</source>
        <translation>将 %1 指向 %2</translation>
    </message>
    <message>
        <source>AVideo offers no safe way to change its Encoder URL from outside (its settings form rewrites every setting at once), so change it in the site&apos;s admin pages:</source>
        <translation>AVideo 没有提供从外部安全修改其 Encoder URL 的方法（其设置表单会一次性重写所有设置），因此请在站点的管理页面中修改：</translation>
    </message>
    <message>
        <source>%1  (the Copy button below puts the whole URL on the clipboard)</source>
        <translation>%1（下面的“复制”按钮会把完整 URL 放到剪贴板）</translation>
    </message>
    <message>
        <source>Copied: paste it into &quot;Encoder URL&quot; and save.</source>
        <translation>已复制：将其粘贴到“Encoder URL”中并保存。</translation>
    </message>
    <message>
        <source>Open Site Configurations</source>
        <translation>打开 Site Configurations</translation>
    </message>
    <message>
        <source>I changed it — check now</source>
        <translation>我已修改 — 立即检查</translation>
    </message>
    <message>
        <source>Reads the site&apos;s Encoder URL again (needs an admin sign-in) and follows it.</source>
        <translation>重新读取站点的 Encoder URL（需要管理员登录）并跟踪它。</translation>
    </message>
    <message>
        <source>Encoder URL:</source>
        <translation>Encoder URL：</translation>
    </message>
</context>
<context>
    <name>avld::ThumbnailClass</name>
    <message>
        <source>real frame</source>
        <translation>真实画面</translation>
    </message>
    <message>
        <source>encoder placeholder</source>
        <translation>编码器占位图</translation>
    </message>
    <message>
        <source>encoder not-found animation</source>
        <translation>编码器“未找到”动画</translation>
    </message>
    <message>
        <source>encoder &quot;creating images&quot; card</source>
        <translation>编码器“正在生成图片”卡片</translation>
    </message>
    <message>
        <source>ONLINE card</source>
        <translation>ONLINE 卡片</translation>
    </message>
    <message>
        <source>OFFLINE card</source>
        <translation>OFFLINE 卡片</translation>
    </message>
    <message>
        <source>COMING SOON card</source>
        <translation>COMING SOON 卡片</translation>
    </message>
    <message>
        <source>AVideo&apos;s waiting loop</source>
        <translation>AVideo 的等待动画</translation>
    </message>
    <message>
        <source>static poster</source>
        <translation>静态海报</translation>
    </message>
    <message>
        <source>blank picture</source>
        <translation>空白画面</translation>
    </message>
    <message>
        <source>broken image</source>
        <translation>损坏的图片</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>未获取</translation>
    </message>
</context>
<context>
    <name>avld::TileBadge</name>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>encoder placeholder</source>
        <translation>编码器占位图</translation>
    </message>
    <message>
        <source>ONLINE card</source>
        <translation>ONLINE 卡片</translation>
    </message>
    <message>
        <source>OFFLINE card</source>
        <translation>OFFLINE 卡片</translation>
    </message>
    <message>
        <source>other card</source>
        <translation>其他卡片</translation>
    </message>
    <message>
        <source>black</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>过时</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>static poster</source>
        <translation>静态海报</translation>
    </message>
    <message>
        <source>Visitors see a real frame of the live.</source>
        <translation>访客看到的是直播的真实画面。</translation>
    </message>
    <message>
        <source>Visitors see the encoder&apos;s own placeholder: the encoder answered but had no frame of this live. Check that the encoder can play the stream, or switch the site to a working encoder or the stand-in.</source>
        <translation>访客看到的是编码器自己的占位图：编码器有应答，但没有这个直播的画面。请检查编码器能否播放该直播流，或将站点切换到可用的编码器或替补。</translation>
    </message>
    <message>
        <source>Visitors see AVideo&apos;s grey ONLINE card: the site&apos;s encoder gave no picture within 2 s. Check the encoder (Encoders page), or start the stand-in and switch the site to it, then clear the live caches.</source>
        <translation>访客看到的是 AVideo 的灰色 ONLINE 卡片：站点的编码器没有在 2 秒内提供画面。请检查编码器（“编码器”页面），或启动替补并将站点切换到它，然后清除直播缓存。</translation>
    </message>
    <message>
        <source>Visitors see AVideo&apos;s OFFLINE card: the site thinks this live is not running. If it is publishing, check the media server&apos;s stat page and the site&apos;s Live plugin settings.</source>
        <translation>访客看到的是 AVideo 的 OFFLINE 卡片：站点认为这个直播没有在进行。如果它正在推流，请检查媒体服务器的统计页面和站点的 Live 插件设置。</translation>
    </message>
    <message>
        <source>Visitors see a card or placeholder instead of a frame. The tooltip&apos;s Site line says which.</source>
        <translation>访客看到的是卡片或占位图，而不是画面。提示中的“站点”一行说明了是哪一种。</translation>
    </message>
    <message>
        <source>Visitors see a black or blank picture. If our own frame shows pictures, the encoder grabbed too early or from a broken segment: clear the live caches.</source>
        <translation>访客看到的是黑色或空白画面。如果我们自己抓取的画面正常，说明编码器抓取得太早或抓到了损坏的分片：请清除直播缓存。</translation>
    </message>
    <message>
        <source>The site has shown the same picture for longer than AVideo keeps it in its cache, while the stream moved: the encoder is not asked again or answers with an old frame. Clear the live caches; if it stays, check the encoder.</source>
        <translation>站点显示同一画面的时间已超过 AVideo 的缓存时长，而直播流的画面在变化：编码器没有被再次请求，或返回了旧画面。请清除直播缓存；如果仍然如此，请检查编码器。</translation>
    </message>
    <message>
        <source>The site&apos;s picture could not be fetched this time; this is the last one it gave, with its age. Check that the site answers.</source>
        <translation>这次无法获取站点的画面；这是它上一次提供的画面，并标明了时长。请检查站点是否有应答。</translation>
    </message>
    <message>
        <source>Not known yet: the site&apos;s picture could not be fetched. The tooltip says why.</source>
        <translation>尚不清楚：无法获取站点的画面。提示中说明了原因。</translation>
    </message>
    <message>
        <source>Visitors see the streamer&apos;s static poster instead of a live frame: AVideo shows it when it gets no frame. Check the site&apos;s encoder.</source>
        <translation>访客看到的是主播的静态海报，而不是直播画面：AVideo 在得不到画面时会显示它。请检查站点的编码器。</translation>
    </message>
</context>
<context>
    <name>avld::TilePreview</name>
    <message>
        <source>the clip has no frames</source>
        <translation>片段中没有画面</translation>
    </message>
</context>
<context>
    <name>avld::TrayNotifier</name>
    <message>
        <source>&amp;Hide window</source>
        <translation>隐藏窗口(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>显示窗口(&amp;S)</translation>
    </message>
    <message>
        <source>AVideo Live Doctor</source>
        <translation>AVideo Live Doctor</translation>
    </message>
    <message>
        <source>Still monitoring in the tray. Use the tray menu&apos;s Quit to stop.</source>
        <translation>仍在托盘中监视。使用托盘菜单中的“退出”来停止。</translation>
    </message>
</context>
<context>
    <name>avld::Workspace</name>
    <message>
        <source>Not signed in: %1</source>
        <translation>未登录：%1</translation>
    </message>
    <message>
        <source>Quitting</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Stopping it</source>
        <translation>停止它</translation>
    </message>
    <message>
        <source>desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>%1 now asks this stand-in</source>
        <translation>%1 现在向此替补请求</translation>
    </message>
    <message>
        <source>%1&apos;s Encoder URL now points at the stand-in running here: AVideo asks it for every live thumbnail.</source>
        <translation>%1 的 Encoder URL 现在指向本机运行的替补：AVideo 会向它请求每个直播缩略图。</translation>
    </message>
    <message>
        <source>AVideo still holds the pictures it cached from the old encoder (the ONLINE cards among them) for up to 5 minutes (jpg) or 15 minutes (webp, gif). Clear the site&apos;s live caches now so that visitors see the stand-in&apos;s frames at once?</source>
        <translation>AVideo 仍保存着从旧编码器缓存的画面（包括 ONLINE 卡片），最长 5 分钟（jpg）或 15 分钟（webp、gif）。要立即清除站点的直播缓存，让访客马上看到替补的画面吗？</translation>
    </message>
    <message>
        <source>Clear the live caches</source>
        <translation>清除直播缓存</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>登录到 %1</translation>
    </message>
    <message>
        <source>Sign in to %1 (%2) as %3.

No kept sign-in works for this site (none was kept, or it is out of date). The password is sent to the site only; the tool keeps the hash the site returns, in the keychain.

Password:</source>
        <translation>以 %3 身份登录 %1（%2）。

此站点没有可用的已保存登录（从未保存，或已过期）。密码只发送给站点；工具只在密钥环中保存站点返回的哈希。

密码：</translation>
    </message>
    <message>
        <source>Not signed in: the password was not given. The site is read as a visitor sees it.</source>
        <translation>未登录：没有提供密码。将以访客的身份读取站点。</translation>
    </message>
    <message>
        <source>%1 uses this stand-in</source>
        <translation>%1 正在使用此替补</translation>
    </message>
    <message>
        <source>%1&apos;s Encoder URL points at the stand-in running here (%2).</source>
        <translation>%1 的 Encoder URL 指向本机运行的替补（%2）。</translation>
    </message>
    <message>
        <source>%1 stops it. Until it runs again, or the site&apos;s Encoder URL is changed, AVideo gets no live thumbnails: visitors see its ONLINE card, which AVideo then keeps for 5 minutes (jpg) to 15 minutes (webp, gif).</source>
        <translation>%1会停止它。在它再次运行或站点的 Encoder URL 被更改之前，AVideo 将得不到直播缩略图：访客会看到它的 ONLINE 卡片，AVideo 随后会将其保留 5 分钟（jpg）到 15 分钟（webp、gif）。</translation>
    </message>
    <message>
        <source>Stop the stand-in</source>
        <translation>停止替补</translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation>保持运行</translation>
    </message>
</context>
</TS>
