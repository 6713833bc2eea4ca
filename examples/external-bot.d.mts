export type ExternalBotOptions = {
  rooms: string;
  game: string;
  key: string;
  symbol: string;
  role: string;
  fallbackTicks: number;
};
export function api(
  options: ExternalBotOptions,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>>;
export function stepOnce(options: ExternalBotOptions): Promise<{
  command: Record<string, unknown>;
  answer: { results: Record<string, unknown>[]; events: Record<string, unknown>[] };
}>;
