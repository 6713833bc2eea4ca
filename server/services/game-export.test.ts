import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameRecord } from "@/party/core/protocol";
import type { DbHandle } from "../db";
import { createTestApp } from "../testing/test-app";
import { openTestDb, testDbKinds } from "../testing/test-databases";
import { decimal2, toCsv } from "./csv";
import { exportCsv } from "./game-export";
import { ingestRecords } from "./game-records";

describe("csv", () => {
  it("quotes what needs quoting and formats money exactly", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
    expect([decimal2(2540), decimal2(-10), decimal2(5)]).toEqual(["25.40", "-0.10", "0.05"]);
  });
});

describe.each(testDbKinds())("game export on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(() => handle.close());

  it("gives instructors the whole game and players only their own team", async () => {
    const app = createTestApp(handle.db);
    const teacher = await app.signUp({ name: "Xu", email: "xu@school.test", role: "instructor" });
    const game = await teacher.caller.game.create({ name: "Export", preset: "compact" });
    const alice = await app.signUp({ name: "Al", email: "al@school.test", role: "player" });
    const bob = await app.signUp({ name: "Bo2", email: "bo2@school.test", role: "player" });
    const a = await alice.caller.game.join({ joinCode: game.joinCode, teamName: "Alpha" });
    const b = await bob.caller.game.join({ joinCode: game.joinCode, teamName: "Beta" });
    const fill = (seq: number, teamId: string, side: "buy" | "sell"): GameRecord => ({
      kind: "fill",
      seq,
      at: 100 + seq,
      tradeId: "t-1",
      teamId,
      orderId: `o-${seq}`,
      instrument: "SPX_4400_CALL_2024-02-15",
      side,
      price: 2540,
      quantity: 5,
      feeCents: side === "buy" ? -10 : 10,
      liquidity: side === "buy" ? "taker" : "maker",
      source: "manual",
    });
    await ingestRecords(handle.db, {
      gameId: game.id,
      records: [
        fill(1, a.teamId, "buy"),
        fill(2, b.teamId, "sell"),
        { kind: "mark", seq: 3, at: 200, instrument: "SPX_4400_CALL_2024-02-15", markTicks: 2_600 },
      ],
    });
    const users = await handle.db.query.user.findMany();
    const id = (email: string) => users.find((u) => u.email === email)?.id ?? "";

    const all = await exportCsv(handle.db, { userId: id("xu@school.test"), gameId: game.id, kind: "fills" });
    expect(all.split("\r\n")).toEqual([
      "seq,at,team,order_id,trade_id,instrument,side,quantity,price,fee,liquidity,source",
      "1,101,Alpha,o-1,t-1,SPX_4400_CALL_2024-02-15,buy,5,25.40,-0.10,taker,manual",
      "2,102,Beta,o-2,t-1,SPX_4400_CALL_2024-02-15,sell,5,25.40,0.10,maker,manual",
      "",
    ]);
    const own = await exportCsv(handle.db, { userId: id("al@school.test"), gameId: game.id, kind: "fills" });
    expect(own.split("\r\n")).toHaveLength(3);
    expect(own).toContain("Alpha");
    expect(own).not.toContain("Beta");
    await expect(
      exportCsv(handle.db, {
        userId: id("al@school.test"),
        gameId: game.id,
        kind: "fills",
        teamId: b.teamId,
      }),
    ).rejects.toMatchObject({ code: "NOT_IN_GAME" });

    const positions = await exportCsv(handle.db, {
      userId: id("xu@school.test"),
      gameId: game.id,
      kind: "positions",
    });
    expect(positions.split("\r\n")).toEqual([
      "team,instrument,position,bought,avg_buy,sold,avg_sell,fees,last_mark,value_at_mark",
      "Alpha,SPX_4400_CALL_2024-02-15,5,5,25.40,0,,-0.10,26.00,13000.00",
      "Beta,SPX_4400_CALL_2024-02-15,-5,0,,5,25.40,0.10,26.00,-13000.00",
      "",
    ]);
  });
});
