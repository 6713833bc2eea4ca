// One signed-up user talking to the app over HTTP, as the browser does: better-auth's email sign-up, then tRPC
// (no transformer, unbatched) with the session cookie. Answers are parsed with zod at this boundary.
import { z } from "zod";

const TrpcAnswer = z.union([
  z.object({ result: z.object({ data: z.unknown() }) }),
  z.object({ error: z.object({ message: z.string() }).loose() }),
]);

export class Session {
  readonly cookies = new Map<string, string>();

  private constructor(readonly appUrl: string) {}

  static async signUp(
    appUrl: string,
    who: { name: string; email: string; role: "instructor" | "player" },
  ): Promise<Session> {
    const session = new Session(appUrl);
    await session.request("/api/auth/sign-up/email", {
      method: "POST",
      body: JSON.stringify({ ...who, password: "bench-floor-password-1" }),
    });
    if (session.cookies.size === 0) throw new Error(`sign-up of ${who.email} set no session cookie`);
    return session;
  }

  /** A tRPC mutation; `schema` checks what comes back. */
  async mutate<T>(procedure: string, input: unknown, schema: z.ZodType<T>): Promise<T> {
    const response = await this.request(`/api/trpc/${procedure}`, {
      method: "POST",
      body: JSON.stringify(input),
    });
    const answer = TrpcAnswer.parse(await response.json());
    if ("error" in answer) throw new Error(`${procedure}: ${answer.error.message}`);
    return schema.parse(answer.result.data);
  }

  /** Cookies in the shape Playwright's `context.addCookies` takes. */
  browserCookies() {
    return [...this.cookies].map(([name, value]) => ({ name, value, url: this.appUrl }));
  }

  private async request(pathname: string, init: RequestInit): Promise<Response> {
    const response = await fetch(`${this.appUrl}${pathname}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        origin: this.appUrl,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    if (!response.ok && !pathname.startsWith("/api/trpc/")) {
      throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
    }
    return response;
  }
}
