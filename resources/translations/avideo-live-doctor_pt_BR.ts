<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AVideo Live Doctor</source>
        <translation>Sobre o AVideo Live Doctor</translation>
    </message>
    <message>
        <source>Sees why an AVideo site&apos;s live gallery shows grey ONLINE/OFFLINE cards, watches its encoders, clears its caches and stands in as its thumbnail generator.</source>
        <translation>Descobre por que a galeria de lives de um site AVideo mostra cartões cinza ONLINE/OFFLINE, monitora os codificadores, limpa os caches e substitui o gerador de miniaturas.</translation>
    </message>
</context>
<context>
    <name>DiagnosisText</name>
    <message>
        <source>this computer&apos;s stand-in</source>
        <translation>o substituto deste computador</translation>
    </message>
    <message>
        <source>.</source>
        <comment>the full stop after a sentence</comment>
        <translation>.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>, getImage %1 (%2)</source>
        <translation>, getImage %1 (%2)</translation>
    </message>
    <message>
        <source>, reachable in %1, frames not tested</source>
        <translation>, acessível em %1, quadros não testados</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>, %1 % up over 24 h</source>
        <translation>, %1 % de disponibilidade em 24 h</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>codificador</translation>
    </message>
    <message>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>probed at</source>
        <translation>sondado em</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>acessível</translation>
    </message>
    <message>
        <source>HTTP %1 in %2</source>
        <translation>HTTP %1 em %2</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>sem resposta (%1)</translation>
    </message>
    <message>
        <source>getImage, as AVideo asks</source>
        <translation>getImage, como o AVideo pede</translation>
    </message>
    <message>
        <source>%1, %2 (AVideo waits %3 ms)</source>
        <translation>%1, %2 (o AVideo espera %3 ms)</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>certificado TLS</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>faltam %1 dias</translation>
    </message>
    <message>
        <source>its own status page says</source>
        <translation>a página de status dele diz</translation>
    </message>
    <message>
        <source>its own status page</source>
        <translation>a página de status dele</translation>
    </message>
    <message>
        <source> (the encoder shows its queue and memory only to an account of the site with upload rights)</source>
        <translation> (o codificador mostra a fila e a memória só a uma conta do site com direito de envio)</translation>
    </message>
    <message>
        <source>up over 24 h</source>
        <translation>disponível em 24 h</translation>
    </message>
    <message>
        <source>%1 % of %2 probes</source>
        <translation>%1 % de %2 sondagens</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL could not be read: %1</source>
        <translation>Não foi possível ler a Encoder URL do site: %1</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL is not known: sign in as an admin to read it.</source>
        <translation>A Encoder URL do site não é conhecida: entre como administrador para lê-la.</translation>
    </message>
    <message>
        <source>Sign in as an admin</source>
        <translation>Entrar como administrador</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 was not probed yet.</source>
        <translation>O codificador do site %1 ainda não foi sondado.</translation>
    </message>
    <message>
        <source>Probe the encoders</source>
        <translation>Sondar os codificadores</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 does not work: %2%3 AVideo gets no frames from it and shows its ONLINE card.</source>
        <translation>O codificador do site %1 não funciona: %2%3 O AVideo não recebe quadros dele e mostra o cartão ONLINE.</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 answers AVideo&apos;s thumbnail request in %2, beyond the %3 ms AVideo waits: visitors see the ONLINE card.</source>
        <translation>O codificador do site %1 responde ao pedido de miniatura do AVideo em %2, além dos %3 ms que o AVideo espera: os visitantes veem o cartão ONLINE.</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 answers but gives no real frame: %2%3</source>
        <translation>O codificador do site %1 responde, mas não dá quadro real: %2%3</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 answers; its frames were not tested (no live to test with).</source>
        <translation>O codificador do site %1 responde; os quadros dele não foram testados (não há transmissão para testar).</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 gives real frames in %2 (AVideo waits %3 ms).</source>
        <translation>O codificador do site %1 dá quadros reais em %2 (o AVideo espera %3 ms).</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 has %2 waiting to be encoded: while it works through them its thumbnails for AVideo slow down; keep a backup encoder or the stand-in ready.</source>
        <translation>O codificador do site %1 tem %2 esperando codificação: enquanto trabalha neles, as miniaturas dele para o AVideo ficam lentas; mantenha um codificador reserva ou o substituto pronto.</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vídeo</translation>
    </message>
    <message>
        <source>videos</source>
        <translation>vídeos</translation>
    </message>
    <message>
        <source>Watch a backup encoder to switch to</source>
        <translation>Monitorar um codificador reserva para onde mudar</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 has expired: AVideo refuses it.</source>
        <translation>O certificado TLS de %1 expirou: o AVideo o recusa.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 ends in %2: renew it before AVideo refuses it.</source>
        <translation>O certificado TLS de %1 termina em %2: renove-o antes que o AVideo o recuse.</translation>
    </message>
    <message>
        <source>day</source>
        <translation>dia</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dias</translation>
    </message>
    <message>
        <source>%1 gives real frames in %2: switch the site&apos;s Encoder URL to it while the site&apos;s encoder is down.</source>
        <translation>%1 dá quadros reais em %2: mude a Encoder URL do site para ele enquanto o codificador do site está fora.</translation>
    </message>
    <message>
        <source>%1 answers (its frames could not be tested without a live): switch the site&apos;s Encoder URL to it while the site&apos;s encoder is down.</source>
        <translation>%1 responde (os quadros dele não puderam ser testados sem uma transmissão): mude a Encoder URL do site para ele enquanto o codificador do site está fora.</translation>
    </message>
    <message>
        <source>what switching means</source>
        <translation>o que mudar significa</translation>
    </message>
    <message>
        <source>Put %1 in the site&apos;s Encoder URL (Site Configurations)</source>
        <translation>Coloque %1 na Encoder URL do site (Site Configurations)</translation>
    </message>
    <message>
        <source>No other encoder is watched: when the site&apos;s encoder fails there is nothing tested to switch to. Add a backup encoder (or keep the stand-in ready).</source>
        <translation>Nenhum outro codificador é monitorado: quando o codificador do site falhar, não há nada testado para onde mudar. Adicione um codificador reserva (ou mantenha o substituto pronto).</translation>
    </message>
    <message>
        <source>Add a backup encoder</source>
        <translation>Adicionar um codificador reserva</translation>
    </message>
    <message>
        <source>None of the %1 watched as backups works right now.</source>
        <translation>Nenhum dos %1 monitorados como reserva funciona agora.</translation>
    </message>
    <message>
        <source>encoders</source>
        <translation>codificadores</translation>
    </message>
    <message>
        <source>Add a backup encoder that works</source>
        <translation>Adicionar um codificador reserva que funcione</translation>
    </message>
    <message>
        <source>%1 of %2 watched as backups %3.</source>
        <translation>%1 de %2 monitorados como reserva %3.</translation>
    </message>
    <message>
        <source>works</source>
        <translation>funciona</translation>
    </message>
    <message>
        <source>work</source>
        <translation>funcionam</translation>
    </message>
    <message>
        <source>running for</source>
        <translation>rodando há</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>requests answered</source>
        <translation>pedidos respondidos</translation>
    </message>
    <message>
        <source>%1 (%2 images, %3 refused)</source>
        <translation>%1 (%2 imagens, %3 recusados)</translation>
    </message>
    <message>
        <source>streams kept fresh</source>
        <translation>transmissões mantidas atualizadas</translation>
    </message>
    <message>
        <source>grabs</source>
        <translation>capturas</translation>
    </message>
    <message>
        <source>%1, %2 failed</source>
        <translation>%1, %2 com falha</translation>
    </message>
    <message>
        <source>last image</source>
        <translation>última imagem</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>esta execução</translation>
    </message>
    <message>
        <source>The local stand-in is not running: started and given to the site as its Encoder URL, it makes the lives&apos; thumbnails from their streams while the encoder is down.</source>
        <translation>O substituto local não está rodando: iniciado e dado ao site como Encoder URL, ele gera as miniaturas das transmissões a partir dos fluxos enquanto o codificador está fora.</translation>
    </message>
    <message>
        <source>The local stand-in is not running; it is not needed while the site&apos;s encoder works.</source>
        <translation>O substituto local não está rodando; ele não é necessário enquanto o codificador do site funciona.</translation>
    </message>
    <message>
        <source>stand-in</source>
        <translation>substituto</translation>
    </message>
    <message>
        <source>The stand-in runs, but the site&apos;s Encoder URL does not point at it: the site still asks the failing encoder.</source>
        <translation>O substituto está rodando, mas a Encoder URL do site não aponta para ele: o site ainda pede ao codificador com falha.</translation>
    </message>
    <message>
        <source>The stand-in runs and is ready; the site uses its own encoder.</source>
        <translation>O substituto está rodando e pronto; o site usa o próprio codificador.</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL points at the stand-in; whether visitors get its frames was not verified.</source>
        <translation>A Encoder URL do site aponta para o substituto; não foi verificado se os visitantes recebem os quadros dele.</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Verificar de novo</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprovado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>The site serves the stand-in&apos;s frames: %1.</source>
        <translation>O site serve os quadros do substituto: %1.</translation>
    </message>
    <message>
        <source>The site serves the stand-in&apos;s frames for only part of the lives: %1. %2</source>
        <translation>O site serve os quadros do substituto só para parte das transmissões: %1. %2</translation>
    </message>
    <message>
        <source>Clear the live caches</source>
        <translation>Limpar os caches das transmissões</translation>
    </message>
    <message>
        <source>The site does not serve the stand-in&apos;s frames: %1. %2</source>
        <translation>O site não serve os quadros do substituto: %1. %2</translation>
    </message>
    <message>
        <source>Whether the site serves the stand-in&apos;s frames could not be checked: %1</source>
        <translation>Não foi possível verificar se o site serve os quadros do substituto: %1</translation>
    </message>
    <message>
        <source>probes of the site&apos;s encoder in 24 h</source>
        <translation>sondagens do codificador do site em 24 h</translation>
    </message>
    <message>
        <source>alerts go to</source>
        <translation>os alertas vão para</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>lugar nenhum</translation>
    </message>
    <message>
        <source>The history holds %1 probes of the site&apos;s encoder over the last 24 h: a watch runs on this computer.</source>
        <translation>O histórico tem %1 sondagens do codificador do site nas últimas 24 h: uma vigilância roda neste computador.</translation>
    </message>
    <message>
        <source>Nobody keeps watching the encoders: run `avideo-live-doctor encoders --watch --webhook URL` on a server (or keep this window open), so that a failing encoder alerts you before visitors see cards.</source>
        <translation>Ninguém vigia os codificadores: rode `avideo-live-doctor encoders --watch --webhook URL` num servidor (ou mantenha esta janela aberta), para que um codificador com falha avise você antes que os visitantes vejam cartões.</translation>
    </message>
    <message>
        <source>Keep a watch with alerts running</source>
        <translation>Manter uma vigilância com alertas rodando</translation>
    </message>
    <message>
        <source>The encoders are watched, but alerts go nowhere: give the watch a webhook.</source>
        <translation>Os codificadores são vigiados, mas os alertas não vão a lugar nenhum: dê um webhook à vigilância.</translation>
    </message>
    <message>
        <source>Send the alerts somewhere</source>
        <translation>Enviar os alertas para algum lugar</translation>
    </message>
    <message>
        <source>The encoders are watched and alerts go to %1.</source>
        <translation>Os codificadores são vigiados e os alertas vão para %1.</translation>
    </message>
    <message>
        <source>%1 work: when one fails there is another to switch to.</source>
        <translation>%1 funcionam: quando um falha, há outro para onde mudar.</translation>
    </message>
    <message>
        <source>Only one encoder works: keep a second one (another encoder, or stand-ins behind a load balancer) to switch to.</source>
        <translation>Só um codificador funciona: mantenha um segundo (outro codificador, ou substitutos atrás de um balanceador de carga) para onde mudar.</translation>
    </message>
    <message>
        <source>No encoder works: nothing to switch to.</source>
        <translation>Nenhum codificador funciona: não há para onde mudar.</translation>
    </message>
    <message>
        <source>When the encoder gives nothing, visitors see the streamer&apos;s poster for %1; for the others, AVideo&apos;s ONLINE card.</source>
        <translation>Quando o codificador não dá nada, os visitantes veem o pôster de quem transmite para %1; para as outras, o cartão ONLINE do AVideo.</translation>
    </message>
    <message>
        <source>live</source>
        <translation>transmissão</translation>
    </message>
    <message>
        <source>lives</source>
        <translation>transmissões</translation>
    </message>
    <message>
        <source>When the encoder gives nothing, visitors see AVideo&apos;s grey ONLINE card; a poster uploaded for each live looks better while the encoder is repaired.</source>
        <translation>Quando o codificador não dá nada, os visitantes veem o cartão cinza ONLINE do AVideo; um pôster enviado para cada transmissão fica melhor enquanto o codificador é consertado.</translation>
    </message>
    <message>
        <source>the publisher&apos;s source is frozen — check the camera or the OBS scene</source>
        <translation>a fonte de quem transmite está congelada — verifique a câmera ou a cena do OBS</translation>
    </message>
    <message>
        <source>%1 has shown the same picture for %2 (since %3) while publishing: %4.</source>
        <translation>%1 mostra a mesma imagem há %2 (desde %3) enquanto transmite: %4.</translation>
    </message>
    <message>
        <source>%1 has shown the same picture for %2 of its newest segment while publishing: %3.</source>
        <translation>%1 mostrou a mesma imagem por %2 do segmento mais recente enquanto transmite: %3.</translation>
    </message>
    <message>
        <source>%1 lives show the same picture while publishing, the longest %2 for %3: their publishers&apos; sources are frozen — check the cameras or the OBS scenes.</source>
        <translation>%1 transmissões mostram a mesma imagem enquanto transmitem, a mais longa %2 por %3: as fontes de quem transmite estão congeladas — verifique as câmeras ou as cenas do OBS.</translation>
    </message>
    <message>
        <source>the stream runs but its picture is black — a covered lens, an empty OBS scene or a source that gives no video</source>
        <translation>a transmissão roda, mas a imagem está preta — uma lente tampada, uma cena do OBS vazia ou uma fonte que não dá vídeo</translation>
    </message>
    <message>
        <source>%1 has been black for %2 (since %3): %4.</source>
        <translation>%1 está preta há %2 (desde %3): %4.</translation>
    </message>
    <message>
        <source>%1 has been black for %2 of its newest segment: %3.</source>
        <translation>%1 ficou preta por %2 do segmento mais recente: %3.</translation>
    </message>
    <message>
        <source>%1 is black: %2.</source>
        <translation>%1 está preta: %2.</translation>
    </message>
    <message>
        <source>%1 lives are black, the longest %2 for %3: their streams run but show no picture.</source>
        <translation>%1 transmissões estão pretas, a mais longa %2 por %3: as transmissões rodam, mas não mostram imagem.</translation>
    </message>
    <message>
        <source>%1 lives are black: their streams run but show no picture.</source>
        <translation>%1 transmissões estão pretas: elas rodam, mas não mostram imagem.</translation>
    </message>
    <message>
        <source>Check the streamer&apos;s camera or OBS scene (a frozen capture, a still image or a stalled source); the stream itself is running</source>
        <translation>Verifique a câmera ou a cena do OBS de quem transmite (captura congelada, imagem parada ou fonte travada); a transmissão em si continua no ar</translation>
    </message>
    <message>
        <source>Check the streamer&apos;s camera (lens cover, cable) and the OBS scene&apos;s video source; the stream itself is running</source>
        <translation>Verifique a câmera de quem transmite (tampa da lente, cabo) e a fonte de vídeo da cena do OBS; a transmissão em si continua no ar</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>não obtida</translation>
    </message>
    <message>
        <source>not grabbed</source>
        <translation>não capturada</translation>
    </message>
    <message>
        <source>, %1 s behind the live edge</source>
        <translation>, %1 s atrás do ao vivo</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>falhou: %1</translation>
    </message>
    <message>
        <source>visitors see: %1; our frame: %2</source>
        <translation>os visitantes veem: %1; nosso quadro: %2</translation>
    </message>
    <message>
        <source>working (last probe)</source>
        <translation>funcionando (última sondagem)</translation>
    </message>
    <message>
        <source>degraded (last probe)</source>
        <translation>degradado (última sondagem)</translation>
    </message>
    <message>
        <source>failing (last probe)</source>
        <translation>falhando (última sondagem)</translation>
    </message>
    <message>
        <source>Point the site&apos;s Encoder URL at the running stand-in</source>
        <translation>Apontar a Encoder URL do site para o substituto em execução</translation>
    </message>
    <message>
        <source>Start the stand-in, then point the site&apos;s Encoder URL at it</source>
        <translation>Iniciar o substituto e apontar a Encoder URL do site para ele</translation>
    </message>
    <message>
        <source>The site was not checked: the diagnosis ended before.</source>
        <translation>O site não foi verificado: o diagnóstico terminou antes.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Verificar de novo</translation>
    </message>
    <message>
        <source>The site&apos;s list of lives cannot be read: %1</source>
        <translation>A lista de transmissões do site não pode ser lida: %1</translation>
    </message>
    <message>
        <source>site</source>
        <translation>site</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>The site answers and lists %1.</source>
        <translation>O site responde e lista %1.</translation>
    </message>
    <message>
        <source>check took</source>
        <translation>a verificação levou</translation>
    </message>
    <message>
        <source>AVideo version</source>
        <translation>versão do AVideo</translation>
    </message>
    <message>
        <source>not read: </source>
        <translation>não lida: </translation>
    </message>
    <message>
        <source>Signed in as %1, an admin: the Encoder URL and the caches can be read and cleared.</source>
        <translation>Conectado como %1, um administrador: a Encoder URL e os caches podem ser lidos e limpos.</translation>
    </message>
    <message>
        <source>Signed in as %1, who is not an admin: the site&apos;s Encoder URL cannot be read nor its caches cleared. Sign in as an admin.</source>
        <translation>Conectado como %1, que não é administrador: a Encoder URL do site não pode ser lida nem os caches limpos. Entre como administrador.</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>O login falhou: %1</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Entrar de novo</translation>
    </message>
    <message>
        <source>Not signed in: the site&apos;s Encoder URL and caches were not looked at. Sign in as an admin to check them.</source>
        <translation>Não conectado: a Encoder URL e os caches do site não foram examinados. Entre como administrador para verificá-los.</translation>
    </message>
    <message>
        <source>What visitors see is unknown: the site&apos;s lives could not be read.</source>
        <translation>O que os visitantes veem é desconhecido: as transmissões do site não puderam ser lidas.</translation>
    </message>
    <message>
        <source>%1 still %2 a card from before the encoder gave frames again.</source>
        <translation>%1 ainda %2 um cartão de antes de o codificador voltar a dar quadros.</translation>
    </message>
    <message>
        <source>shows</source>
        <translation>mostra</translation>
    </message>
    <message>
        <source>show</source>
        <translation>mostram</translation>
    </message>
    <message>
        <source>a static poster</source>
        <translation>um pôster estático</translation>
    </message>
    <message>
        <source>the ONLINE card</source>
        <translation>o cartão ONLINE</translation>
    </message>
    <message>
        <source>a placeholder</source>
        <translation>uma imagem provisória</translation>
    </message>
    <message>
        <source>%1 %2 %3 although %4 pictures: the site&apos;s encoder gives no frames.</source>
        <translation>%1 %2 %3 embora %4 imagem: o codificador do site não dá quadros.</translation>
    </message>
    <message>
        <source>its stream has</source>
        <translation>a transmissão tenha</translation>
    </message>
    <message>
        <source>their streams have</source>
        <translation>as transmissões tenham</translation>
    </message>
    <message>
        <source>The site&apos;s %1 answers %2 for %3: visitors see a broken image. The site&apos;s PHP error log says why.</source>
        <translation>O %1 do site responde %2 para %3: os visitantes veem uma imagem quebrada. O log de erros do PHP do site diz por quê.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no picture</source>
        <translation>nenhuma imagem</translation>
    </message>
    <message>
        <source>%1 %2 no picture of %3 own: the problem is the stream, not the site or its encoder.</source>
        <translation>%1 %2 imagem %3: o problema é a transmissão, não o site nem o codificador dele.</translation>
    </message>
    <message>
        <source>has</source>
        <translation>tem</translation>
    </message>
    <message>
        <source>have</source>
        <translation>têm</translation>
    </message>
    <message>
        <source>Ask the streamer to check the encoder software (OBS) and restart the stream</source>
        <translation>Pedir a quem transmite que verifique o software de codificação (OBS) e reinicie a transmissão</translation>
    </message>
    <message>
        <source>%1 %2 a placeholder, and the stream could not be checked from here.</source>
        <translation>%1 %2 uma imagem provisória, e a transmissão não pôde ser verificada daqui.</translation>
    </message>
    <message>
        <source>The thumbnail of %1 did not reach this computer: what visitors see is unknown.</source>
        <translation>A miniatura de %1 não chegou a este computador: o que os visitantes veem é desconhecido.</translation>
    </message>
    <message>
        <source>No live is running: there are no thumbnails to check right now.</source>
        <translation>Nenhuma transmissão no ar: não há miniaturas para verificar agora.</translation>
    </message>
    <message>
        <source>%1 %2 a real frame.</source>
        <translation>%1 %2 um quadro real.</translation>
    </message>
    <message>
        <source>The live</source>
        <translation>A transmissão</translation>
    </message>
    <message>
        <source>All %1 lives</source>
        <translation>Todas as %1 transmissões</translation>
    </message>
    <message>
        <source>No live shows a problem (%1 of %2 with a real frame).</source>
        <translation>Nenhuma transmissão mostra problema (%1 de %2 com quadro real).</translation>
    </message>
    <message>
        <source>The encoder gives frames now, but %1 still %2 a card: AVideo keeps the card it cached 5 minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.</source>
        <translation>O codificador dá quadros agora, mas %1 ainda %2 um cartão: o AVideo guarda o cartão do cache por 5 minutos (jpg) a 15 minutos (webp, gif), a menos que o cache seja limpo.</translation>
    </message>
    <message>
        <source>Clearing the caches would not help yet: the site&apos;s encoder gives no frames, so AVideo would cache a new card. Fix the encoder (or switch to the stand-in) first.</source>
        <translation>Limpar os caches ainda não ajudaria: o codificador do site não dá quadros, então o AVideo guardaria um cartão novo. Conserte o codificador (ou mude para o substituto) primeiro.</translation>
    </message>
    <message>
        <source>No live shows a card AVideo kept in its cache. (Clearing the caches needs an admin.)</source>
        <translation>Nenhuma transmissão mostra um cartão guardado no cache do AVideo. (Limpar os caches exige um administrador.)</translation>
    </message>
    <message>
        <source>No live shows a card AVideo kept in its cache.</source>
        <translation>Nenhuma transmissão mostra um cartão guardado no cache do AVideo.</translation>
    </message>
    <message>
        <source>last cleared by this tool</source>
        <translation>limpo pela última vez por esta ferramenta</translation>
    </message>
    <message>
        <source>%1, %2 another picture after it</source>
        <translation>%1, depois %2 outra imagem</translation>
    </message>
    <message>
        <source>live showed</source>
        <translation>transmissão mostrou</translation>
    </message>
    <message>
        <source>lives showed</source>
        <translation>transmissões mostraram</translation>
    </message>
    <message>
        <source>%1, failed: %2</source>
        <translation>%1, falhou: %2</translation>
    </message>
    <message>
        <source>not since it started</source>
        <translation>não desde que começou</translation>
    </message>
    <message>
        <source>AVideo keeps a live&apos;s picture</source>
        <translation>O AVideo guarda a imagem de uma transmissão por</translation>
    </message>
    <message>
        <source>5 min (jpg, png), 15 min (webp, gif)</source>
        <translation>5 min (jpg, png), 15 min (webp, gif)</translation>
    </message>
    <message>
        <source>The media server was not looked at: the site&apos;s lives could not be read.</source>
        <translation>O servidor de mídia não foi examinado: as transmissões do site não puderam ser lidas.</translation>
    </message>
    <message>
        <source>The site lists %1 the media server does not receive: nobody is publishing %2.</source>
        <translation>O site lista %1 que o servidor de mídia não recebe: ninguém está publicando %2.</translation>
    </message>
    <message>
        <source>it</source>
        <translation>-la</translation>
    </message>
    <message>
        <source>them</source>
        <translation>-las</translation>
    </message>
    <message>
        <source>Ask the streamer to start the stream again</source>
        <translation>Pedir a quem transmite que reinicie a transmissão</translation>
    </message>
    <message>
        <source>This computer cannot reach the media server for %1, so their frames could not be compared: check DNS and the firewall between here and %2.</source>
        <translation>Este computador não alcança o servidor de mídia de %1, então os quadros delas não puderam ser comparados: verifique o DNS e o firewall entre aqui e %2.</translation>
    </message>
    <message>
        <source>the media server</source>
        <translation>o servidor de mídia</translation>
    </message>
    <message>
        <source>The media server receives %1 the site does not list: the site lost track of %2 (an ended or unregistered live that still publishes).</source>
        <translation>O servidor de mídia recebe %1 que o site não lista: o site perdeu o rastro de %2 (uma transmissão encerrada ou não registrada que ainda publica).</translation>
    </message>
    <message>
        <source>the stream %1</source>
        <translation>a transmissão %1</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>transmissão</translation>
    </message>
    <message>
        <source>streams</source>
        <translation>transmissões</translation>
    </message>
    <message>
        <source>publishing on the media server, not in the site&apos;s list</source>
        <translation>publicando no servidor de mídia, fora da lista do site</translation>
    </message>
    <message>
        <source>The media server&apos;s stat page cannot be read (%1): lives the site lists and nobody publishes, or the reverse, go unnoticed.</source>
        <translation>A página de estatísticas do servidor de mídia não pode ser lida (%1): transmissões que o site lista e ninguém publica, ou o contrário, passam despercebidas.</translation>
    </message>
    <message>
        <source>: the streams were not compared.</source>
        <translation>: as transmissões não foram comparadas.</translation>
    </message>
    <message>
        <source>The media server and the site agree on the lives.</source>
        <translation>O servidor de mídia e o site concordam sobre as transmissões.</translation>
    </message>
    <message>
        <source>media server</source>
        <translation>servidor de mídia</translation>
    </message>
    <message>
        <source> since %1</source>
        <translation> desde %1</translation>
    </message>
    <message>
        <source>1 live shows %1</source>
        <translation>1 transmissão mostra %1</translation>
    </message>
    <message>
        <source>%1 lives show %2</source>
        <translation>%1 transmissões mostram %2</translation>
    </message>
    <message>
        <source>the site&apos;s encoder</source>
        <translation>o codificador do site</translation>
    </message>
    <message>
        <source>Checking the site…</source>
        <translation>Verificando o site…</translation>
    </message>
    <message>
        <source>Cannot read the site&apos;s lives: %1</source>
        <translation>Não foi possível ler as transmissões do site: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>The site&apos;s %1 answers %2 for %3: visitors see broken images. The site&apos;s PHP error log says why.</source>
        <translation>O %1 do site responde %2 para %3: os visitantes veem imagens quebradas. O log de erros do PHP do site diz por quê.</translation>
    </message>
    <message>
        <source>%1 lives</source>
        <translation>%1 transmissões</translation>
    </message>
    <message>
        <source>a static poster instead of a live frame</source>
        <translation>um pôster estático em vez de um quadro ao vivo</translation>
    </message>
    <message>
        <source>a placeholder instead of a frame</source>
        <translation>uma imagem provisória em vez de um quadro</translation>
    </message>
    <message>
        <source>Your encoder %1 is %2%3, so %4</source>
        <translation>Seu codificador %1 está %2%3, então %4</translation>
    </message>
    <message>
        <source>%1 although the stream has pictures: %2 gives no frames</source>
        <translation>%1 embora a transmissão tenha imagem: %2 não dá quadros</translation>
    </message>
    <message>
        <source>Your encoder %1 gives frames again, but %2 from before: AVideo keeps it 5 minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.</source>
        <translation>Seu codificador %1 voltou a dar quadros, mas %2 de antes: o AVideo o guarda por 5 minutos (jpg) a 15 minutos (webp, gif), a menos que o cache seja limpo.</translation>
    </message>
    <message>
        <source>1 live still shows a card</source>
        <translation>1 transmissão ainda mostra um cartão</translation>
    </message>
    <message>
        <source>%1 lives still show cards</source>
        <translation>%1 transmissões ainda mostram cartões</translation>
    </message>
    <message>
        <source>The site now asks this computer&apos;s stand-in for its thumbnails, but %1 from before the switch: AVideo keeps it 5 minutes (jpg) to 15 minutes (webp, gif) unless its cache is cleared.</source>
        <translation>O site agora pede as miniaturas ao substituto deste computador, mas %1 de antes da mudança: o AVideo o guarda por 5 minutos (jpg) a 15 minutos (webp, gif), a menos que o cache seja limpo.</translation>
    </message>
    <message>
        <source>. The stand-in runs: point the site&apos;s Encoder URL at it?</source>
        <translation>. O substituto está rodando: apontar a Encoder URL do site para ele?</translation>
    </message>
    <message>
        <source>Switch the site to it…</source>
        <translation>Mudar o site para ele…</translation>
    </message>
    <message>
        <source>. Start the stand-in and switch?</source>
        <translation>. Iniciar o substituto e mudar?</translation>
    </message>
    <message>
        <source>Start the stand-in</source>
        <translation>Iniciar o substituto</translation>
    </message>
    <message>
        <source>%1 works again, but %2: the site serves them from its cache.</source>
        <translation>%1 funciona de novo, mas %2: o site os serve do cache.</translation>
    </message>
    <message>
        <source>a card</source>
        <translation>um cartão</translation>
    </message>
    <message>
        <source>%1 no picture of its own: the problem is the stream, not the site.</source>
        <translation>%1 imagem própria: o problema é a transmissão, não o site.</translation>
    </message>
    <message>
        <source>1 live has</source>
        <translation>1 transmissão não tem</translation>
    </message>
    <message>
        <source>%1 lives have</source>
        <translation>%1 transmissões não têm</translation>
    </message>
    <message>
        <source>Show the lives</source>
        <translation>Mostrar as transmissões</translation>
    </message>
    <message>
        <source>Your encoder %1 is %2%3; the lives look fine for now.</source>
        <translation>Seu codificador %1 está %2%3; as transmissões parecem bem por enquanto.</translation>
    </message>
    <message>
        <source>Show the encoders</source>
        <translation>Mostrar os codificadores</translation>
    </message>
    <message>
        <source>a card instead of a frame</source>
        <translation>um cartão em vez de um quadro</translation>
    </message>
    <message>
        <source>No lives are running on the site right now.</source>
        <translation>Nenhuma transmissão no ar no site agora.</translation>
    </message>
    <message>
        <source>The live shows a real frame, from this computer&apos;s stand-in.</source>
        <translation>A transmissão mostra um quadro real, do substituto deste computador.</translation>
    </message>
    <message>
        <source>All %1 lives show real frames, from this computer&apos;s stand-in.</source>
        <translation>Todas as %1 transmissões mostram quadros reais, do substituto deste computador.</translation>
    </message>
    <message>
        <source>The live shows a real frame.</source>
        <translation>A transmissão mostra um quadro real.</translation>
    </message>
    <message>
        <source>All %1 lives show real frames.</source>
        <translation>Todas as %1 transmissões mostram quadros reais.</translation>
    </message>
    <message>
        <source>no sound above %1 dBFS</source>
        <translation>som acima de %1 dBFS</translation>
    </message>
    <message>
        <source>%1 has been silent for %2: %3 in any check since %4.</source>
        <translation>%1 está muda há %2: %3 em nenhuma verificação desde %4.</translation>
    </message>
    <message>
        <source>%1 is silent: its newest segment (%2) has %3.</source>
        <translation>%1 está muda: o segmento mais recente (%2) não tem %3.</translation>
    </message>
    <message>
        <source>%1 lives are silent, the longest %2 for %3: %4.</source>
        <translation>%1 transmissões estão mudas, a mais longa %2 por %3: sem %4.</translation>
    </message>
    <message>
        <source>%1 lives are silent: their newest segments have %2.</source>
        <translation>%1 transmissões estão mudas: os segmentos mais recentes não têm %2.</translation>
    </message>
    <message>
        <source>Lower the microphone or music gain in OBS until its meter stays out of the red.</source>
        <translation>Baixe o ganho do microfone ou da música no OBS até o medidor sair do vermelho.</translation>
    </message>
    <message>
        <source>%1 peaks at full scale (%2 dBFS): its sound may distort. %3</source>
        <translation>%1 chega à escala máxima (%2 dBFS): o som pode distorcer. %3</translation>
    </message>
    <message>
        <source>%1 lives peak at full scale: their sound may distort. %2</source>
        <translation>%1 transmissões chegam à escala máxima: o som pode distorcer. %2</translation>
    </message>
    <message>
        <source>%1 %2 sound</source>
        <translation>%1 %2 som</translation>
    </message>
    <message>
        <source>%1 %2 no audio, which is not a fault: many lives carry none</source>
        <translation>%1 %2 áudio, o que não é defeito: muitas transmissões não têm</translation>
    </message>
    <message>
        <source>Check the streamer&apos;s microphone or audio source in OBS (muted, unplugged or the wrong device); the stream itself is running</source>
        <translation>Verifique o microfone de quem transmite ou a fonte de áudio no OBS (mutada, desconectada ou o dispositivo errado); a transmissão em si continua no ar</translation>
    </message>
    <message>
        <source>has</source>
        <comment>… no picture of its own</comment>
        <translation>não tem</translation>
    </message>
    <message>
        <source>have</source>
        <comment>… no picture of their own</comment>
        <translation>não têm</translation>
    </message>
    <message>
        <source>its</source>
        <comment>no picture of its own</comment>
        <translation>própria</translation>
    </message>
    <message>
        <source>their</source>
        <comment>no picture of their own</comment>
        <translation>própria</translation>
    </message>
    <message>
        <source>has</source>
        <comment>… no audio</comment>
        <translation>não tem</translation>
    </message>
    <message>
        <source>have</source>
        <comment>… no audio</comment>
        <translation>não têm</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Críticos</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation>Não verificados</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>Sem problemas</translation>
    </message>
    <message>
        <source>&lt;div class=&quot;small&quot;&gt;no picture&lt;/div&gt;</source>
        <translation>&lt;div class=&quot;small&quot;&gt;sem imagem&lt;/div&gt;</translation>
    </message>
    <message>
        <source>Diagnosis of %1</source>
        <translation>Diagnóstico de %1</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the report&apos;s language, as HTML&apos;s lang attribute</comment>
        <translation>pt-BR</translation>
    </message>
    <message>
        <source>&lt;h1&gt;AVideo Live Doctor — diagnosis of %1&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;AVideo Live Doctor — diagnóstico de %1&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&lt;div class=&quot;meta&quot;&gt;%1 · %2 · generated by AVideo Live Doctor %3%4&lt;/div&gt;</source>
        <translation>&lt;div class=&quot;meta&quot;&gt;%1 · %2 · gerado pelo AVideo Live Doctor %3%4&lt;/div&gt;</translation>
    </message>
    <message>
        <source> · &lt;b&gt;cancelled before every check ran&lt;/b&gt;</source>
        <translation> · &lt;b&gt;cancelado antes de todas as verificações rodarem&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;table class=&quot;evidence&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;span class=&quot;score&quot;&gt;%1&lt;/span&gt; / 100&lt;/td&gt;&lt;td&gt;Health score: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;table class=&quot;evidence&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;span class=&quot;score&quot;&gt;%1&lt;/span&gt; / 100&lt;/td&gt;&lt;td&gt;Pontuação de saúde: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span class=&quot;small&quot;&gt;Points lost:</source>
        <translation>&lt;br&gt;&lt;span class=&quot;small&quot;&gt;Pontos perdidos:</translation>
    </message>
    <message>
        <source>&lt;h2&gt;What to do&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;O que fazer&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing: every item of the checklist passed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nada: todos os itens da lista passaram.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The checklist&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;Item&lt;/th&gt;&lt;th&gt;Result&lt;/th&gt;&lt;th&gt;What we found&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;h2&gt;A lista de verificação&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;Item&lt;/th&gt;&lt;th&gt;Resultado&lt;/th&gt;&lt;th&gt;O que encontramos&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The lives&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;As transmissões&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No live to show.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nenhuma transmissão para mostrar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;small&quot;&gt;Each live: what visitors see (the site&apos;s thumbnail) beside our own frame of the stream.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;small&quot;&gt;Cada transmissão: o que os visitantes veem (a miniatura do site) ao lado do nosso próprio quadro da transmissão.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 s behind the live edge</source>
        <translation>%1 s atrás do ao vivo</translation>
    </message>
    <message>
        <source>grabbed</source>
        <translation>capturada</translation>
    </message>
    <message>
        <source>grab failed: </source>
        <translation>captura falhou: </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;visitors see: %2%3&lt;br&gt;our frame: %4&lt;br&gt;score %5/100 (%6)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;os visitantes veem: %2%3&lt;br&gt;nosso quadro: %4&lt;br&gt;pontuação %5/100 (%6)</translation>
    </message>
    <message>
        <source> (fetched %1)</source>
        <translation> (obtida às %1)</translation>
    </message>
    <message>
        <source>&lt;div class=&quot;film&quot;&gt;&lt;div class=&quot;pair&quot;&gt;&lt;div&gt;%1&lt;div class=&quot;small&quot;&gt;the site&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%2&lt;div class=&quot;small&quot;&gt;our frame&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%3&lt;/div&gt;&lt;/div&gt;</source>
        <translation>&lt;div class=&quot;film&quot;&gt;&lt;div class=&quot;pair&quot;&gt;&lt;div&gt;%1&lt;div class=&quot;small&quot;&gt;o site&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%2&lt;div class=&quot;small&quot;&gt;nosso quadro&lt;/div&gt;&lt;/div&gt;&lt;/div&gt;&lt;div&gt;%3&lt;/div&gt;&lt;/div&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The encoders&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Os codificadores&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No encoder was watched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nenhum codificador foi monitorado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;th&gt;Encoder&lt;/th&gt;&lt;th&gt;Role&lt;/th&gt;&lt;th&gt;State&lt;/th&gt;&lt;th&gt;getImage&lt;/th&gt;&lt;th&gt;Reachable&lt;/th&gt;&lt;th&gt;Up 24 h&lt;/th&gt;&lt;th&gt;Up 7 d&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;th&gt;Codificador&lt;/th&gt;&lt;th&gt;Papel&lt;/th&gt;&lt;th&gt;Estado&lt;/th&gt;&lt;th&gt;getImage&lt;/th&gt;&lt;th&gt;Acessível&lt;/th&gt;&lt;th&gt;Disponível 24 h&lt;/th&gt;&lt;th&gt;Disponível 7 d&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>last 24 h</source>
        <translation>últimas 24 h</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>últimos 7 dias</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Uptime, %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Disponibilidade, %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The local generator&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;O gerador local&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timeline&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Linha do tempo&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No state change or action was recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nenhuma mudança de estado ou ação foi registrada.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;th&gt;When&lt;/th&gt;&lt;th&gt;What&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;th&gt;Quando&lt;/th&gt;&lt;th&gt;O quê&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>O relatório não pôde ser gravado em %1: %2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Escolha uma pasta onde você possa gravar.</translation>
    </message>
    <message>
        <source>%1 is neither a .html nor a .pdf file.</source>
        <translation>%1 não é um arquivo .html nem .pdf.</translation>
    </message>
    <message>
        <source>Name the report FILE.html or FILE.pdf.</source>
        <translation>Dê ao relatório o nome ARQUIVO.html ou ARQUIVO.pdf.</translation>
    </message>
    <message>
        <source>Shift report, %1</source>
        <translation>Relatório do turno, %1</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Shift report — %1&lt;/h1&gt;&lt;div class=&quot;meta&quot;&gt;%2 · %3 to %4 · AVideo Live Doctor %5&lt;/div&gt;</source>
        <translation>&lt;h1&gt;Relatório do turno — %1&lt;/h1&gt;&lt;div class=&quot;meta&quot;&gt;%2 · de %3 a %4 · AVideo Live Doctor %5&lt;/div&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Encoders&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;Encoder&lt;/th&gt;&lt;th&gt;Up&lt;/th&gt;&lt;th&gt;Probes&lt;/th&gt;&lt;th&gt;Outages&lt;/th&gt;&lt;th&gt;Longest&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;h2&gt;Codificadores&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;th&gt;Codificador&lt;/th&gt;&lt;th&gt;Disponível&lt;/th&gt;&lt;th&gt;Sondagens&lt;/th&gt;&lt;th&gt;Quedas&lt;/th&gt;&lt;th&gt;Mais longa&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Outages and changes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Quedas e mudanças&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No encoder changed state during the shift.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nenhum codificador mudou de estado durante o turno.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The history holds no probe of the site&apos;s encoder between %1 and %2: nothing watched it during the shift.</source>
        <translation>O histórico não tem nenhuma sondagem do codificador do site entre %1 e %2: nada o vigiou durante o turno.</translation>
    </message>
    <message>
        <source>%1 was up %2 % of the shift (%3 probes)</source>
        <translation>%1 ficou disponível %2 % do turno (%3 sondagens)</translation>
    </message>
    <message>
        <source>; no outage.</source>
        <translation>; nenhuma queda.</translation>
    </message>
    <message>
        <source>; %1, the longest %2 (%3–%4%5).</source>
        <translation>; %1, a mais longa de %2 (%3–%4%5).</translation>
    </message>
    <message>
        <source>, still down</source>
        <translation>, ainda fora</translation>
    </message>
    <message>
        <source>no probes</source>
        <translation>nenhuma sondagem</translation>
    </message>
    <message>
        <source>%1 % healthy of %2 probes</source>
        <translation>%1 % saudável em %2 sondagens</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>1 outage</source>
        <translation>1 queda</translation>
    </message>
    <message>
        <source>%1 outages</source>
        <translation>%1 quedas</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Versions&lt;/h2&gt;&lt;table class=&quot;evidence&quot;&gt;</source>
        <translation>&lt;h2&gt;Versões&lt;/h2&gt;&lt;table class=&quot;evidence&quot;&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;AVideo (the site)&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;AVideo (o site)&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Encoder %1&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Codificador %1&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>This headless build writes HTML reports only, not PDF.</source>
        <translation>Esta versão sem interface gráfica grava relatórios apenas em HTML, não em PDF.</translation>
    </message>
    <message>
        <source>Give --report FILE.html (and print it to PDF from a browser), or run the desktop package&apos;s avideo-live-doctor for a PDF.</source>
        <translation>Use --report ARQUIVO.html (e imprima-o em PDF pelo navegador), ou execute o avideo-live-doctor do pacote desktop para obter um PDF.</translation>
    </message>
