import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/browser.js';

const demoPort = Number(process.env.E2E_DEMO_PORT ?? 5273);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 8887);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 8_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${demoPort}`,
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'tsx demo/start.ts',
    url: `http://127.0.0.1:${demoPort}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { DEMO_PORT: String(demoPort), SANDBOX_PORT: String(sandboxPort), SANDBOX_FAST: '1' },
  },
});
