// The network as a page AND its service worker see it, through the DevTools protocol. Emulating network
// conditions on a page's session does not reach its service worker (a target of its own, whose fetches
// would go on at full speed or online): the page's session attaches to the worker (Target.setAutoAttach)
// and sends it the same Network.emulateNetworkConditions, and a worker the browser starts again later is
// held at its start until it has them.
import type { CDPSession, Page } from "playwright-core";

interface Conditions {
  offline: boolean;
  /** Round trip added to every request, ms. */
  latency: number;
  /** Bytes per second; -1 for no limit. */
  downloadThroughput: number;
  uploadThroughput: number;
}

export const onlineConditions: Conditions = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
export const offlineConditions: Conditions = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
/** A slow mobile line as rural schools have it: 400 kbit/s each way, 400 ms round trips (Chrome's "Slow 3G" speed). */
export const slowLineConditions: Conditions = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

export async function controlNetwork(page: Page) {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  let conditions = onlineConditions;
  let messageId = 1_000_000;
  const workers = new Set<string>();
  const toWorker = (sessionId: string, method: string, params: object = {}) =>
    session.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: (messageId += 1), method, params }) });
  const condition = async (sessionId: string) => {
    await toWorker(sessionId, "Network.enable");
    await toWorker(sessionId, "Network.emulateNetworkConditions", conditions);
  };
  session.on("Target.attachedToTarget", (event) => {
    if (event.targetInfo.type !== "service_worker") {
      void toWorker(event.sessionId, "Runtime.runIfWaitingForDebugger").catch(() => undefined);
      return;
    }
    workers.add(event.sessionId);
    void condition(event.sessionId)
      .then(() => toWorker(event.sessionId, "Runtime.runIfWaitingForDebugger"))
      .catch(() => undefined);
  });
  session.on("Target.detachedFromTarget", (event) => workers.delete(event.sessionId));
  // Non-flat sessions: Playwright's CDPSession sends to the page only, and relays to a worker through Target.sendMessageToTarget.
  await session.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });

  const apply = async (next: Conditions) => {
    conditions = next;
    await session.send("Network.emulateNetworkConditions", next);
    await Promise.all([...workers].map(condition));
    // The messages to a worker are answered asynchronously: give them a moment to take effect.
    await new Promise((resolve) => setTimeout(resolve, 200));
  };
  return {
    offline: () => apply(offlineConditions),
    online: () => apply(onlineConditions),
    slowLine: () => apply(slowLineConditions),
    workerCount: () => workers.size,
  };
}
