"use client";

import { AuthForm, field } from "../_components/auth-form";
import { authClient } from "../_lib/auth-client";

export default function SignUpPage() {
  async function signUp(form: FormData) {
    const { error } = await authClient.signUp.email({
      name: field(form, "name"),
      email: field(form, "email"),
      password: field(form, "password"),
      role: field(form, "role") === "instructor" ? "instructor" : "player",
    });
    if (error) return error.message ?? "Could not create the account.";
    window.location.assign("/games");
    return null;
  }
  return (
    <section className="panel">
      <h1>Create an account</h1>
      <AuthForm submitLabel="Create account" onSubmit={signUp}>
        <label>
          Name
          <input name="name" autoComplete="name" required maxLength={80} />
        </label>
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password (at least 8 characters)
          <input name="password" type="password" autoComplete="new-password" required minLength={8} />
        </label>
        <fieldset>
          <legend className="muted">I am</legend>
          <label>
            <input type="radio" name="role" value="player" defaultChecked /> a player
          </label>
          <label>
            <input type="radio" name="role" value="instructor" /> an instructor
          </label>
        </fieldset>
      </AuthForm>
      <p className="muted">
        Have an account? <a href="/sign-in">Sign in</a>.
      </p>
    </section>
  );
}
