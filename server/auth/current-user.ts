import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "./get-auth";

/** The signed-in user of this request, or a redirect to sign-in. For server components. */
export async function requireUser() {
  const session = await (await getAuth()).api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  return session.user;
}

export async function currentUser() {
  const session = await (await getAuth()).api.getSession({ headers: await headers() });
  return session?.user ?? null;
}