</context>
<context>
    <name>EncoderCellText</name>
    <message>
        <source>Not probed yet.</source>
        <translation>Ainda não sondado.</translation>
    </message>
    <message>
        <source>Not asked for a frame: no live of the site to ask for.</source>
        <translation>Nenhum quadro pedido: o site não tem transmissão para pedir.</translation>
    </message>
    <message>
        <source>Not asked for a frame: the encoder did not answer.</source>
        <translation>Nenhum quadro pedido: o codificador não respondeu.</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>não testado</translation>
    </message>
    <message>
        <source>getImage answered %1 in %2 ms (AVideo waits %3 ms)</source>
        <translation>getImage respondeu %1 em %2 ms (o AVideo espera %3 ms)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <source>%1 / %2 / %3 / %4 / %5 ms</source>
        <translation>%1 / %2 / %3 / %4 / %5 ms</translation>
    </message>
</context>
<context>
    <name>EncoderStateWords</name>
    <message>
        <source>reachable</source>
        <translation>acessível</translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message>
        <source>Good</source>
        <translation>Boa</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Razoável</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Ruim</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Péssima</translation>
    </message>
    <message>
        <source>the newest frame of the stream is %1 s old</source>
        <translation>o quadro mais recente da transmissão tem %1 s</translation>
    </message>
    <message>
        <source>its newest segment is silent</source>
        <translation>o segmento mais recente está mudo</translation>
    </message>
    <message>
        <source>its newest segment shows the same picture throughout</source>
        <translation>o segmento mais recente mostra a mesma imagem do começo ao fim</translation>
    </message>
