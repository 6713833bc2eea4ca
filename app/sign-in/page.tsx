"use client";

import { AuthForm, field } from "../_components/auth-form";
import { authClient } from "../_lib/auth-client";

export default function SignInPage() {
  async function signIn(form: FormData) {
    const { error } = await authClient.signIn.email({
      email: field(form, "email"),
      password: field(form, "password"),
    });
    if (error) return error.message ?? "Could not sign in.";
    window.location.assign("/games");
    return null;
  }
  return (
    <section className="panel">
      <h1>Sign in</h1>
      <AuthForm submitLabel="Sign in" onSubmit={signIn}>
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
      </AuthForm>
      <p className="muted">
        New here? <a href="/sign-up">Create an account</a>.
      </p>
    </section>
  );
}
