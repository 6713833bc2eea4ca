import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { withTestApp } from "../testing/with-test-app";
import { syncRoom } from "./room-sync";

describe("syncRoom", () => {
  const ctx = withTestApp("pglite");

  it("retries a dropped request, so a busy room still gets the game's setup", async () => {
    const teacher = await ctx.app.signUp({ name: "Sy", email: "sy@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Synced", preset: "compact" });
    // The room's setup endpoint, standing in for one that drops the first connection (a restart or overload).
    const bodies: unknown[] = [];
    const server = createServer((request, response) => {
      if (bodies.length === 0) {
        bodies.push(null);
        request.socket.destroy();
        return;
      }
      let text = "";
      request.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      request.on("end", () => {
        bodies.push(JSON.parse(text));
        response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const env = { PARTYKIT_URL: `http://127.0.0.1:${port}`, ROOM_TOKEN_SECRET: "x".repeat(40) };
      expect(await syncRoom(ctx.handle.db, created.id, env)).toBe(true);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]).toMatchObject({ gameId: created.id, name: "Synced" });
    } finally {
      server.close();
    }
  });
});
