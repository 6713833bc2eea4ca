import { describe, expect, it } from "vitest";
import { mintRoomToken } from "@/server/services/room-token";
import { verifyRoomToken } from "./auth";

const SECRET = "room-secret-for-tests-0123456789abcdef";
const claims = { sub: "u1", name: "Bo", gameId: "g1", teamId: "t1", role: "player" as const };

describe("verifyRoomToken", () => {
  it("accepts a token minted for this room and returns its claims", async () => {
    const { token } = await mintRoomToken(claims, SECRET);
    expect(await verifyRoomToken(token, SECRET, "game-g1")).toEqual({
      ok: true,
      claims: { ...claims, source: "manual" },
    });
  });

  it("refuses a missing, forged, expired or other-room token", async () => {
    const { token } = await mintRoomToken(claims, SECRET);
    const expired = await mintRoomToken(claims, SECRET, { nowSeconds: 1_000, ttlSeconds: 60 });
    const forged = await mintRoomToken(claims, "another-secret-0123456789abcdefghijkl");
    expect(await verifyRoomToken(null, SECRET, "game-g1")).toEqual({ ok: false, reason: "missing" });
    expect(await verifyRoomToken(forged.token, SECRET, "game-g1")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyRoomToken("not.a.jwt", SECRET, "game-g1")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyRoomToken(expired.token, SECRET, "game-g1")).toEqual({ ok: false, reason: "expired" });
    expect(await verifyRoomToken(token, SECRET, "game-g2")).toEqual({ ok: false, reason: "wrong_room" });
  });
});
