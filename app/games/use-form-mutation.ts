"use client";

/** The message to show for a failed tRPC mutation: the first field error, else the server's message. */
export function mutationMessage(error: unknown): string | null {
  if (!error) return null;
  const e = error as { message?: string; data?: { zodError?: { fieldErrors?: Record<string, string[]> } } };
  const fieldErrors = e.data?.zodError?.fieldErrors ?? {};
  const first = Object.values(fieldErrors).flat()[0];
  return first ?? e.message ?? "Something went wrong.";
}
