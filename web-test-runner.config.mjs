// Component and unit tests in real Chromium (see test/browser.ts for how the browser is found).
// `web-test-runner` runs everything with Lit in dev mode (its `development` export: extra checks and warnings);
// web-test-runner.production.config.mjs runs the component tests again with the Lit a storefront ships.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { sandboxPlugin } from './test/wtr-sandbox-plugin.mjs';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);

/** @param {'development' | 'production'} litMode which export condition resolves `lit` and its packages */
export function testRunnerConfig(litMode) {
  return {
    files: ['test/unit/**/*.test.ts', 'test/component/**/*.test.ts'],
    nodeResolve: { exportConditions: [litMode] },
    concurrency: 1,
    testFramework: { config: { timeout: 8000 } },
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
      sandboxPlugin(),
      // test/component/lit-mode.test.ts asks which mode this run is meant to be in.
      {
        name: 'lit-mode',
        serve: (context) => (context.path === '/__lit-mode' ? { body: litMode, type: 'text/plain' } : undefined),
      },
    ],
    browsers: [
      playwrightLauncher({
        product: 'chromium',
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      }),
    ],
  };
}

export default testRunnerConfig('development');
