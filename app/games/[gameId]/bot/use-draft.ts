"use client";

import { useEffect } from "react";

const key = (teamId: string) => `outcry:bot-draft:${teamId}`;

/** The unsaved draft of a team's bot in this browser (kept across navigation and reloads). */
export function loadDraft(teamId: string): string | null {
  try {
    return window.localStorage.getItem(key(teamId));
  } catch {
    return null;
  }
}

export function saveDraft(teamId: string, code: string | null) {
  try {
    if (code === null) window.localStorage.removeItem(key(teamId));
    else window.localStorage.setItem(key(teamId), code);
  } catch {
    // storage full or disabled: the beforeunload warning still protects the work
  }
}

/** Asks before leaving the page while there are unsaved changes. */
export function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
