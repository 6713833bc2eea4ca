"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";

/** For instructors: the read-only projector link (anyone with it can watch, nobody can trade). */
export function ProjectorLink({ gameId }: { gameId: string }) {
  const trpc = useTRPC();
  const key = useMutation(trpc.game.viewKey.mutationOptions());
  if (!key.data) {
    return (
      <button type="button" className="ghost small" onClick={() => key.mutate({ gameId })}>
        Projector link
      </button>
    );
  }
  const href = `/watch/${gameId}?key=${encodeURIComponent(key.data)}`;
  return (
    <a href={href} target="_blank" rel="noreferrer" data-testid="projector-link">
      Open projector view
    </a>
  );
}