</context>
<context>
    <name>LiveWords</name>
    <message>
        <source>%1: listed by the site but the media server receives no stream &quot;%2&quot;; visitors see it as live but nothing plays</source>
        <translation>%1: listada pelo site, mas o servidor de mídia não recebe nenhum fluxo &quot;%2&quot;; os visitantes a veem como ao vivo, mas nada toca</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is publishing to the media server but the site does not list it (unknown key, or the site&apos;s stats cache is stale)</source>
        <translation>&quot;%1&quot; está publicando no servidor de mídia, mas o site não a lista (chave desconhecida, ou o cache de estatísticas do site está desatualizado)</translation>
    </message>
    <message>
        <source>%1: the site&apos;s %2 answered HTTP %3: visitors see a broken image (%4)</source>
        <translation>%1: o %2 do site respondeu HTTP %3: os visitantes veem uma imagem quebrada (%4)</translation>
    </message>
    <message>
        <source>%1: the site shows a static poster, not a live frame — the encoder is not producing thumbnails (AVideo falls back to the streamer&apos;s poster)</source>
        <translation>%1: o site mostra um pôster estático, não um quadro ao vivo — o codificador não está gerando miniaturas (o AVideo recorre ao pôster de quem transmite)</translation>
    </message>
    <message>
        <source>%1: the site shows the %2 while the stream has real pictures — the encoder is not producing thumbnails</source>
        <translation>%1: o site mostra %2 enquanto a transmissão tem imagens reais — o codificador não está gerando miniaturas</translation>
    </message>
    <message>
        <source>%1: this computer cannot reach the media server%2 (%3); the stream was not checked — visitors may still play it. Check this computer&apos;s network and firewall, or give --player-server with an address it can reach</source>
        <translation>%1: este computador não alcança o servidor de mídia%2 (%3); a transmissão não foi verificada — os visitantes talvez ainda a reproduzam. Verifique a rede e o firewall deste computador, ou informe --player-server com um endereço que ele alcance</translation>
    </message>
    <message>
        <source>%1: the stream cannot be read: %2</source>
        <translation>%1: a transmissão não pode ser lida: %2</translation>
    </message>
    <message>
        <source>%1: the stream itself shows no picture (%2)</source>
        <translation>%1: a transmissão em si não mostra imagem (%2)</translation>
    </message>
    <message>
        <source>%1: the site shows a static poster, not a live frame — the encoder gives AVideo no thumbnail (AVideo falls back to the streamer&apos;s poster); the stream itself was not checked</source>
        <translation>%1: o site mostra um pôster estático, não um quadro ao vivo — o codificador não dá miniatura ao AVideo (o AVideo recorre ao pôster de quem transmite); a transmissão em si não foi verificada</translation>
    </message>
    <message>
        <source>%1: the site shows the %2</source>
        <translation>%1: o site mostra %2</translation>
    </message>
    <message>
        <source>%1: this computer could not fetch the site&apos;s thumbnail (%2); what visitors see was not checked</source>
        <translation>%1: este computador não conseguiu obter a miniatura do site (%2); o que os visitantes veem não foi verificado</translation>
    </message>
    <message>
        <source>%1: no thumbnail checked</source>
        <translation>%1: nenhuma miniatura verificada</translation>
    </message>
    <message>
        <source>%1: real thumbnail</source>
        <translation>%1: miniatura real</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>AVISO</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRÍTICO</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>DESCONHECIDO</translation>
    </message>
</context>
<context>
    <name>RecommendationWords</name>
    <message>
        <source> since %1</source>
        <translation> desde %1</translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 is %2%3: %4%5</source>
        <translation>O codificador do site %1 está %2%3: %4%5</translation>
    </message>
    <message>
        <source> No healthy alternative is being watched: start the stand-in, or add an encoder that works.</source>
        <translation> Nenhuma alternativa saudável está sendo monitorada: inicie o substituto, ou adicione um codificador que funcione.</translation>
    </message>
    <message>
        <source> Best alternative: %1 (%2)</source>
        <translation> Melhor alternativa: %1 (%2)</translation>
    </message>
    <message>
        <source>, real frames in %1 ms</source>
        <translation>, quadros reais em %1 ms</translation>
    </message>
    <message>
        <source>, reachable, frames not tested: no live was running to ask it for a frame, so look at a live&apos;s thumbnail after switching</source>
        <translation>, acessível, quadros não testados: não havia transmissão no ar para pedir um quadro, então olhe a miniatura de uma transmissão depois de mudar</translation>
    </message>
    <message>
        <source>. Switching sets the site&apos;s Encoder URL to it: AVideo then asks it for every live thumbnail, and also sends uploaded videos there for encoding unless forceEncoderURL or the encoder network overrides it.</source>
        <translation>. Mudar define a Encoder URL do site como ele: o AVideo passa a pedir a ele cada miniatura de transmissão, e também envia para lá os vídeos enviados para codificação, a menos que forceEncoderURL ou a rede de codificadores o substitua.</translation>
    </message>
    <message>
        <source> The stand-in makes thumbnails only, not video encodings: switch back once your encoder works again.</source>
        <translation> O substituto só faz miniaturas, não codifica vídeos: volte quando o seu codificador funcionar de novo.</translation>
    </message>
    <message>
        <source>The site&apos;s encoder %1 is %2%3.</source>
        <translation>O codificador do site %1 está %2%3.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>How often the tool looks, how long it waits, where the stand-in generator listens, and where secrets are kept. Changes take effect when applied.</source>
        <translation>Com que frequência a ferramenta verifica, quanto tempo espera, onde o gerador substituto escuta e onde os segredos ficam guardados. As alterações valem ao aplicar.</translation>
    </message>
    <message>
        <source>Lives</source>
        <translation>Transmissões</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Mídia</translation>
    </message>
    <message>
        <source>Encoders</source>
        <translation>Codificadores</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Gerador</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>The window changes language the next time it opens.</source>
        <translation>A janela muda de idioma na próxima vez que for aberta.</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Segredos</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>Restaurar &amp;padrões</translation>
    </message>
    <message>
        <source>Fill every field with its default value; Apply keeps them.</source>
        <translation>Preenche cada campo com o valor padrão; Aplicar os mantém.</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Reverter</translation>
    </message>
    <message>
        <source>Show the stored values again, dropping unapplied edits.</source>
        <translation>Mostra de novo os valores salvos, descartando as edições não aplicadas.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Apli&amp;car</translation>
    </message>
