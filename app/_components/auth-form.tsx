"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { FormError } from "./form-error";

/** A form that submits once at a time and shows the failure message next to it. */
export function AuthForm({
  submitLabel,
  onSubmit,
  children,
}: {
  submitLabel: string;
  onSubmit: (form: FormData) => Promise<string | null>;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setError(await onSubmit(new FormData(event.currentTarget)));
    } catch {
      setError("The server could not be reached. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      {children}
      <FormError message={error} />
      <button type="submit" disabled={busy}>
        {busy ? "Please wait…" : submitLabel}
      </button>
    </form>
  );
}

export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
