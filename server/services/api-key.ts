import { createHash, randomBytes } from "node:crypto";

/** A new API key for a team's external bots: `oc_` + 32 random bytes, base64url. Shown once, stored hashed. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `oc_${randomBytes(32).toString("base64url")}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

/** SHA-256 hex of a key: what the database and the room keep. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