</context>
<context>
    <name>TileBadgeWords</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>TilePicture</name>
    <message>
        <source>still %1</source>
        <translation>parada %1</translation>
    </message>
    <message>
        <source>black %1</source>
        <translation>preta %1</translation>
    </message>
    <message>
        <source>black</source>
        <translation>preta</translation>
    </message>
    <message>
        <source>Picture: the same for %1 — %2. The publisher&apos;s source is frozen: check the camera or the OBS scene (a frozen capture, a still image or a stalled source); the stream itself is running.</source>
        <translation>Imagem: a mesma há %1 — %2. A fonte de quem transmite está congelada: verifique a câmera ou a cena do OBS (captura congelada, imagem parada ou fonte travada); a transmissão em si continua no ar.</translation>
    </message>
    <message>
        <source>in every check since %1</source>
        <translation>em todas as verificações desde %1</translation>
    </message>
    <message>
        <source>throughout the stream&apos;s newest segment</source>
        <translation>em todo o segmento mais recente da transmissão</translation>
    </message>
    <message>
        <source>Picture: black for %1 (since %2).</source>
        <translation>Imagem: preta há %1 (desde %2).</translation>
    </message>
    <message>
        <source>Picture: black.</source>
        <translation>Imagem: preta.</translation>
    </message>
    <message>
        <source> Check the streamer&apos;s camera (lens cover, cable) and the OBS scene&apos;s video source; the stream itself is running.</source>
        <translation> Verifique a câmera de quem transmite (tampa da lente, cabo) e a fonte de vídeo da cena do OBS; a transmissão em si continua no ar.</translation>
    </message>
    <message>
        <source>The newest check saw no picture: %1.</source>
        <translation>A verificação mais recente não viu imagem: %1.</translation>
    </message>
</context>
<context>
    <name>TileSound</name>
    <message>
        <source>silent %1</source>
        <translation>muda %1</translation>
    </message>
    <message>
        <source>no audio</source>
        <translation>sem áudio</translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation>%1 LUFS</translation>
    </message>
    <message>
        <source>peak %1 dBFS</source>
        <translation>pico %1 dBFS</translation>
    </message>
    <message>
        <source>Sound: not measured (%1).</source>
        <translation>Som: não medido (%1).</translation>
    </message>
    <message>
        <source>Sound: the stream carries no audio. Not a fault: many lives have none.</source>
        <translation>Som: a transmissão não tem áudio. Não é um defeito: muitas lives não têm.</translation>
    </message>
    <message>
        <source>Sound: silent for %1 — nothing above %2 dBFS %3. Check the streamer&apos;s microphone or audio source in OBS (muted, unplugged or the wrong device); the stream itself is running.</source>
        <translation>Som: mudo há %1 — nada acima de %2 dBFS %3. Verifique o microfone de quem transmite ou a fonte de áudio no OBS (mutada, desconectada ou o dispositivo errado); a transmissão em si continua no ar.</translation>
    </message>
    <message>
        <source>in any check since %1</source>
        <translation>em nenhuma verificação desde %1</translation>
    </message>
    <message>
        <source>in the stream&apos;s newest segment (%1 s)</source>
        <translation>no segmento mais recente da transmissão (%1 s)</translation>
    </message>
    <message>
        <source>Sound: peak %1 dBFS, RMS %2 dBFS</source>
        <translation>Som: pico %1 dBFS, RMS %2 dBFS</translation>
    </message>
    <message>
        <source>, loudness %1 LUFS</source>
        <translation>, sonoridade %1 LUFS</translation>
    </message>
    <message>
        <source> in the newest segment.</source>
        <translation> no segmento mais recente.</translation>
    </message>
    <message>
        <source> It reaches full scale and may distort: lower the gain in OBS.</source>
        <translation> Chega à escala máxima e pode distorcer: baixe o ganho no OBS.</translation>
    </message>
    <message>
        <source> Silent for its last %1 s.</source>
        <translation> Muda nos últimos %1 s.</translation>
    </message>
    <message>
        <source>The newest check did not measure it: %1.</source>
        <translation>A verificação mais recente não mediu: %1.</translation>
    </message>
</context>
<context>
    <name>TrayAlerts</name>
    <message>
        <source>Still: %1</source>
        <translation>Ainda: %1</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Resolvido: %1</translation>
    </message>
</context>
<context>
    <name>avld::AboutDialog</name>
    <message>
        <source>Copy versions</source>
        <translation>Copiar versões</translation>
    </message>
    <message>
        <source>%1 %2
Qt %3 (built with %4)
%5
%6</source>
        <translation>%1 %2
Qt %3 (compilado com %4)
%5
%6</translation>
    </message>
</context>
<context>
    <name>avld::AddEncoderDialog</name>
    <message>
        <source>Add an encoder</source>
        <translation>Adicionar um codificador</translation>
    </message>
    <message>
        <source>URL of the encoder, as in AVideo&apos;s Encoder URL setting:</source>
        <translation>URL do codificador, como na configuração Encoder URL do AVideo:</translation>
    </message>
    <message>
        <source>Edit encoder</source>
        <translation>Editar codificador</translation>
    </message>
    <message>
        <source>How the encoder is shown here; empty: its host</source>
        <translation>Como o codificador aparece aqui; vazio: o nome do host</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Set by the site&apos;s Encoder URL setting</source>
        <translation>Definida pela configuração Encoder URL do site</translation>
    </message>
    <message>
        <source>As in AVideo&apos;s Encoder URL setting</source>
        <translation>Como na configuração Encoder URL do AVideo</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Time between two probes while the encoder&apos;s state holds (%1 s to %2 s)</source>
        <translation>Tempo entre duas sondagens enquanto o estado do codificador se mantém (de %1 s a %2 s)</translation>
    </message>
    <message>
        <source>&amp;Probe every:</source>
        <translation>&amp;Sondar a cada:</translation>
    </message>
    <message>
        <source>This is the site&apos;s own encoder: its URL is the site&apos;s Encoder URL setting, so change it there. Here you can rename it and set how often it is probed.</source>
        <translation>Este é o próprio codificador do site: a URL dele é a configuração Encoder URL do site, então altere-a lá. Aqui você pode renomeá-lo e definir com que frequência é sondado.</translation>
    </message>
    <message>
        <source>This is not a URL.</source>
        <translation>Isto não é uma URL.</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>A URL precisa começar com http:// ou https://.</translation>
    </message>
    <message>
        <source>The URL has no host.</source>
        <translation>A URL não tem host.</translation>
    </message>
    <message>
        <source>Give the encoder&apos;s root, without ?query or #fragment.</source>
        <translation>Informe a raiz do codificador, sem ?consulta nem #fragmento.</translation>
    </message>
    <message>
        <source>Already watched as “%1”.</source>
        <translation>Já monitorado como “%1”.</translation>
    </message>
    <message>
        <source>A new address for the same encoder: its history continues under the new address. Its state starts again from unknown, with a probe at once.</source>
        <translation>Um novo endereço para o mesmo codificador: o histórico dele continua no novo endereço. O estado recomeça de desconhecido, com uma sondagem imediata.</translation>
    </message>
</context>
<context>
    <name>avld::AlertCenter</name>
    <message>
        <source>%1; trying again in %2 s</source>
        <translation>%1; nova tentativa em %2 s</translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation>Entregue às %1</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>Não entregue: %1</translation>
    </message>
    <message>
        <source>Alerts to %1 cannot be sent: %2</source>
        <translation>Os alertas para %1 não podem ser enviados: %2</translation>
    </message>
</context>
<context>
    <name>avld::AlertChannelDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>Canal de alerta</translation>
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
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <source>Webhook (JSON)</source>
        <translation>Webhook (JSON)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>optional, e.g. &quot;Ops on call&quot;</source>
        <translation>opcional, p. ex. &quot;Plantão de operações&quot;</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Bot API address:</source>
        <translation>Endereço da Bot API:</translation>
    </message>
    <message>
        <source>optional; Telegram&apos;s own when empty</source>
        <translation>opcional; vazio usa o do próprio Telegram</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De:</translation>
    </message>
    <message>
        <source>doctor@example.org</source>
        <translation>doctor@example.org</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>ops@example.org, oncall@example.org</source>
        <translation>ops@example.org, oncall@example.org</translation>
    </message>
    <message>
        <source> (leave empty to keep the one in the keychain)</source>
        <translation> (deixe vazio para manter o que está no chaveiro)</translation>
    </message>
    <message>
        <source>Topic URL:</source>
        <translation>URL do tópico:</translation>
    </message>
    <message>
        <source>https://ntfy.sh/my-avideo-alerts</source>
        <translation>https://ntfy.sh/my-avideo-alerts</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Token de acesso:</translation>
    </message>
    <message>
        <source>optional, for a protected topic</source>
        <translation>opcional, para um tópico protegido</translation>
    </message>
    <message>
        <source>The picture goes as an ntfy attachment.</source>
        <translation>A imagem vai como anexo do ntfy.</translation>
    </message>
    <message>
        <source>Chat id:</source>
        <translation>ID do chat:</translation>
    </message>
    <message>
        <source>-1001234567890 or @channel</source>
        <translation>-1001234567890 ou @canal</translation>
    </message>
    <message>
        <source>Bot token:</source>
        <translation>Token do bot:</translation>
    </message>
    <message>
        <source>from @BotFather</source>
        <translation>obtido com o @BotFather</translation>
    </message>
    <message>
        <source>With a picture the bot sends a photo with the text as its caption.</source>
        <translation>Com imagem, o bot envia uma foto com o texto como legenda.</translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation>URL do webhook:</translation>
    </message>
    <message>
        <source>https://discord.com/api/webhooks/…</source>
        <translation>https://discord.com/api/webhooks/…</translation>
    </message>
    <message>
        <source>The webhook URL is a secret (anyone with it can post): it is kept in the keychain. The picture is attached to the message.</source>
        <translation>A URL do webhook é um segredo (quem a tiver pode publicar): ela fica no chaveiro. A imagem vai anexada à mensagem.</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation>https://hooks.slack.com/services/…</translation>
    </message>
    <message>
        <source>Slack incoming webhooks take no files: the message says so and the picture stays in the window and the other channels.</source>
        <translation>Os webhooks de entrada do Slack não aceitam arquivos: a mensagem avisa isso e a imagem fica na janela e nos outros canais.</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>Servidor SMTP:</translation>
    </message>
    <message>
        <source>smtps://user@mail.example.org:465 or smtp://user@mail.example.org:587</source>
        <translation>smtps://user@mail.example.org:465 ou smtp://user@mail.example.org:587</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>smtps:// is TLS from the start; smtp:// must switch to TLS (STARTTLS) except to this computer&apos;s own mail server. The picture is attached.</source>
        <translation>smtps:// usa TLS desde o início; smtp:// precisa passar para TLS (STARTTLS), exceto com o servidor de e-mail deste próprio computador. A imagem vai anexada.</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>https://automation.example.org/hooks/avideo</source>
        <translation>https://automation.example.org/hooks/avideo</translation>
    </message>
    <message>
        <source>Secret URL:</source>
        <translation>URL secreta:</translation>
    </message>
    <message>
        <source>optional: a URL kept in the keychain instead of the one above</source>
        <translation>opcional: uma URL guardada no chaveiro em vez da de cima</translation>
    </message>
    <message>
        <source>A JSON POST with the alert&apos;s facts; the picture in base64.</source>
        <translation>Um POST em JSON com os dados do alerta; a imagem em base64.</translation>
    </message>
    <message>
        <source>Give its %1.</source>
        <translation>Informe o(a) %1.</translation>
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
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>webhook URL in the keychain</source>
        <translation>URL do webhook no chaveiro</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>chat %1</source>
        <translation>chat %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Where encoder alerts go besides this window: raised, reminded while they last, and resolved, each with the encoder&apos;s latest picture where the channel takes one. Changes here are kept at once.</source>
        <translation>Para onde vão os alertas de encoder além desta janela: disparados, lembrados enquanto durarem e resolvidos, cada um com a imagem mais recente do encoder quando o canal aceita. As mudanças aqui são salvas na hora.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Envia para</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>Último teste</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Send test alert</source>
        <translation>Enviar alerta de teste</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Remind every:</source>
        <translation>Lembrar a cada:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>das</translation>
    </message>
    <message>
        <source>to</source>
        <translation>às</translation>
    </message>
    <message>
        <source>Quiet hours:</source>
        <translation>Horário silencioso:</translation>
    </message>
    <message>
        <source>Send critical alerts (an encoder offline) during quiet hours</source>
        <translation>Enviar alertas críticos (um encoder offline) no horário silencioso</translation>
    </message>
    <message>
        <source>Warnings are held during quiet hours and sent as one summary when they end.</source>
        <translation>Os avisos ficam retidos no horário silencioso e são enviados num único resumo quando ele termina.</translation>
    </message>
    <message>
        <source>Raised now:</source>
        <translation>Disparados agora:</translation>
    </message>
    <message>
        <source>Snooze for 1 hour</source>
        <translation>Adiar por 1 hora</translation>
    </message>
    <message>
        <source>Snooze all for 1 hour</source>
        <translation>Adiar todos por 1 hora</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message numerus="yes">
        <source>%n alert message(s) not delivered since the start; the last: %1</source>
        <translation>
            <numerusform>%n mensagem de alerta não entregue desde o início; a última: %1</numerusform>
            <numerusform>%n mensagens de alerta não entregues desde o início; a última: %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (snoozed until %1)</source>
        <translation> (adiado até %1)</translation>
    </message>
    <message>
        <source>No alert is raised.</source>
        <translation>Nenhum alerta disparado.</translation>
    </message>
    <message>
        <source>The secret could not be kept in the keychain: %1</source>
        <translation>Não foi possível guardar o segredo no chaveiro: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
</context>
<context>
    <name>avld::AllowedHostsEditor</name>
    <message>
        <source>Only streams on these hosts are fetched (double-click to edit).</source>
        <translation>Só são buscadas transmissões nestes hosts (clique duas vezes para editar).</translation>
    </message>
    <message>
        <source>host, IP or CIDR</source>
        <translation>host, IP ou CIDR</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
</context>
<context>
    <name>avld::CachePage</name>
    <message>
        <source>the site cache and all object caches</source>
        <translation>o cache do site e todos os caches de objetos</translation>
    </message>
    <message>
        <source>the site cache</source>
        <translation>o cache do site</translation>
    </message>
    <message>
        <source>all object caches</source>
        <translation>todos os caches de objetos</translation>
    </message>
    <message>
        <source>nothing it reported</source>
        <translation>nada que ele tenha informado</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erro: %1</translation>
    </message>
    <message>
        <source>new image served (%1)</source>
        <translation>nova imagem servida (%1)</translation>
    </message>
    <message numerus="yes">
        <source>still the old one (%1, %2) after %n check(s)</source>
        <translation>
            <numerusform>ainda a antiga (%1, %2) após %n verificação</numerusform>
            <numerusform>ainda a antiga (%1, %2) após %n verificações</numerusform>
        </translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 — %2 · key %3
Visitors see: %4</source>
        <translation>%1 — %2 · chave %3
Os visitantes veem: %4</translation>
    </message>
    <message>
        <source>AVideo keeps each live&apos;s thumbnail for up to 5 minutes (15 for animated ones). Clearing the caches makes it ask the encoder again at once.</source>
        <translation>O AVideo guarda a miniatura de cada transmissão por até 5 minutos (15 para as animadas). Limpar os caches faz com que ele peça ao codificador de novo na hora.</translation>
    </message>
    <message>
        <source>Waiting for the first check of the site&apos;s lives…</source>
        <translation>Aguardando a primeira verificação das transmissões do site…</translation>
    </message>
    <message>
        <source>Clear the site&apos;s caches</source>
        <translation>Limpar os caches do site</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Completo</translation>
    </message>
    <message>
        <source>First page only</source>
        <translation>Só a primeira página</translation>
    </message>
    <message>
        <source>My session only</source>
        <translation>Só a minha sessão</translation>
    </message>
    <message>
        <source>Ask the encoder for new images first</source>
        <translation>Pedir antes imagens novas ao codificador</translation>
    </message>
    <message>
        <source>Otherwise the site may cache the encoder&apos;s old picture again.</source>
        <translation>Senão o site pode guardar de novo no cache a imagem antiga do codificador.</translation>
    </message>
    <message>
        <source>Clear live caches</source>
        <translation>Limpar caches das transmissões</translation>
    </message>
    <message>
        <source>Not cleared yet in this session.</source>
        <translation>Ainda não limpo nesta sessão.</translation>
    </message>
    <message>
        <source>Renew chosen lives on the encoder</source>
        <translation>Renovar no codificador as transmissões escolhidas</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Marcar todas</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Desmarcar todas</translation>
    </message>
    <message>
        <source>then clear the caches</source>
        <translation>depois limpar os caches</translation>
    </message>
    <message>
        <source>Clears the caches as chosen above once the encoder has the new images, so the site shows them at once.</source>
        <translation>Limpa os caches como escolhido acima assim que o codificador tiver as imagens novas, para que o site as mostre na hora.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Renew selected on the encoder</source>
        <translation>Renovar as marcadas no codificador</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v de %m</translation>
    </message>
    <message>
        <source>Asking the encoder for new images, then clearing…</source>
        <translation>Pedindo imagens novas ao codificador e depois limpando…</translation>
    </message>
    <message>
        <source>Clearing, then looking at every live&apos;s thumbnail again…</source>
        <translation>Limpando e depois olhando de novo a miniatura de cada transmissão…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not cleared:&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Não limpo:&lt;/b&gt; %1&lt;br&gt;%2</translation>
    </message>
    <message numerus="yes">
        <source>The site cleared %1. %n live(s) changed, %2 unchanged.</source>
        <translation>
            <numerusform>O site limpou %1. %n transmissão mudou, %2 sem mudança.</numerusform>
            <numerusform>O site limpou %1. %n transmissões mudaram, %2 sem mudança.</numerusform>
        </translation>
    </message>
    <message>
        <source>No live&apos;s thumbnail changed: visitors see the same pictures as before.</source>
        <translation>Nenhuma miniatura mudou: os visitantes veem as mesmas imagens de antes.</translation>
    </message>
    <message>
        <source>%1
