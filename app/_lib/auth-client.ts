import { inferAdditionalFields } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** better-auth in the browser (same origin as the app); knows the `role` field users choose at sign-up. */
export const authClient = createAuthClient({
  plugins: [inferAdditionalFields({ user: { role: { type: "string", required: false } } })],
});
