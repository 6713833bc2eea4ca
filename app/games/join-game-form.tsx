"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { FormError } from "../_components/form-error";
import { useTRPC } from "../_trpc/client";
import { mutationMessage } from "./use-form-mutation";

export function JoinGameForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const join = useMutation(
    trpc.game.join.mutationOptions({ onSuccess: ({ gameId }) => router.push(`/games/${gameId}`) }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    join.mutate({
      joinCode: String(form.get("joinCode") ?? ""),
      teamName: String(form.get("teamName") ?? ""),
    });
  }

  const error = mutationMessage(join.error);
  return (
    <form className="stack" onSubmit={submit}>
      <h2>Join a game</h2>
      <label>
        Join code (from your instructor)
        <input name="joinCode" required autoComplete="off" placeholder="K7QX2M" className="num" />
      </label>
      <label>
        Team name (teammates type the same name)
        <input name="teamName" required maxLength={40} placeholder="Alpha" />
      </label>
      <FormError message={error} />
      <button type="submit" disabled={join.isPending}>
        {join.isPending ? "Joining…" : "Join game"}
      </button>
    </form>
  );
}
