/** Ports of the e2e stack: our own, never the 3000/1999 defaults a developer may be running. */
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3311);
export const E2E_PARTY_PORT = Number(process.env.E2E_PARTY_PORT ?? 19311);
export const E2E_ROOM_SECRET = "e2e-room-token-secret-0123456789abcdef-xyz";
export const E2E_AUTH_SECRET = "e2e-better-auth-secret-0123456789abcdef-xyz";
