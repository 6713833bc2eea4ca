import { SignJWT } from "jose";

/**
 * A one-minute token that lets its holder drive one bots room (`verifyServerToken` with the room's name as
 * audience): the Next server deploying or stopping a bot, or a game room waking its teams' bots after a restart.
 */
export async function mintBotServerToken(botRoom: string, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: "room-admin" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("outcry-server")
    .setAudience(botRoom)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(new TextEncoder().encode(secret));
}
