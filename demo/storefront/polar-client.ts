/**
 * The storefront server's Polar client (official SDK). With POLAR_ACCESS_TOKEN set it talks to Polar itself
 * (POLAR_SERVER=sandbox|production, default sandbox); otherwise to the local sandbox with its demo token.
 */
import { createPolar } from '@polar-sh/sdk/2026-10';

export const LOCAL_SANDBOX_TOKEN = 'polar_oat_sandbox_full';

export interface PolarTarget {
  mode: 'local' | 'polar';
  polar: ReturnType<typeof createPolar>;
  /** What the page's element needs: `server-url` for the local sandbox, `server` for Polar. */
  serverUrl?: string;
  server?: 'sandbox' | 'production';
}

export function polarTarget(env: NodeJS.ProcessEnv, localSandboxUrl: string): PolarTarget {
  const accessToken = env.POLAR_ACCESS_TOKEN;
  if (accessToken) {
    const server = env.POLAR_SERVER === 'production' ? 'production' : 'sandbox';
    return { mode: 'polar', server, polar: createPolar({ accessToken, environment: server }) };
  }
  return {
    mode: 'local',
    serverUrl: localSandboxUrl,
    polar: createPolar({ accessToken: LOCAL_SANDBOX_TOKEN, baseUrl: localSandboxUrl }),
  };
}
