/** Game time (game-epoch ms: UTC dates carry the game's wall clock) as "Tue 13 Feb 15:00". */
export function formatGameTime(gameMs: number): string {
  const d = new Date(gameMs);
  const day = d.toLocaleDateString("en-GB", {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
  });
  const time = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return `${day.replace(",", "")} ${time}`;
}
