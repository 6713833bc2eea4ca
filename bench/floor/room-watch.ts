// The instructor's own socket to the game room, from Node (the `ws` package): it runs the game (admin commands,
// each awaited to its `command_result`) and keeps the latest underlying and clock, which the market makers' bots
// quote around. Frames are parsed with zod at this boundary (only the fields used here).
import { randomBytes } from "node:crypto";
import WebSocket from "ws";
import { z } from "zod";
import type { AdminCommandInput } from "../../app/games/[gameId]/trade/instructor-controls";
import type { ClockView, InstrumentInfo } from "../../party/core/protocol";
import type { Session } from "./session";

const Message = z.looseObject({ type: z.string() });
const Frame = z.object({ seq: z.number(), msgs: z.array(Message) });
const Result = z.union([
  z.object({ type: z.literal("command_result"), cid: z.string(), status: z.literal("accepted") }).loose(),
  z
    .object({
      type: z.literal("command_result"),
      cid: z.string().nullable(),
      status: z.literal("rejected"),
      message: z.string(),
    })
    .loose(),
]);
const Token = z.object({ token: z.string(), host: z.string(), room: z.string() });

export type RoomWatch = {
  instruments: () => InstrumentInfo[];
  underlying: () => { spxTicks: number; spyTicks: number } | null;
  clock: () => ClockView | null;
  admin(command: AdminCommandInput): Promise<void>;
  close(): void;
};

export async function watchRoom(instructor: Session, gameId: string): Promise<RoomWatch> {
  const { token, host, room } = await instructor.mutate("game.roomToken", { gameId }, Token);
  const sid = randomBytes(8).toString("hex");
  const socket = new WebSocket(`ws://${host}/parties/main/${room}?token=${token}&sid=${sid}`);
  let instruments: InstrumentInfo[] = [];
  let underlying: { spxTicks: number; spyTicks: number } | null = null;
  let clock: ClockView | null = null;
  const waiting = new Map<string, (error: Error | null) => void>();
  let snapshot: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    snapshot = resolve;
  });
  socket.on("message", (data) => {
    const frame = Frame.safeParse(JSON.parse(String(data)));
    if (!frame.success) return;
    for (const m of frame.data.msgs) {
      if (m.type === "snapshot") {
        instruments = m.instruments as InstrumentInfo[];
        underlying = (m.underlying as typeof underlying) ?? underlying;
        clock = m.clock as ClockView | null;
        snapshot();
      } else if (m.type === "underlying") underlying = m as unknown as typeof underlying;
      else if (m.type === "clock") clock = m.clock as ClockView;
      else if (m.type === "command_result") {
        const parsed = Result.safeParse(m);
        const cid = parsed.success ? parsed.data.cid : null;
        if (!parsed.success || cid === null) continue;
        const result = parsed.data;
        waiting.get(cid)?.(result.status === "accepted" ? null : new Error(result.message));
        waiting.delete(cid);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  await ready;
  let counter = 0;
  return {
    instruments: () => instruments,
    underlying: () => underlying,
    clock: () => clock,
    admin: (command) =>
      new Promise<void>((resolve, reject) => {
        const cid = `bench-admin-${counter++}`;
        waiting.set(cid, (error) =>
          error ? reject(new Error(`${command.type}: ${error.message}`)) : resolve(),
        );
        socket.send(JSON.stringify({ ...command, cid }));
      }),
    close: () => socket.close(),
  };
}
