"use client";

import { authClient } from "../_lib/auth-client";

export function SignOutButton() {
  async function signOut() {
    await authClient.signOut();
    window.location.assign("/sign-in");
  }
  return (
    <button type="button" className="ghost" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}
