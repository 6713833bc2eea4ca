import WebSocket from "ws";

export type RoomMessage = Record<string, unknown> & { type: string; seq: number };

/** A test client of a game room: every message of every frame in order, with its frame's seq. */
export type RoomClient = {
  socket: WebSocket;
  /** The next message, in arrival order (skipping `presence`, which depends on who else is connected). */
  next(): Promise<RoomMessage>;
  /** The next message of a type, dropping others before it; fails after `timeoutMs`. */
  nextOf(type: string, timeoutMs?: number): Promise<RoomMessage>;
  /** Messages received and not consumed yet. */
  pending: RoomMessage[];
  close(): void;
};

export function connectRoom(
  port: number,
  room: string,
  token: string | null,
  extra = "",
): Promise<RoomClient | { refused: number }> {
  const query = token ? `?token=${encodeURIComponent(token)}${extra}` : "";
  const socket = new WebSocket(`ws://127.0.0.1:${port}/parties/main/${room}${query}`);
  const pending: RoomMessage[] = [];
  const waiters: ((m: RoomMessage) => void)[] = [];
  socket.on("message", (data) => {
    const frame = JSON.parse(String(data)) as { seq: number; msgs: Record<string, unknown>[] };
    for (const message of frame.msgs) {
      if (message.type === "presence") continue;
      const withSeq = { ...message, seq: frame.seq } as RoomMessage;
      const waiter = waiters.shift();
      if (waiter) waiter(withSeq);
      else pending.push(withSeq);
    }
  });
  const next = () =>
    new Promise<RoomMessage>((resolve) => {
      const queued = pending.shift();
      if (queued) resolve(queued);
      else waiters.push(resolve);
    });
  const nextOf = async (type: string, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} message within ${timeoutMs} ms`);
      const message = await Promise.race([
        next(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
      ]);
      if (message === null) throw new Error(`no ${type} message within ${timeoutMs} ms`);
      if (message.type === type) return message;
    }
  };
  return new Promise((resolve) => {
    socket.once("open", () => resolve({ socket, next, nextOf, pending, close: () => socket.close() }));
    socket.once("unexpected-response", (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    socket.once("error", () => resolve({ refused: -1 }));
  });
}

export async function mustConnect(
  port: number,
  room: string,
  token: string,
  extra = "",
): Promise<RoomClient> {
  const client = await connectRoom(port, room, token, extra);
  if ("refused" in client) throw new Error(`room refused the connection: ${client.refused}`);
  return client;
}
