import WebSocket from "ws";

/** One simulated bot: a socket, and the send time of each outstanding cid. */
type Bot = { socket: WebSocket; outstanding: Map<string, bigint>; sent: number; done: number };

export type LoadResult = {
  label: string;
  sent: number;
  delivered: number;
  seconds: number;
  perSecond: number;
  p50us: number;
  p99us: number;
};

export type LoadTarget = {
  label: string;
  /** WebSocket URL for bot i. */
  url(bot: number): string;
  /** The frame bot i sends as its n-th command, with the cid its result will carry. */
  command(bot: number, n: number): { cid: string; text: string };
};

async function openBots(
  target: LoadTarget,
  count: number,
  onResult: (bot: Bot, cid: string) => void,
): Promise<Bot[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const socket = new WebSocket(target.url(i));
      const bot: Bot = { socket, outstanding: new Map(), sent: 0, done: 0 };
      socket.on("message", (data) => {
        const frame = JSON.parse(String(data)) as { msgs?: { type: string; cid?: string }[] };
        for (const m of frame.msgs ?? [])
          if ((m.type === "command_result" || m.type === "pong") && m.cid) onResult(bot, m.cid);
      });
      return new Promise<Bot>((resolve, reject) => {
        socket.once("open", () => resolve(bot));
        socket.once("error", reject);
        socket.once("unexpected-response", (_q, res) => reject(new Error(`refused ${res.statusCode}`)));
      });
    }),
  );
}

function summarise(label: string, latencies: number[], sent: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    label,
    sent,
    delivered: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50us: at(0.5),
    p99us: at(0.99),
  };
}

/** Each bot sends its next command as soon as the previous one's result arrives. */
export async function closedLoop(target: LoadTarget, bots: number, durationMs: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let stopping = false;
  const send = (bot: Bot, index: number) => {
    const { cid, text } = target.command(index, bot.sent++);
    bot.outstanding.set(cid, process.hrtime.bigint());
    bot.socket.send(text);
  };
  const all = await openBots(target, bots, (bot, cid) => {
    const t0 = bot.outstanding.get(cid);
    if (t0 === undefined) return;
    bot.outstanding.delete(cid);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1_000);
    if (!stopping) send(bot, all.indexOf(bot));
  });
  const t0 = process.hrtime.bigint();
  all.forEach((bot, i) => {
    send(bot, i);
  });
  await new Promise((r) => setTimeout(r, durationMs));
  stopping = true;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await new Promise((r) => setTimeout(r, 500));
  for (const bot of all) bot.socket.close();
  const sent = all.reduce((n, b) => n + b.sent, 0);
  return summarise(`${target.label} closed loop, ${bots} bots`, latencies, sent, seconds);
}

/** Each bot sends at a fixed rate, scheduled from intended times, whatever the answers do. */
export async function openLoop(
  target: LoadTarget,
  bots: number,
  perBotPerSecond: number,
  durationMs: number,
) {
  const latencies: number[] = [];
  const all = await openBots(target, bots, (bot, cid) => {
    const t0 = bot.outstanding.get(cid);
    if (t0 === undefined) return;
    bot.outstanding.delete(cid);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1_000);
  });
  const intervalMs = 1_000 / perBotPerSecond;
  const total = Math.floor((durationMs / 1_000) * perBotPerSecond);
  const start = performance.now();
  let sentTotal = 0;
  // One timer loop for all bots, sending every command whose intended time has come.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      all.forEach((bot, i) => {
        while (bot.sent < due) {
          const { cid, text } = target.command(i, bot.sent++);
          bot.outstanding.set(cid, process.hrtime.bigint());
          bot.socket.send(text);
          sentTotal += 1;
        }
      });
      if (all.every((b) => b.sent >= total)) {
        resolve();
        return;
      } else setTimeout(tick, Math.max(1, intervalMs / 4));
    };
    tick();
  });
  const seconds = (performance.now() - start) / 1_000;
  await new Promise((r) => setTimeout(r, 2_000));
  for (const bot of all) bot.socket.close();
  const label = `${target.label} open loop, ${bots} × ${perBotPerSecond}/s`;
  return summarise(label, latencies, sentTotal, seconds);
}
