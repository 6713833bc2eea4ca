const SID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The client session of a connection: `?sid=` (chosen by the client, kept across reconnects) and `?resume=`
 * (the last frame seq it saw). A missing or malformed sid falls back to the connection id: no resume then.
 */
export function sessionOf(url: URL, connectionId: string): { sid: string; resumeFrom: number | null } {
  const sid = url.searchParams.get("sid");
  const resume = url.searchParams.get("resume");
  const valid = sid !== null && SID.test(sid);
  const resumeFrom = valid && resume !== null && /^\d{1,12}$/.test(resume) ? Number(resume) : null;
  return { sid: valid ? sid : connectionId, resumeFrom };
}
