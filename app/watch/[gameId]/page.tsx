import { ProjectorView } from "./projector-view";

/** The projector view: read-only, big type, opened by the link's key alone (no login). */
export default async function WatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ gameId: string }>;
  searchParams: Promise<{ key?: string }>;
}) {
  const [{ gameId }, { key }] = await Promise.all([params, searchParams]);
  if (!key)
    return <p className="error">This projector link has no key. Ask the instructor for the full link.</p>;
  return <ProjectorView gameId={gameId} viewKey={key} />;
}
