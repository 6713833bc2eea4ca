import type * as Party from "partykit/server";

/**
 * The baseline of `npm run bench:room`: a room that answers every frame with one frame in the game room's
 * envelope (`{ seq, msgs }`) carrying a result for the same cid, doing nothing else. Whatever the game room costs
 * beyond this is the exchange.
 */
export default class EchoRoom implements Party.Server {
  #seq = 0;
  constructor(readonly room: Party.Room) {}

  onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    const parsed = JSON.parse(typeof raw === "string" ? raw : "{}") as { cid?: string };
    this.#seq += 1;
    sender.send(
      JSON.stringify({
        seq: this.#seq,
        msgs: [{ type: "command_result", cid: parsed.cid, status: "accepted" }],
      }),
    );
  }
}

EchoRoom satisfies Party.Worker;
