"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { FormError } from "../_components/form-error";
import { useTRPC } from "../_trpc/client";
import { mutationMessage } from "./use-form-mutation";

export function CreateGameForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.game.create.mutationOptions({
      onSuccess: async (game) => {
        await queryClient.invalidateQueries(trpc.game.mine.queryFilter());
        router.push(`/games/${game.id}`);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const seedText = String(form.get("seed") ?? "").trim();
    create.mutate({
      name: String(form.get("name") ?? ""),
      preset: form.get("preset") === "full" ? "full" : "compact",
      seed: seedText === "" ? undefined : Number(seedText),
    });
  }

  const error = mutationMessage(create.error);
  return (
    <form className="stack" onSubmit={submit}>
      <h2>Create a game</h2>
      <label>
        Game name
        <input name="name" required maxLength={80} placeholder="Tuesday options lab" />
      </label>
      <label>
        Option chain
        <select name="preset" defaultValue="compact">
          <option value="compact">Compact — 5 strikes × 3 expiries (60 options)</option>
          <option value="full">Full — 15 strikes × 4 expiries (240 options)</option>
        </select>
      </label>
      <label>
        Seed (optional: the same seed replays the same market)
        <input name="seed" inputMode="numeric" pattern="[0-9]*" placeholder="random" />
      </label>
      <FormError message={error} />
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create game"}
      </button>
    </form>
  );
}