%2 → %3</source>
        <translation>%1
%2 → %3</translation>
    </message>
    <message>
        <source>  ·  Encoder: %1</source>
        <translation>  ·  Codificador: %1</translation>
    </message>
    <message>
        <source>Cannot read the site&apos;s lives: %1</source>
        <translation>Não foi possível ler as transmissões do site: %1</translation>
    </message>
    <message>
        <source>The site lists no live right now.</source>
        <translation>O site não lista nenhuma transmissão agora.</translation>
    </message>
    <message>
        <source>Tick the lives whose images the encoder should make again.</source>
        <translation>Marque as transmissões cujas imagens o codificador deve refazer.</translation>
    </message>
    <message>
        <source>Asks %1 for new images of the ticked lives (getImage with renew=1).</source>
        <translation>Pede a %1 imagens novas das transmissões marcadas (getImage com renew=1).</translation>
    </message>
    <message>
        <source>The encoder keeps each live&apos;s image for 10 minutes; renewing makes it grab a new frame now.</source>
        <translation>O codificador guarda a imagem de cada transmissão por 10 minutos; renovar faz com que ele capture um quadro novo agora.</translation>
    </message>
    <message numerus="yes">
        <source>Asking the encoder for new images of %n live(s), then waiting for them…</source>
        <translation>
            <numerusform>Pedindo ao codificador imagens novas de %n transmissão e aguardando…</numerusform>
            <numerusform>Pedindo ao codificador imagens novas de %n transmissões e aguardando…</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Not renewed:&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Não renovado:&lt;/b&gt; %1&lt;br&gt;%2</translation>
    </message>
    <message numerus="yes">
        <source>The encoder served a new image for %1 of %n live(s); %2 still the old one, %3 with an error.</source>
        <translation>
            <numerusform>O codificador serviu uma imagem nova para %1 de %n transmissão; %2 ainda com a antiga, %3 com erro.</numerusform>
            <numerusform>O codificador serviu uma imagem nova para %1 de %n transmissões; %2 ainda com a antiga, %3 com erro.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::DashboardPage</name>
    <message>
        <source>Lives</source>
        <translation>Transmissões</translation>
    </message>
    <message>
        <source>Encoders</source>
        <translation>Codificadores</translation>
    </message>
    <message>
        <source>Stand-in</source>
        <translation>Substituto</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Saúde</translation>
    </message>
    <message>
        <source>after the first check</source>
        <translation>após a primeira verificação</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>O que aconteceu</translation>
    </message>
    <message>
        <source>%1 · −%2: %3</source>
        <translation>%1 · −%2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n live(s)</source>
        <translation>
            <numerusform>%n transmissão</numerusform>
            <numerusform>%n transmissões</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 real thumbnails · %2 ONLINE cards
%3 OFFLINE cards · %4 other placeholders</source>
        <translation>%1 miniaturas reais · %2 cartões ONLINE
%3 cartões OFFLINE · %4 outras imagens provisórias</translation>
    </message>
    <message>
        <source>Checked at %1 in %2 s</source>
        <translation>Verificado às %1 em %2 s</translation>
    </message>
    <message>
        <source>Reading the site…</source>
        <translation>Lendo o site…</translation>
    </message>
    <message>
        <source>%1 reachable</source>
        <translation>acessíveis: %1</translation>
    </message>
    <message>
        <source>%1 online</source>
        <translation>%1 online</translation>
    </message>
    <message>
        <source>frames not tested: no live to ask for one
</source>
        <translation>quadros não testados: não há transmissão para pedir um
</translation>
    </message>
    <message>
        <source>%1 reachable, frames not tested
</source>
        <translation>acessíveis: %1, quadros não testados
</translation>
    </message>
    <message>
        <source>%1 degraded, %2 offline, %3 pending</source>
        <translation>degradados: %1, offline: %2, pendentes: %3</translation>
    </message>
    <message>
        <source>No encoder watched yet.</source>
        <translation>Nenhum codificador monitorado ainda.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Em execução</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Parado</translation>
    </message>
    <message>
        <source>AVideo can use it as its encoder:
see the Stand-in page for its URL.</source>
        <translation>O AVideo pode usá-lo como codificador:
veja a URL na página Substituto.</translation>
    </message>
    <message>
        <source>Start it to give the site real
thumbnails while its encoder is down.</source>
        <translation>Inicie-o para dar ao site
miniaturas reais enquanto o codificador está fora.</translation>
    </message>
