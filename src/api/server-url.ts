/** Which Polar API the element talks to: `server-url` wins over `server`. */
export type PolarServer = 'production' | 'sandbox';

export const SERVERS: Record<PolarServer, string> = {
  production: 'https://api.polar.sh',
  sandbox: 'https://sandbox-api.polar.sh',
};
