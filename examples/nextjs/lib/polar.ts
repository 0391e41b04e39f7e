// lib/polar.ts: the server's Polar client. Import it only from server code: it holds the access token.
import { createPolar } from '@polar-sh/sdk/2026-10';

// Polar's sandbox unless told otherwise: POLAR_SERVER_URL=https://api.polar.sh sells for real.
export const polarServerUrl = process.env.POLAR_SERVER_URL ?? 'https://sandbox-api.polar.sh';

export const polar = createPolar({
  accessToken: process.env.POLAR_ACCESS_TOKEN ?? '', // an organization access token: keep it on the server
  baseUrl: polarServerUrl,
});