</context>
<context>
    <name>avld::DiagnosePage</name>
    <message>
        <source>Critical (%1)</source>
        <translation>Críticos (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Avisos (%1)</translation>
    </message>
    <message>
        <source>Could not be checked (%1)</source>
        <translation>Não verificados (%1)</translation>
    </message>
    <message>
        <source>Passed (%1)</source>
        <translation>Aprovados (%1)</translation>
    </message>
    <message>
        <source>Walks the expert&apos;s checklist: the site, what each live shows beside our own frame, the site&apos;s encoder, backups, the local stand-in, the caches, prevention and the media server.</source>
        <translation>Percorre a lista de um especialista: o site, o que cada transmissão mostra ao lado do nosso próprio quadro, o codificador do site, os reservas, o substituto local, os caches, a prevenção e o servidor de mídia.</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>Diagnosticar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exportar relatório…</translation>
    </message>
    <message>
        <source>Shift report…</source>
        <translation>Relatório do turno…</translation>
    </message>
    <message>
        <source>The encoders over a time range, from the history: uptime, outages, changes.</source>
        <translation>Os codificadores num intervalo de tempo, a partir do histórico: disponibilidade, quedas, mudanças.</translation>
    </message>
    <message>
        <source>Not diagnosed yet: press Diagnose.</source>
        <translation>Ainda não diagnosticado: clique em Diagnosticar.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constatação</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Written: %1 (%2 kB)</source>
        <translation>Gravado: %1 (%2 kB)</translation>
    </message>
    <message>
        <source>Diagnosing…</source>
        <translation>Diagnosticando…</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>em andamento…</translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>A fazer: %1</translation>
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
        <translation>Pontuação de saúde %1/100 (%2)</translation>
    </message>
    <message>
        <source>Cancelled before every check ran. %1</source>
        <translation>Cancelado antes de todas as verificações rodarem. %1</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Exportar o relatório</translation>
    </message>
    <message>
        <source>Web page (*.html);;PDF (*.pdf)</source>
        <translation>Página web (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>Relatório do turno</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>The shift must end after it starts.</source>
        <translation>O turno precisa terminar depois de começar.</translation>
    </message>
    <message>
        <source>Save the shift report</source>
        <translation>Salvar o relatório do turno</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Gravando %1…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Gravado: %1</translation>
    </message>
    <message>
        <source>%1: %2&lt;br&gt;</source>
        <translation>%1: %2&lt;br&gt;</translation>
    </message>
</context>
<context>
    <name>avld::DiagnosisRun</name>
    <message>
        <source>Checking the site and its lives</source>
        <translation>Verificando o site e as transmissões</translation>
    </message>
    <message>
        <source>Probing the encoders</source>
        <translation>Sondando os codificadores</translation>
    </message>
    <message>
        <source>Verifying the local stand-in</source>
        <translation>Verificando o substituto local</translation>
    </message>
    <message>
        <source>Reading the encoders&apos; history</source>
        <translation>Lendo o histórico dos codificadores</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>tempo esgotado</translation>
    </message>
    <message>
        <source>no encoder is watched</source>
        <translation>nenhum codificador monitorado</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>the lives could not be read</source>
        <translation>as transmissões não puderam ser lidas</translation>
    </message>
    <message>
        <source>AVideo %1, %2</source>
        <translation>AVideo %1, %2</translation>
    </message>
    <message>
        <source>skipped: the stand-in is not running</source>
        <translation>ignorado: o substituto não está rodando</translation>
    </message>
    <message>
        <source>skipped: the site does not use the stand-in</source>
        <translation>ignorado: o site não usa o substituto</translation>
    </message>
    <message>
        <source>skipped: no history is kept</source>
        <translation>ignorado: nenhum histórico é guardado</translation>
    </message>
    <message numerus="yes">
        <source>%n live(s) checked</source>
        <translation>
            <numerusform>%n transmissão verificada</numerusform>
            <numerusform>%n transmissões verificadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encoder(s) probed</source>
        <translation>
            <numerusform>%n codificador sondado</numerusform>
            <numerusform>%n codificadores sondados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encoder(s) in the history</source>
        <translation>
            <numerusform>%n codificador no histórico</numerusform>
            <numerusform>%n codificadores no histórico</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>avld::EncoderDetailsPanel</name>
    <message>
        <source>ms (DNS / connect / TLS / first byte / total): %1</source>
        <translation>ms (DNS / conexão / TLS / primeiro byte / total): %1</translation>
    </message>
    <message>
        <source>getImage %1 ms (%2)</source>
        <translation>getImage %1 ms (%2)</translation>
    </message>
    <message>
        <source>frames not tested (no live to ask for one)</source>
        <translation>quadros não testados (não há transmissão para pedir um)</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>status: %1</translation>
    </message>
    <message>
        <source>certificate: %1 days left</source>
        <translation>certificado: faltam %1 dias</translation>
    </message>
    <message>
        <source>uptime 1 h %1 · 24 h %2 · 7 d %3</source>
        <translation>disponibilidade 1 h %1 · 24 h %2 · 7 d %3</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Histórico:</translation>
    </message>
    <message>
        <source>last %1</source>
        <translation>últimas %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No encoder selected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nenhum codificador selecionado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select an encoder in the table to see why it is in its state and how it did over time.</source>
        <translation>Selecione um codificador na tabela para ver por que ele está nesse estado e como se saiu ao longo do tempo.</translation>
    </message>
    <message>
        <source>Not probed yet.</source>
        <translation>Ainda não sondado.</translation>
    </message>
</context>
<context>
    <name>avld::EncoderHistoryChart</name>
    <message>
        <source>healthy probes %</source>
        <translation>sondagens saudáveis %</translation>
    </message>
    <message>
        <source>failed probes %</source>
        <translation>sondagens com falha %</translation>
    </message>
    <message>
        <source>latency ms</source>
        <translation>latência ms</translation>
    </message>
    <message>
        <source>getImage ms</source>
        <translation>getImage ms</translation>
    </message>
    <message>
        <source>healthy %</source>
        <translation>saudável %</translation>
    </message>
    <message>
        <source>Select an encoder to see its history</source>
        <translation>Selecione um codificador para ver o histórico</translation>
    </message>
    <message>
        <source>No probes in the last %1</source>
        <translation>Nenhuma sondagem nas últimas %1</translation>
    </message>
</context>
<context>
    <name>avld::EncoderOrigin</name>
    <message>
        <source>site&apos;s encoder</source>
        <translation>codificador do site</translation>
    </message>
    <message>
        <source>added</source>
        <translation>adicionado</translation>
    </message>
    <message>
        <source>local stand-in</source>
        <translation>substituto local</translation>
    </message>
    <message>
        <source>public</source>
        <translation>público</translation>
    </message>
</context>
<context>
    <name>avld::EncoderState</name>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degradado</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
</context>
<context>
    <name>avld::EncoderUrlBox</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>start the service to get its URL</source>
        <translation>inicie o serviço para obter a URL</translation>
    </message>
    <message>
        <source>Admin → Settings → Site Configurations → Encoder URL, then clear the cache.</source>
        <translation>Admin → Settings → Site Configurations → Encoder URL, depois limpe o cache.</translation>
    </message>
    <message>
        <source>Show the secret prefix</source>
        <translation>Mostrar o prefixo secreto</translation>
    </message>
    <message>
        <source>Copy the full URL, secret included</source>
        <translation>Copiar a URL completa, com o segredo</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>avld::EncodersPage</name>
    <message>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <source>Watch another encoder</source>
        <translation>Monitorar outro codificador</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Change the selected encoder&apos;s name, URL or probe interval (F2)</source>
        <translation>Altera o nome, a URL ou o intervalo de sondagem do codificador selecionado (F2)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Stop watching the selected encoder (Delete)</source>
        <translation>Deixa de monitorar o codificador selecionado (Delete)</translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation>Sondar agora</translation>
    </message>
    <message>
        <source>Probe the selected encoder, or all of them, now (F5)</source>
        <translation>Sonda agora o codificador selecionado, ou todos (F5)</translation>
    </message>
    <message>
        <source>How to switch the site to it…</source>
        <translation>Como mudar o site para ele…</translation>
    </message>
    <message>
        <source>Shows the steps to set the site&apos;s Encoder URL to the selected encoder (AVideo cannot be switched safely from outside)</source>
        <translation>Mostra os passos para definir a Encoder URL do site como o codificador selecionado (o AVideo não pode ser mudado com segurança de fora)</translation>
    </message>
    <message>
        <source>Select an encoder to see its history</source>
        <translation>Selecione um codificador para ver o histórico</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Carregando o histórico…</translation>
    </message>
    <message>
        <source>The site&apos;s own encoder is always watched</source>
        <translation>O próprio codificador do site é sempre monitorado</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a count of encoders and their state: 2 offline</comment>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>No encoder is watched yet: add one.</source>
        <translation>Nenhum codificador monitorado ainda: adicione um.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n encoder(s)&lt;/b&gt;: %1</source>
        <translation>
            <numerusform>&lt;b&gt;%n codificador&lt;/b&gt;: %1</numerusform>
            <numerusform>&lt;b&gt;%n codificadores&lt;/b&gt;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Remove encoder</source>
        <translation>Remover codificador</translation>
    </message>
    <message>
        <source>Stop watching %1? Its history is kept.</source>
        <translation>Deixar de monitorar %1? O histórico dele é mantido.</translation>
    </message>
    <message>
        <source>%1 is reachable, but its frames were not tested: no live was running to ask it for one.</source>
        <translation>%1 está acessível, mas os quadros dele não foram testados: não havia transmissão no ar para pedir um.</translation>
    </message>
    <message>
        <source>%1 is %2 right now.</source>
        <translation>%1 está %2 agora.</translation>
    </message>
</context>
<context>
    <name>avld::EncodersTableModel</name>
    <message>
        <source>not probed yet</source>
        <translation>ainda não sondado</translation>
    </message>
    <message>
        <source>Not probed yet</source>
        <translation>Ainda não sondado</translation>
    </message>
    <message>
        <source>%1
Shown as reachable, not online, until a live lets it prove real frames.</source>
        <translation>%1
Mostrado como acessível, não online, até que uma transmissão permita provar quadros reais.</translation>
    </message>
    <message>
        <source>DNS / connect / TLS / first byte / total, of the reachability request</source>
        <translation>DNS / conexão / TLS / primeiro byte / total, da requisição de acessibilidade</translation>
    </message>
    <message>
        <source>No history is kept</source>
        <translation>Nenhum histórico é guardado</translation>
    </message>
    <message>
        <source>1 h %1 · 24 h %2 · 7 d %3 · 30 d %4</source>
        <translation>1 h %1 · 24 h %2 · 7 d %3 · 30 d %4</translation>
    </message>
    <message>
        <source>DNS / connect / TLS / first byte (TTFB) / total, in milliseconds</source>
        <translation>DNS / conexão / TLS / primeiro byte (TTFB) / total, em milissegundos</translation>
    </message>
    <message>
        <source>Did getImage answer with a real frame of a live within AVideo&apos;s 2 s?</source>
        <translation>O getImage respondeu com um quadro real de uma transmissão dentro dos 2 s do AVideo?</translation>
    </message>
    <message>
        <source>Encoder / URL</source>
        <translation>Codificador / URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>DNS/conn/TLS/TTFB/total</source>
        <translation>DNS/con./TLS/TTFB/total</translation>
    </message>
    <message>
        <source>Real frame ≤ 2 s</source>
        <translation>Quadro real ≤ 2 s</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Uptime 24 h</source>
        <translation>Disponib. 24 h</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
</context>
<context>
    <name>avld::Finding</name>
    <message>
        <source>The site</source>
        <translation>O site</translation>
    </message>
    <message>
        <source>The lives</source>
        <translation>As transmissões</translation>
    </message>
    <message>
        <source>The site&apos;s encoder</source>
        <translation>O codificador do site</translation>
    </message>
    <message>
        <source>Backup encoders</source>
        <translation>Codificadores reserva</translation>
    </message>
    <message>
        <source>The local generator</source>
        <translation>O gerador local</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>Caches</translation>
    </message>
    <message>
        <source>Prevention</source>
        <translation>Prevenção</translation>
    </message>
    <message>
        <source>The media server</source>
        <translation>O servidor de mídia</translation>
    </message>
    <message>
        <source>Start the stand-in</source>
        <translation>Iniciar o substituto</translation>
    </message>
    <message>
        <source>Clear the caches</source>
        <translation>Limpar os caches</translation>
    </message>
    <message>
        <source>Probe again</source>
        <translation>Sondar de novo</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Verificar de novo</translation>
    </message>
</context>
<context>
    <name>avld::GeneratorPage</name>
    <message>
        <source>Verify the site</source>
        <translation>Verificar o site</translation>
    </message>
    <message>
        <source>Asks the site&apos;s plugin/Live/getImage.php for every live and checks that the picture is ours.</source>
        <translation>Pede ao plugin/Live/getImage.php do site cada transmissão e confere se a imagem é nossa.</translation>
    </message>
    <message>
        <source>Stand-in service</source>
        <translation>Serviço substituto</translation>
    </message>
    <message>
        <source>Encoder URL for AVideo (Admin → Settings → Site Configurations):</source>
        <translation>Encoder URL para o AVideo (Admin → Settings → Site Configurations):</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tráfego</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>no usable address</source>
        <translation>nenhum endereço utilizável</translation>
    </message>
    <message>
        <source>AVideo can use it</source>
        <translation>o AVideo pode usá-lo</translation>
    </message>
    <message>
        <source>only an AVideo on this same machine can use it (listen on 0.0.0.0 for another one)</source>
        <translation>só um AVideo nesta mesma máquina pode usá-lo (escute em 0.0.0.0 para outra)</translation>
    </message>
    <message>
        <source>The stand-in could not start: %1</source>
        <translation>O substituto não pôde iniciar: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Parado.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Stopping: answering the waiting requests…</source>
        <translation>Parando: respondendo às requisições em espera…</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>Em execução em %1</translation>
    </message>
    <message>
        <source>Running at %1 — %2</source>
        <translation>Em execução em %1 — %2</translation>
    </message>
</context>
<context>
    <name>avld::GeneratorSettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>127.0.0.1: only this machine; 0.0.0.0: every interface (AVideo on another machine).</source>
        <translation>127.0.0.1: só esta máquina; 0.0.0.0: todas as interfaces (AVideo em outra máquina).</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>qualquer porta livre</translation>
    </message>
    <message>
        <source>a secret path segment</source>
        <translation>um segmento de caminho secreto</translation>
    </message>
    <message>
        <source>Makes the URL a capability: only who knows it can use the service.</source>
        <translation>Torna a URL uma credencial: só quem a conhece pode usar o serviço.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Gerar</translation>
    </message>
    <message>
        <source>none: plain HTTP</source>
        <translation>nenhum: HTTP simples</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>Certificado TLS (PEM)</translation>
    </message>
    <message>
        <source>TLS key (PEM)</source>
        <translation>Chave TLS (PEM)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Longest wait for a fresh grab before an empty answer (AVideo gives up at 2000 ms).</source>
        <translation>Espera máxima por uma captura nova antes de uma resposta vazia (o AVideo desiste em 2000 ms).</translation>
    </message>
    <message>
        <source>A request for an image older than this waits for a new grab, when the grab fits the answer budget; a younger image is answered as it is. 0: every request grabs.</source>
        <translation>Um pedido de imagem mais antiga que isto espera uma captura nova, quando a captura cabe no prazo de resposta; uma imagem mais recente é respondida como está. 0: todo pedido captura.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Streams are grabbed when AVideo asks. Streams too slow for that are grabbed ahead of their requests, this often.</source>
        <translation>As transmissões são capturadas quando o AVideo pede. As lentas demais para isso são capturadas antes dos pedidos, com esta frequência.</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Endereço de escuta</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Secret prefix</source>
        <translation>Prefixo secreto</translation>
    </message>
    <message>
        <source>The hosts the stand-in may fetch streams from (the site&apos;s media servers); a request for any other host is refused.</source>
        <translation>Os hosts de onde o substituto pode buscar transmissões (os servidores de mídia do site); um pedido para qualquer outro host é recusado.</translation>
    </message>
    <message>
        <source>Stream hosts</source>
        <translation>Hosts permitidos</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>Certificado TLS</translation>
    </message>
    <message>
        <source>TLS key</source>
        <translation>Chave TLS</translation>
    </message>
    <message>
        <source>Answer budget</source>
        <translation>Prazo de resposta</translation>
    </message>
    <message>
        <source>Grab anew after</source>
        <translation>Capturar de novo após</translation>
    </message>
    <message>
        <source>Refresh slow streams every</source>
        <translation>Atualizar lentas a cada</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Arquivos PEM (*.pem *.crt *.key);;Todos os arquivos (*)</translation>
    </message>
</context>
<context>
    <name>avld::LatencyChartView</name>
    <message>
        <source>Answer time (ms), last 2 min</source>
        <translation>Resposta (ms), últimos 2 min</translation>
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
        <translation> (%1 quadros-chave num segmento de %2 s)</translation>
    </message>
    <message>
        <source> (%1 keyframes)</source>
        <translation> (%1 quadros-chave)</translation>
    </message>
    <message>
        <source>≥ %1 s (one per segment)</source>
        <translation>≥ %1 s (um por segmento)</translation>
    </message>
    <message>
        <source>≥ the segment length (one per segment)</source>
        <translation>≥ a duração do segmento (um por segmento)</translation>
    </message>
    <message>
        <source> — long: thumbnails and playback start slowly; use 2 s</source>
        <translation> — longo: miniaturas e reprodução começam devagar; use 2 s</translation>
    </message>
    <message>
        <source>no audio</source>
        <translation>sem áudio</translation>
    </message>
    <message>
        <source>silent for %1 (since %2)</source>
        <translation>muda há %1 (desde %2)</translation>
    </message>
    <message>
        <source>peak %1 dBFS, RMS %2 dBFS</source>
        <translation>pico %1 dBFS, RMS %2 dBFS</translation>
    </message>
    <message>
        <source>, %1 LUFS</source>
        <translation>, %1 LUFS</translation>
    </message>
    <message>
        <source>, at full scale</source>
        <translation>, na escala máxima</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>em movimento</translation>
    </message>
    <message>
        <source>still: the same picture for %1 (since %2)</source>
        <translation>parada: a mesma imagem há %1 (desde %2)</translation>
    </message>
    <message>
        <source>black for %1 (since %2)</source>
        <translation>preta há %1 (desde %2)</translation>
    </message>
    <message>
        <source>black</source>
        <translation>preta</translation>
    </message>
    <message>
        <source>The stream cannot be played: %1. Trying again…</source>
        <translation>A transmissão não pode ser reproduzida: %1. Tentando de novo…</translation>
    </message>
    <message>
        <source>The site gives no stream address for this live.</source>
        <translation>O site não informa o endereço da transmissão desta live.</translation>
    </message>
    <message>
        <source>Connecting to the stream…</source>
        <translation>Conectando à transmissão…</translation>
    </message>
    <message>
        <source>%1 — live detail</source>
        <translation>%1 — detalhes da transmissão</translation>
    </message>
    <message>
        <source>Stream:</source>
        <translation>Transmissão:</translation>
    </message>
    <message>
        <source>Codec:</source>
        <translation>Codec:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Resolução:</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>Taxa de quadros:</translation>
    </message>
    <message>
        <source>Bitrate:</source>
        <translation>Taxa de bits:</translation>
    </message>
    <message>
        <source>Keyframe interval:</source>
        <translation>Intervalo de quadros-chave:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segmento:</translation>
    </message>
    <message>
        <source>Playlist age:</source>
        <translation>Idade da playlist:</translation>
    </message>
    <message>
        <source>Behind live:</source>
        <translation>Atrás do ao vivo:</translation>
    </message>
    <message>
        <source>Our grab:</source>
        <translation>Nossa captura:</translation>
    </message>
    <message>
        <source>ok, %1 ms</source>
        <translation>ok, %1 ms</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>não tentada</translation>
    </message>
    <message>
        <source>Visitors see:</source>
        <translation>Os visitantes veem:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>Imagem:</translation>
    </message>
    <message>
        <source>Sound:</source>
        <translation>Som:</translation>
    </message>
    <message>
        <source>Bitrate, frame age and loudness</source>
        <translation>Taxa de bits, atraso do quadro e sonoridade</translation>
    </message>
    <message>
        <source>bitrate (kbit/s)</source>
        <translation>taxa de bits (kbit/s)</translation>
    </message>
    <message>
        <source>behind live (s)</source>
        <translation>atrás do ao vivo (s)</translation>
    </message>
    <message>
        <source>loudness (LUFS)</source>
        <translation>sonoridade (LUFS)</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
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
        <translation>saúde %1</translation>
    </message>
    <message>
        <source>1 viewer</source>
        <translation>1 espectador</translation>
    </message>
    <message>
        <source>%1 viewers</source>
        <translation>%1 espectadores</translation>
    </message>
    <message>
        <source>frame %1 s old</source>
        <translation>quadro de %1 s atrás</translation>
    </message>
    <message>
        <source>No picture from the site</source>
        <translation>Nenhuma imagem do site</translation>
    </message>
    <message>
        <source>site</source>
        <translation>site</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>nosso</translation>
    </message>
    <message>
        <source>Not grabbed</source>
        <translation>Não capturado</translation>
    </message>
    <message>
        <source>No problem found</source>
        <translation>Nenhum problema encontrado</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>prévia</translation>
    </message>
    <message>
        <source>loading preview…</source>
        <translation>carregando prévia…</translation>
    </message>
    <message>
        <source>no preview</source>
        <translation>sem prévia</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Prévia: %1</translation>
    </message>
</context>
<context>
    <name>avld::LivesFilterModel</name>
    <message>
        <source>All lives</source>
        <translation>Todas as transmissões</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Real frames</source>
        <translation>Quadros reais</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartões</translation>
    </message>
</context>
<context>
    <name>avld::LivesModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Site: %1</translation>
    </message>
    <message>
        <source>Our grab: %1</source>
        <translation>Nossa captura: %1</translation>
    </message>
</context>
<context>
    <name>avld::LivesPage</name>
    <message>
        <source>Search title, user or key (Ctrl+F)</source>
        <translation>Buscar título, usuário ou chave (Ctrl+F)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>Site only</source>
        <translation>Só o site</translation>
    </message>
    <message>
        <source>Ours only</source>
        <translation>Só o nosso</translation>
    </message>
    <message>
        <source>Tile size</source>
        <translation>Tamanho dos blocos</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Atualizar agora</translation>
    </message>
    <message>
        <source>Check the site again (F5)</source>
        <translation>Verificar o site de novo (F5)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Atualizando…</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Atualização automática desligada</translation>
    </message>
    <message>
        <source>Waiting for the check…</source>
        <translation>Aguardando a verificação…</translation>
    </message>
    <message>
        <source>Next refresh in %1 s</source>
        <translation>Próxima atualização em %1 s</translation>
    </message>
    <message>
        <source>The site lists no running lives.</source>
        <translation>O site não lista nenhuma transmissão no ar.</translation>
    </message>
    <message>
        <source>No lives match the filter or search.</source>
        <translation>Nenhuma transmissão corresponde ao filtro ou à busca.</translation>
    </message>
</context>
<context>
    <name>avld::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
</context>
<context>
    <name>avld::LogPage</name>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>What the tool did and saw, by module. Filter by level, category or text; export what is shown for a support request.</source>
        <translation>O que a ferramenta fez e viu, por módulo. Filtre por nível, categoria ou texto; exporte o que está à vista para um pedido de suporte.</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Depuração e acima</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Informação e acima</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avisos e erros</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Só erros</translation>
    </message>
    <message>
        <source>Least severe level shown</source>
        <translation>Nível menos grave mostrado</translation>
    </message>
    <message>
        <source>All modules</source>
        <translation>Todos os módulos</translation>
    </message>
    <message>
        <source>Show one module&apos;s messages only</source>
        <translation>Mostrar só as mensagens de um módulo</translation>
    </message>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>Buscar mensagens (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Nível:</translation>
    </message>
    <message>
        <source>&amp;Module:</source>
        <translation>&amp;Módulo:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>Copiar as linhas selecionadas (Ctrl+C)</translation>
    </message>
    <message>
        <source>Clear &amp;view</source>
        <translation>Limpar &amp;visualização</translation>
    </message>
    <message>
        <source>Empty the table; new messages keep appearing</source>
        <translation>Esvazia a tabela; as mensagens novas continuam aparecendo</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Save the rows shown to a text file</source>
        <translation>Salvar as linhas mostradas num arquivo de texto</translation>
    </message>
    <message>
        <source>%1 of %2 messages</source>
        <translation>%1 de %2 mensagens</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>Escolha uma pasta onde você possa gravar.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>%n mensagem exportada para %1</numerusform>
            <numerusform>%n mensagens exportadas para %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Exportar registro</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Arquivos de texto (*.txt *.log);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Select rows to copy.</source>
        <translation>Selecione as linhas a copiar.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>%n linha copiada.</numerusform>
            <numerusform>%n linhas copiadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>View cleared; new messages keep appearing.</source>
        <translation>Visualização limpa; as mensagens novas continuam aparecendo.</translation>
    </message>
</context>
<context>
    <name>avld::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>Painel</translation>
    </message>
    <message>
        <source>The site at a glance: how many lives are running, how many show real thumbnails and how many show AVideo&apos;s grey ONLINE/OFFLINE cards; which encoders are online, degraded or offline; whether the stand-in runs; and the most important finding in one sentence with its one-click fix.</source>
        <translation>O site num relance: quantas transmissões estão no ar, quantas mostram miniaturas reais e quantas mostram os cartões cinza ONLINE/OFFLINE do AVideo; quais codificadores estão online, degradados ou offline; se o substituto está rodando; e a constatação mais importante numa frase, com a correção em um clique.</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Walks the expert&apos;s checklist — the site, each live beside our own frame, the site&apos;s encoder, backups, the local stand-in, the caches, prevention and the media server — and says what is wrong, why and what to do, with a health score and a report (HTML or PDF) to send.</source>
        <translation>Percorre a lista de um especialista — o site, cada transmissão ao lado do nosso próprio quadro, o codificador do site, os reservas, o substituto local, os caches, a prevenção e o servidor de mídia — e diz o que está errado, por quê e o que fazer, com uma pontuação de saúde e um relatório (HTML ou PDF) para enviar.</translation>
    </message>
    <message>
        <source>Lives</source>
        <translation>Transmissões</translation>
    </message>
    <message>
        <source>Every live of the site as a tile: the thumbnail visitors see, classified (real frame, encoder placeholder, ONLINE card, OFFLINE card, user poster), beside the true current frame grabbed from the HLS stream, with the reason for every tile that looks wrong.</source>
        <translation>Cada transmissão do site como um bloco: a miniatura que os visitantes veem, classificada (quadro real, imagem provisória do codificador, cartão ONLINE, cartão OFFLINE, pôster do usuário), ao lado do quadro atual verdadeiro capturado do fluxo HLS, com o motivo de cada bloco que parece errado.</translation>
    </message>
    <message>
        <source>Encoders</source>
        <translation>Codificadores</translation>
    </message>
    <message>
        <source>The health of the site&apos;s encoder, its backups and the public encoders: reachable, latency by phase, TLS, version and queue, and the one test that matters — does its getImage return a real frame of a live stream within AVideo&apos;s 2-second budget? With history and charts.</source>
        <translation>A saúde do codificador do site, dos reservas e dos codificadores públicos: acessibilidade, latência por fase, TLS, versão e fila, e o único teste que importa — o getImage dele devolve um quadro real de uma transmissão dentro dos 2 segundos do AVideo? Com histórico e gráficos.</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Clear the site&apos;s live caches in one click (full, first page, or session), see what the site says it cleared, and compare the thumbnails before and after.</source>
        <translation>Limpe os caches das transmissões do site num clique (completo, primeira página ou sessão), veja o que o site diz ter limpado e compare as miniaturas antes e depois.</translation>
    </message>
    <message>
        <source>Stand-in</source>
        <translation>Substituto</translation>
    </message>
    <message>
        <source>Run the stand-in for the site&apos;s encoder: an HTTP service that answers AVideo&apos;s encoder requests with fresh frames grabbed in process. Shows the exact encoder URL to give AVideo, live request counters and latency, and checks that the site now serves its frames.</source>
        <translation>Rode o substituto do codificador do site: um serviço HTTP que responde aos pedidos de codificador do AVideo com quadros novos capturados no próprio processo. Mostra a URL exata do codificador a informar ao AVideo, contadores de pedidos ao vivo e latência, e verifica se o site agora serve os quadros dele.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Everything the tool did and saw, by module (site, media, encoders, generator), with level filter, search and export for support requests.</source>
        <translation>Tudo o que a ferramenta fez e viu, por módulo (site, mídia, codificadores, gerador), com filtro de nível, busca e exportação para pedidos de suporte.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Refresh and probe intervals, timeouts, the generator&apos;s address and port, and where secrets are kept (the desktop keychain; never plain files).</source>
        <translation>Intervalos de atualização e de sondagem, tempos limite, o endereço e a porta do gerador e onde os segredos ficam (o chaveiro da área de trabalho; nunca arquivos comuns).</translation>
    </message>
    <message>
        <source>The site this window shows (Ctrl+Shift+S)</source>
        <translation>O site que esta janela mostra (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>S&amp;ite</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About AVideo Live Doctor</source>
        <translation>&amp;Sobre o AVideo Live Doctor</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Sobre o &amp;Qt</translation>
    </message>
    <message>
        <source>No site configured</source>
        <translation>Nenhum site configurado</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Site: %1</translation>
    </message>
</context>
<context>
    <name>avld::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
</context>
<context>
    <name>avld::PlaceholderPage</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>Ainda não disponível nesta versão.</translation>
    </message>
</context>
<context>
    <name>avld::RemoteStandInPanel</name>
    <message>
        <source>Stand-in on another machine</source>
        <translation>Substituto em outra máquina</translation>
    </message>
    <message>
        <source>Its Encoder URL: http://server:8090/secret/</source>
        <translation>Sua URL do encoder: http://server:8090/secret/</translation>
    </message>
    <message>
        <source>The URL `avideo-live-doctor-nox standin-url` prints on the machine the stand-in runs on (its secret prefix included).</source>
        <translation>A URL que `avideo-live-doctor-nox standin-url` imprime na máquina onde o substituto roda (com o prefixo secreto).</translation>
    </message>
    <message>
        <source>A stand-in on the AVideo server (the package avideo-live-doctor-nox) can be watched from here: its health and counters.</source>
        <translation>Um substituto no servidor do AVideo (o pacote avideo-live-doctor-nox) pode ser acompanhado daqui: sua saúde e seus contadores.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Consultando %1…</translation>
    </message>
    <message>
        <source>Not watching.</source>
        <translation>Sem acompanhamento.</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>Parar de acompanhar</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Acompanhar</translation>
    </message>
    <message>
        <source>last image %1 ago</source>
        <translation>última imagem há %1</translation>
    </message>
    <message>
        <source>no image asked for yet</source>
        <translation>nenhuma imagem pedida ainda</translation>
    </message>
    <message>
        <source>✓ %1 answers: run %2, up %3, %4.</source>
        <translation>✓ %1 responde: execução %2, no ar há %3, %4.</translation>
    </message>
    <message>
        <source>✗ %1 (%2; asking again every 2 s)</source>
        <translation>✗ %1 (%2; nova consulta a cada 2 s)</translation>
    </message>
</context>
<context>
    <name>avld::Settings</name>
    <message>
        <source>%1: expected a %2</source>
        <translation>%1: era esperado um %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>precisa estar entre %1 e %2</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>precisa ser um destes: %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>não pode ficar vazio</translation>
    </message>
    <message>
        <source>must be an IP address such as 127.0.0.1, 0.0.0.0 or ::</source>
        <translation>precisa ser um endereço IP como 127.0.0.1, 0.0.0.0 ou ::</translation>
    </message>
    <message>
        <source>Last site profile</source>
        <translation>Último perfil de site</translation>
    </message>
    <message>
        <source>The site profile opened at start; empty opens the demo site.</source>
        <translation>O perfil de site aberto ao iniciar; vazio abre o site de demonstração.</translation>
    </message>
    <message>
        <source>Lives refresh interval (s)</source>
        <translation>Intervalo de atualização das transmissões (s)</translation>
    </message>
    <message>
        <source>How often the Lives page re-reads the site and grabs fresh frames.</source>
        <translation>Com que frequência a página Transmissões relê o site e captura quadros novos.</translation>
    </message>
    <message>
        <source>Grab timeout (ms)</source>
        <translation>Tempo limite de captura (ms)</translation>
    </message>
    <message>
        <source>Longest time one frame grab may take before it is reported as a timeout.</source>
        <translation>Tempo máximo que uma captura de quadro pode levar antes de ser considerada esgotada.</translation>
    </message>
    <message>
        <source>User-Agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>Sent with every site and stream request.</source>
        <translation>Enviado em cada requisição ao site e às transmissões.</translation>
    </message>
    <message>
        <source>Encoder probe interval (s)</source>
        <translation>Intervalo de sondagem dos codificadores (s)</translation>
    </message>
    <message>
        <source>How often each encoder is checked.</source>
        <translation>Com que frequência cada codificador é verificado.</translation>
    </message>
    <message>
        <source>Failures before offline</source>
        <translation>Falhas antes de offline</translation>
    </message>
    <message>
        <source>Consecutive failed probes before an encoder is reported offline.</source>
        <translation>Sondagens seguidas com falha antes de um codificador ser dado como offline.</translation>
    </message>
    <message>
        <source>Successes before online</source>
        <translation>Sucessos antes de online</translation>
    </message>
    <message>
        <source>Consecutive good probes before an encoder is reported back online.</source>
        <translation>Sondagens seguidas bem-sucedidas antes de um codificador ser dado como online de novo.</translation>
    </message>
    <message>
        <source>Stand-in listen address</source>
        <translation>Endereço de escuta do substituto</translation>
    </message>
    <message>
        <source>Address the stand-in thumbnail service binds to; AVideo&apos;s server must reach it.</source>
        <translation>Endereço em que o serviço de miniaturas substituto escuta; o servidor do AVideo precisa alcançá-lo.</translation>
    </message>
    <message>
        <source>Stand-in port</source>
        <translation>Porta do substituto</translation>
    </message>
    <message>
        <source>TCP port of the stand-in thumbnail service.</source>
        <translation>Porta TCP do serviço de miniaturas substituto.</translation>
    </message>
    <message>
        <source>Stand-in answer budget (ms)</source>
        <translation>Prazo de resposta do substituto (ms)</translation>
    </message>
    <message>
        <source>Longest wait for a fresh grab before answering empty; AVideo gives up after 2000 ms.</source>
        <translation>Espera máxima por uma captura nova antes de responder vazio; o AVideo desiste após 2000 ms.</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>Fechar para a bandeja</translation>
    </message>
    <message>
        <source>Closing the window keeps monitoring in the tray.</source>
        <translation>Fechar a janela mantém o monitoramento na bandeja.</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Nível do registro</translation>
    </message>
    <message>
        <source>Least severe message kept in the log.</source>
        <translation>Mensagem menos grave guardada no registro.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of the window; System default follows the desktop&apos;s language. Applied at the next start.</source>
        <translation>O idioma da janela; Padrão do sistema segue o idioma da área de trabalho. Aplicado na próxima inicialização.</translation>
    </message>
</context>
<context>
    <name>avld::SettingsPage</name>
    <message>
        <source>Passwords and password hashes are never written to the settings file or the log.</source>
        <translation>Senhas e hashes de senha nunca são gravados no arquivo de configurações nem no registro.</translation>
    </message>
    <message>
        <source>No secret store is configured.</source>
        <translation>Nenhum cofre de segredos configurado.</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>depuração</translation>
    </message>
    <message>
        <source>info</source>
        <translation>informação</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) refused and not saved; see the marked fields.</source>
        <translation>
            <numerusform>%n valor recusado e não salvo; veja os campos marcados.</numerusform>
            <numerusform>%n valores recusados e não salvos; veja os campos marcados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvo.</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Nada a salvar.</translation>
    </message>
    <message>
        <source>Showing the stored values.</source>
        <translation>Mostrando os valores salvos.</translation>
    </message>
    <message>
        <source>Defaults filled in; Apply keeps them.</source>
        <translation>Padrões preenchidos; Aplicar os mantém.</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>Fechar para a bandeja</translation>
    </message>
    <message>
        <source>Close to tray (this desktop has no system tray: closing the window quits)</source>
        <translation>Fechar para a bandeja (esta área de trabalho não tem bandeja do sistema: fechar a janela encerra)</translation>
    </message>
    <message>
        <source>Passwords and password hashes are kept in the %1 (never in the settings file or the log). So is the stand-in&apos;s secret Encoder URL prefix for each site; where no keychain runs, that one is kept in a file only you can read, in %2.</source>
        <translation>Senhas e hashes de senha ficam em %1 (nunca no arquivo de configurações nem no registro). O prefixo secreto da Encoder URL do substituto de cada site também; onde não há chaveiro, ele fica num arquivo que só você pode ler, em %2.</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Verificando o chaveiro…</translation>
    </message>
    <message>
        <source>The keychain has not answered yet; it may be waiting to be unlocked.</source>
        <translation>O chaveiro ainda não respondeu; talvez esteja esperando ser desbloqueado.</translation>
    </message>
    <message>
        <source>The keychain is reachable: passwords you choose to remember are kept there.</source>
        <translation>O chaveiro está acessível: as senhas que você escolher lembrar ficam guardadas lá.</translation>
    </message>
    <message>
        <source>No keychain is reachable (no D-Bus session): passwords are not remembered; you will be asked each time.</source>
        <translation>Nenhum chaveiro acessível (sem sessão D-Bus): as senhas não são lembradas; elas serão pedidas toda vez.</translation>
    </message>
    <message>
        <source>No keychain is reachable: passwords are not remembered; you will be asked each time. %1</source>
        <translation>Nenhum chaveiro acessível: as senhas não são lembradas; elas serão pedidas toda vez. %1</translation>
    </message>
    <message>
        <source>The keychain did not answer: %1</source>
        <translation>O chaveiro não respondeu: %1</translation>
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
        <translation>1. Entre em %1 como administrador e abra Admin → Settings → Site Configurations (%2).
2. Em &quot;Encoder URL&quot;, troque o valor atual por:
       %3
   (mantenha a barra final). Salve.
3. Esta URL também é o codificador usado pelo botão &quot;Encode video&quot;, a menos que forceEncoderURL ou a rede de codificadores a substitua.
4. Limpe o cache (menu Admin → Clear Cache Directory). Este passo faz parte da correção: o AVideo guarda no cache cada imagem de transmissão que serviu, inclusive o próprio cartão ONLINE, por 5 minutos (jpg/png) e 15 minutos (gif/webp); até a limpeza, os visitantes continuam vendo o cartão guardado enquanto o codificador antigo falhava. Depois da limpeza ele pede ao novo codificador na hora.</translation>
    </message>
</context>
<context>
    <name>avld::SiteSwitcher</name>
    <message>
        <source>&amp;Add a site…</source>
        <translation>&amp;Adicionar um site…</translation>
    </message>
    <message>
        <source>&amp;Remove this site…</source>
        <translation>&amp;Remover este site…</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Closing the site</source>
        <translation>Fechar o site</translation>
    </message>
    <message>
        <source>Demo encoders not kept</source>
        <translation>Codificadores da demonstração não mantidos</translation>
    </message>
    <message>
        <source>The encoder you added to the demo site is not kept</source>
        <translation>O codificador que você adicionou ao site de demonstração não é mantido</translation>
    </message>
    <message>
        <source>The %1 encoders you added to the demo site are not kept</source>
        <translation>Os %1 codificadores que você adicionou ao site de demonstração não são mantidos</translation>
    </message>
    <message>
        <source>: the demo is not saved. Add them to a saved site to watch them there.</source>
        <translation>: a demonstração não é salva. Adicione-os a um site salvo para monitorá-los lá.</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Remover %1?</translation>
    </message>
    <message>
        <source>Forget %1 (%2)? Its kept sign-in and its encoder history are deleted; the site itself is not changed.</source>
        <translation>Esquecer %1 (%2)? O login guardado e o histórico de codificadores dele são apagados; o site em si não é alterado.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Demo site (local)</source>
        <translation>Site de demonstração (local)</translation>
    </message>
    <message>
        <source>No site open</source>
        <translation>Nenhum site aberto</translation>
    </message>
    <message>
        <source>Add a site…</source>
        <translation>Adicionar um site…</translation>
    </message>
</context>
<context>
    <name>avld::SiteWizard</name>
    <message>
        <source>Add an AVideo site</source>
        <translation>Adicionar um site AVideo</translation>
    </message>
    <message>
        <source>Which site?</source>
        <translation>Qual site?</translation>
    </message>
    <message>
        <source>The address visitors open, e.g. https://videos.example.org/</source>
        <translation>O endereço que os visitantes abrem, ex.: https://videos.example.org/</translation>
    </message>
    <message>
        <source>optional: a name for this site</source>
        <translation>opcional: um nome para este site</translation>
    </message>
    <message>
        <source>Open the local demo site instead</source>
        <translation>Abrir o site de demonstração local em vez disso</translation>
    </message>
    <message>
        <source>Site address:</source>
        <translation>Endereço do site:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Looking at %1…</source>
        <translation>Examinando %1…</translation>
    </message>
    <message numerus="yes">
        <source>✔ An AVideo site answers here; it lists %n running live(s).</source>
        <translation>
            <numerusform>✔ Um site AVideo responde aqui; ele lista %n transmissão no ar.</numerusform>
            <numerusform>✔ Um site AVideo responde aqui; ele lista %n transmissões no ar.</numerusform>
        </translation>
    </message>
    <message>
        <source>✘ No AVideo site with the Live plugin answers at this address: %1</source>
        <translation>✘ Nenhum site AVideo com o plugin Live responde neste endereço: %1</translation>
    </message>
    <message>
        <source>The site did not answer in full (%1). You can go on: the next page tests the connection again.</source>
        <translation>O site não respondeu por completo (%1). Você pode continuar: a próxima página testa a conexão de novo.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>An admin account sees everything (the encoder URL, cache clearing). The password is sent to the site only; the tool keeps the hash the site returns, in the keychain.</source>
        <translation>Uma conta de administrador vê tudo (a URL do codificador, a limpeza de cache). A senha é enviada só ao site; a ferramenta guarda no chaveiro o hash que o site devolve.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuário:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Testar a conexão</translation>
    </message>
    <message>
        <source>optional: correct the HLS base, e.g. https://media.example/live</source>
        <translation>opcional: corrija a base HLS, ex.: https://media.example/live</translation>
    </message>
    <message>
        <source>optional: correct the stat page, e.g. https://media.example/stat</source>
        <translation>opcional: corrija a página de estatísticas, ex.: https://media.example/stat</translation>
    </message>
    <message>
        <source>Media server:</source>
        <translation>Servidor de mídia:</translation>
    </message>
    <message>
        <source>Stat page:</source>
        <translation>Página de estatísticas:</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted</source>
        <translation>O certificado do site não é confiável</translation>
    </message>
    <message>
        <source>Trust this certificate for this site</source>
        <translation>Confiar neste certificado para este site</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted by this computer. Reading it…</source>
        <translation>Este computador não confia no certificado do site. Lendo-o…</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Por quê:</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Emitido para:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Emitido por:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Validade:</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>de %1 a %2 (UTC)</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one on the server (&lt;code&gt;openssl x509 -noout -fingerprint -sha256 -in&lt;/code&gt; its certificate file) before you trust it. Only this exact certificate is trusted, for this site only; if it changes, you are asked again.</source>
        <translation>Compare esta impressão digital com a do servidor (&lt;code&gt;openssl x509 -noout -fingerprint -sha256 -in&lt;/code&gt; o arquivo do certificado) antes de confiar nele. Só este certificado exato é confiável, e só para este site; se ele mudar, você será perguntado de novo.</translation>
    </message>
    <message>
        <source>✘ The site&apos;s certificate is not trusted by this computer: see below.</source>
        <translation>✘ Este computador não confia no certificado do site: veja abaixo.</translation>
    </message>
    <message>
        <source>Cancel the test</source>
        <translation>Cancelar o teste</translation>
    </message>
    <message>
        <source>The test was cancelled. Correct the address or the account, then test again.</source>
        <translation>O teste foi cancelado. Corrija o endereço ou a conta e teste de novo.</translation>
    </message>
    <message>
        <source>Signing in and reading the lives… (the site has %1 s to answer)</source>
        <translation>Entrando e lendo as transmissões… (o site tem %1 s para responder)</translation>
    </message>
    <message>
        <source>Signed in as %1%2. Reading the lives…</source>
        <translation>Conectado como %1%2. Lendo as transmissões…</translation>
    </message>
    <message>
        <source> (admin)</source>
        <translation> (admin)</translation>
    </message>
    <message>
        <source>Signed in, but the lives cannot be read: %1</source>
        <translation>Conectado, mas as transmissões não podem ser lidas: %1</translation>
    </message>
    <message numerus="yes">
        <source>Signed in as %1%2; the site lists %n running live(s).</source>
        <translation>
            <numerusform>Conectado como %1%2; o site lista %n transmissão no ar.</numerusform>
            <numerusform>Conectado como %1%2; o site lista %n transmissões no ar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Media server found: %1.</source>
        <translation>Servidor de mídia encontrado: %1.</translation>
    </message>
    <message>
        <source> Give what is missing below, or sign in as an admin.</source>
        <translation> Informe abaixo o que falta, ou entre como administrador.</translation>
    </message>
    <message>
        <source>No live runs now, so no stream could be tried.</source>
        <translation>Nenhuma transmissão no ar agora, então nenhuma pôde ser testada.</translation>
    </message>
    <message>
        <source>✘ No live&apos;s stream address is known: give the media server below.</source>
        <translation>✘ O endereço de nenhuma transmissão é conhecido: informe o servidor de mídia abaixo.</translation>
    </message>
    <message>
        <source>Playing %1&apos;s stream…</source>
        <translation>Reproduzindo a transmissão de %1…</translation>
    </message>
    <message>
        <source>✔ %1&apos;s stream plays from %2.</source>
        <translation>✔ A transmissão de %1 toca a partir de %2.</translation>
    </message>
    <message>
        <source>✘ %1&apos;s stream does not play from %2: %3
If the media server above is wrong, correct it below and test again.</source>
        <translation>✘ A transmissão de %1 não toca a partir de %2: %3
Se o servidor de mídia acima estiver errado, corrija-o abaixo e teste de novo.</translation>
    </message>
</context>
<context>
    <name>avld::SiteWorkspace</name>
    <message>
        <source>The site&apos;s Encoder URL could not be read: %1</source>
        <translation>Não foi possível ler a Encoder URL do site: %1</translation>
    </message>
    <message>
        <source>The site still names %1 as its Encoder URL (read again for a minute): was the Site Configurations form saved?</source>
        <translation>O site ainda indica %1 como Encoder URL (relido durante um minuto): o formulário Site Configurations foi salvo?</translation>
    </message>
    <message>
        <source>The live caches could not be cleared: %1</source>
        <translation>Os caches das transmissões não puderam ser limpos: %1</translation>
    </message>
    <message>
        <source>The site&apos;s live caches were cleared; right after, every live still showed the same picture (AVideo makes new ones as visitors ask).</source>
        <translation>Os caches das transmissões do site foram limpos; logo depois, todas ainda mostravam a mesma imagem (o AVideo gera novas conforme os visitantes pedem).</translation>
    </message>
    <message>
        <source>The site&apos;s live caches were cleared; 1 live shows another picture now.</source>
        <translation>Os caches das transmissões do site foram limpos; 1 transmissão mostra outra imagem agora.</translation>
    </message>
    <message>
        <source>The site&apos;s live caches were cleared; %1 lives show another picture now.</source>
        <translation>Os caches das transmissões do site foram limpos; %1 transmissões mostram outra imagem agora.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Encoder %1</source>
        <translation>Codificador %1</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <source>The stand-in started at %1.</source>
        <translation>O substituto iniciou em %1.</translation>
    </message>
    <message>
        <source>The stand-in could not start: %1</source>
        <translation>O substituto não pôde iniciar: %1</translation>
    </message>
    <message>
        <source>The stand-in stopped.</source>
        <translation>O substituto parou.</translation>
    </message>
    <message>
        <source>Stand-in address not kept</source>
        <translation>Endereço do substituto não mantido</translation>
    </message>
    <message>
        <source>The stand-in&apos;s secret for this site could not be read or kept, so its Encoder URL will change when the app restarts: %1</source>
        <translation>O segredo do substituto para este site não pôde ser lido nem guardado, então a Encoder URL dele vai mudar quando o aplicativo reiniciar: %1</translation>
    </message>
    <message>
        <source>Stand-in secret not kept</source>
        <translation>Segredo do substituto não mantido</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL is %1.</source>
        <translation>A Encoder URL do site é %1.</translation>
    </message>
    <message>
        <source>The site&apos;s Encoder URL changed to %1.</source>
        <translation>A Encoder URL do site mudou para %1.</translation>
    </message>
</context>
<context>
    <name>avld::StandInCountersView</name>
    <message>
        <source>Counter</source>
        <translation>Contador</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requisições</translation>
    </message>
    <message>
        <source>Images served</source>
        <translation>Imagens servidas</translation>
    </message>
    <message>
        <source>Empty answers</source>
        <translation>Respostas vazias</translation>
    </message>
    <message>
        <source>Refused (4xx)</source>
        <translation>Recusadas (4xx)</translation>
    </message>
    <message>
        <source>Overloaded (503)</source>
        <translation>Sobrecarga (503)</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Acertos de cache</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>Falhas de cache</translation>
    </message>
    <message>
        <source>Grabs</source>
        <translation>Capturas</translation>
    </message>
    <message>
        <source>Grab failures</source>
        <translation>Falhas de captura</translation>
    </message>
    <message>
        <source>Streams tracked</source>
        <translation>Transmissões acompanhadas</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Tamanho do cache</translation>
    </message>
    <message>
        <source>Requests waiting</source>
        <translation>Requisições em espera</translation>
    </message>
    <message>
        <source>   %1</source>
        <comment>a reason under Grab failures</comment>
        <translation>   %1</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latência p50</translation>
    </message>
    <message>
        <source>Latency p99</source>
        <translation>Latência p99</translation>
    </message>
</context>
<context>
    <name>avld::SwitchStepsDialog</name>
    <message>
        <source>Point %1 at %2</source>
        <translation>Apontar %1 para %2</translation>
    </message>
    <message>
        <source>AVideo offers no safe way to change its Encoder URL from outside (its settings form rewrites every setting at once), so change it in the site&apos;s admin pages:</source>
        <translation>O AVideo não oferece um jeito seguro de mudar a Encoder URL de fora (o formulário de configurações regrava todas as configurações de uma vez), então altere-a nas páginas de administração do site:</translation>
    </message>
    <message>
        <source>%1  (the Copy button below puts the whole URL on the clipboard)</source>
        <translation>%1  (o botão Copiar abaixo põe a URL inteira na área de transferência)</translation>
    </message>
    <message>
        <source>Copied: paste it into &quot;Encoder URL&quot; and save.</source>
        <translation>Copiado: cole em &quot;Encoder URL&quot; e salve.</translation>
    </message>
    <message>
        <source>Open Site Configurations</source>
        <translation>Abrir Site Configurations</translation>
    </message>
    <message>
        <source>I changed it — check now</source>
        <translation>Já alterei — verificar agora</translation>
    </message>
    <message>
        <source>Reads the site&apos;s Encoder URL again (needs an admin sign-in) and follows it.</source>
        <translation>Relê a Encoder URL do site (precisa de login de administrador) e a acompanha.</translation>
    </message>
    <message>
        <source>Encoder URL:</source>
        <translation>Encoder URL:</translation>
    </message>
</context>
<context>
    <name>avld::ThumbnailClass</name>
    <message>
        <source>real frame</source>
        <translation>quadro real</translation>
    </message>
    <message>
        <source>encoder placeholder</source>
        <translation>imagem provisória do codificador</translation>
    </message>
    <message>
        <source>encoder not-found animation</source>
        <translation>animação de &quot;não encontrado&quot; do codificador</translation>
    </message>
    <message>
        <source>encoder &quot;creating images&quot; card</source>
        <translation>cartão &quot;criando imagens&quot; do codificador</translation>
    </message>
    <message>
        <source>ONLINE card</source>
        <translation>cartão ONLINE</translation>
    </message>
    <message>
        <source>OFFLINE card</source>
        <translation>cartão OFFLINE</translation>
    </message>
    <message>
        <source>COMING SOON card</source>
        <translation>cartão COMING SOON</translation>
    </message>
    <message>
        <source>AVideo&apos;s waiting loop</source>
        <translation>animação de espera do AVideo</translation>
    </message>
    <message>
        <source>static poster</source>
        <translation>pôster estático</translation>
    </message>
    <message>
        <source>blank picture</source>
        <translation>imagem em branco</translation>
    </message>
    <message>
        <source>broken image</source>
        <translation>imagem corrompida</translation>
    </message>
    <message>
        <source>not fetched</source>
        <translation>não obtida</translation>
    </message>
</context>
<context>
    <name>avld::TileBadge</name>
    <message>
        <source>real</source>
        <translation>real</translation>
    </message>
    <message>
        <source>encoder placeholder</source>
        <translation>provisória do codificador</translation>
    </message>
    <message>
        <source>ONLINE card</source>
        <translation>cartão ONLINE</translation>
    </message>
    <message>
        <source>OFFLINE card</source>
        <translation>cartão OFFLINE</translation>
    </message>
    <message>
        <source>other card</source>
        <translation>outro cartão</translation>
    </message>
    <message>
        <source>black</source>
        <translation>preta</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>congelada</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>desatualizada</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecida</translation>
    </message>
    <message>
        <source>static poster</source>
        <translation>pôster estático</translation>
    </message>
    <message>
        <source>Visitors see a real frame of the live.</source>
        <translation>Os visitantes veem um quadro real da transmissão.</translation>
    </message>
    <message>
        <source>Visitors see the encoder&apos;s own placeholder: the encoder answered but had no frame of this live. Check that the encoder can play the stream, or switch the site to a working encoder or the stand-in.</source>
        <translation>Os visitantes veem a imagem provisória do próprio codificador: ele respondeu, mas não tinha quadro desta transmissão. Verifique se o codificador consegue reproduzir a transmissão, ou mude o site para um codificador que funcione ou para o substituto.</translation>
    </message>
    <message>
        <source>Visitors see AVideo&apos;s grey ONLINE card: the site&apos;s encoder gave no picture within 2 s. Check the encoder (Encoders page), or start the stand-in and switch the site to it, then clear the live caches.</source>
        <translation>Os visitantes veem o cartão cinza ONLINE do AVideo: o codificador do site não deu imagem em 2 s. Verifique o codificador (página Codificadores), ou inicie o substituto e mude o site para ele, depois limpe os caches das transmissões.</translation>
    </message>
    <message>
        <source>Visitors see AVideo&apos;s OFFLINE card: the site thinks this live is not running. If it is publishing, check the media server&apos;s stat page and the site&apos;s Live plugin settings.</source>
        <translation>Os visitantes veem o cartão OFFLINE do AVideo: o site acha que esta transmissão não está no ar. Se ela está sendo publicada, verifique a página de estatísticas do servidor de mídia e as configurações do plugin Live do site.</translation>
    </message>
    <message>
        <source>Visitors see a card or placeholder instead of a frame. The tooltip&apos;s Site line says which.</source>
        <translation>Os visitantes veem um cartão ou imagem provisória em vez de um quadro. A linha Site da dica diz qual.</translation>
    </message>
    <message>
        <source>Visitors see a black or blank picture. If our own frame shows pictures, the encoder grabbed too early or from a broken segment: clear the live caches.</source>
        <translation>Os visitantes veem uma imagem preta ou em branco. Se o nosso próprio quadro mostra imagens, o codificador capturou cedo demais ou de um segmento com defeito: limpe os caches das transmissões.</translation>
    </message>
    <message>
        <source>The site has shown the same picture for longer than AVideo keeps it in its cache, while the stream moved: the encoder is not asked again or answers with an old frame. Clear the live caches; if it stays, check the encoder.</source>
        <translation>O site mostra a mesma imagem por mais tempo do que o AVideo a guarda no cache, enquanto a transmissão se moveu: o codificador não é consultado de novo ou responde com um quadro antigo. Limpe os caches das transmissões; se continuar, verifique o codificador.</translation>
    </message>
    <message>
        <source>The site&apos;s picture could not be fetched this time; this is the last one it gave, with its age. Check that the site answers.</source>
        <translation>Desta vez a imagem do site não pôde ser obtida; esta é a última que ele deu, com a idade. Verifique se o site responde.</translation>
    </message>
    <message>
        <source>Not known yet: the site&apos;s picture could not be fetched. The tooltip says why.</source>
        <translation>Ainda não se sabe: a imagem do site não pôde ser obtida. A dica diz por quê.</translation>
    </message>
    <message>
        <source>Visitors see the streamer&apos;s static poster instead of a live frame: AVideo shows it when it gets no frame. Check the site&apos;s encoder.</source>
        <translation>Os visitantes veem o pôster estático de quem transmite em vez de um quadro ao vivo: o AVideo o mostra quando não recebe quadro. Verifique o codificador do site.</translation>
    </message>
</context>
<context>
    <name>avld::TilePreview</name>
    <message>
        <source>the clip has no frames</source>
        <translation>o clipe não tem quadros</translation>
    </message>
</context>
<context>
    <name>avld::TrayNotifier</name>
    <message>
        <source>&amp;Hide window</source>
        <translation>&amp;Ocultar janela</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>&amp;Mostrar janela</translation>
    </message>
    <message>
        <source>AVideo Live Doctor</source>
        <translation>AVideo Live Doctor</translation>
    </message>
    <message>
        <source>Still monitoring in the tray. Use the tray menu&apos;s Quit to stop.</source>
        <translation>Ainda monitorando na bandeja. Use Sair no menu da bandeja para parar.</translation>
    </message>
</context>
<context>
    <name>avld::Workspace</name>
    <message>
        <source>Not signed in: %1</source>
        <translation>Não conectado: %1</translation>
    </message>
    <message>
        <source>Quitting</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Stopping it</source>
        <translation>Pará-lo</translation>
    </message>
    <message>
        <source>desktop notifications</source>
        <translation>notificações da área de trabalho</translation>
    </message>
    <message>
        <source>%1 now asks this stand-in</source>
        <translation>%1 agora consulta este substituto</translation>
    </message>
    <message>
        <source>%1&apos;s Encoder URL now points at the stand-in running here: AVideo asks it for every live thumbnail.</source>
        <translation>A Encoder URL de %1 agora aponta para o substituto rodando aqui: o AVideo pede a ele cada miniatura de transmissão.</translation>
    </message>
    <message>
        <source>AVideo still holds the pictures it cached from the old encoder (the ONLINE cards among them) for up to 5 minutes (jpg) or 15 minutes (webp, gif). Clear the site&apos;s live caches now so that visitors see the stand-in&apos;s frames at once?</source>
        <translation>O AVideo ainda guarda as imagens que pôs no cache a partir do codificador antigo (entre elas os cartões ONLINE) por até 5 minutos (jpg) ou 15 minutos (webp, gif). Limpar agora os caches das transmissões do site para que os visitantes vejam na hora os quadros do substituto?</translation>
    </message>
    <message>
        <source>Clear the live caches</source>
        <translation>Limpar os caches das transmissões</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Agora não</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Entrar em %1</translation>
    </message>
    <message>
        <source>Sign in to %1 (%2) as %3.

No kept sign-in works for this site (none was kept, or it is out of date). The password is sent to the site only; the tool keeps the hash the site returns, in the keychain.

Password:</source>
        <translation>Entrar em %1 (%2) como %3.

Nenhum login guardado funciona para este site (nenhum foi guardado, ou está desatualizado). A senha é enviada só ao site; a ferramenta guarda no chaveiro o hash que o site devolve.

Senha:</translation>
    </message>
    <message>
        <source>Not signed in: the password was not given. The site is read as a visitor sees it.</source>
        <translation>Não conectado: a senha não foi informada. O site é lido como um visitante o vê.</translation>
    </message>
    <message>
        <source>%1 uses this stand-in</source>
        <translation>%1 usa este substituto</translation>
    </message>
    <message>
        <source>%1&apos;s Encoder URL points at the stand-in running here (%2).</source>
        <translation>A Encoder URL de %1 aponta para o substituto rodando aqui (%2).</translation>
    </message>
    <message>
        <source>%1 stops it. Until it runs again, or the site&apos;s Encoder URL is changed, AVideo gets no live thumbnails: visitors see its ONLINE card, which AVideo then keeps for 5 minutes (jpg) to 15 minutes (webp, gif).</source>
        <translation>%1 o interrompe. Até ele rodar de novo, ou a Encoder URL do site ser alterada, o AVideo não recebe miniaturas das transmissões: os visitantes veem o cartão ONLINE dele, que o AVideo guarda então por 5 minutos (jpg) a 15 minutos (webp, gif).</translation>
    </message>
    <message>
        <source>Stop the stand-in</source>
        <translation>Parar o substituto</translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation>Manter rodando</translation>
    </message>
</context>
</TS>
