import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type PartykitDev = { port: number; host: string; persistDir: string; stop(): Promise<void> };

/**
 * Starts a real `partykit dev` on its own port with a temporary persist directory (or the one given, to
 * simulate a restart), and resolves once it serves.
 */
export async function startPartykitDev(options: {
  port: number;
  vars: Record<string, string>;
  persistDir?: string;
  /** A partykit config other than ./partykit.json (e.g. the benchmark's, which adds an echo party). */
  config?: string;
}): Promise<PartykitDev> {
  const persistDir = options.persistDir ?? mkdtempSync(path.join(tmpdir(), "outcry-pk-"));
  const vars = Object.entries(options.vars).flatMap(([k, v]) => ["--var", `${k}=${v}`]);
  const child = spawn(
    process.execPath,
    [
      "node_modules/partykit/dist/bin.mjs",
      "dev",
      "--port",
      String(options.port),
      "--persist",
      persistDir,
      "--disable-request-cf-fetch",
      "--no-hotkeys",
      ...(options.config ? ["--config", options.config] : []),
      ...vars,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  const host = `127.0.0.1:${options.port}`;
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  await waitUntilServing(host, child, () => output);
  return {
    port: options.port,
    host,
    persistDir,
    stop: () => stopChild(child),
  };
}

/** Removes a persist directory made by `startPartykitDev`. */
export function removePersistDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

async function waitUntilServing(host: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`partykit dev exited early:\n${output()}`);
    try {
      const response = await fetch(`http://${host}/parties/main/probe/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`partykit dev did not start within 60s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
