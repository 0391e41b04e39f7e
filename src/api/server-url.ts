/** Which Polar API the element talks to: `server-url` wins over `server`. */
export type PolarServer = 'production' | 'sandbox';

export const SERVERS: Record<PolarServer, string> = {
  production: 'https://api.polar.sh',
  sandbox: 'https://sandbox-api.polar.sh',
};

export function apiBaseUrl(server: string | null | undefined, serverUrl: string | null | undefined): string {
  if (serverUrl) return serverUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  return server === 'sandbox' ? SERVERS.sandbox : SERVERS.production;
}
