// The component tests again, with Lit resolved through its `production` export (no dev-mode checks or warnings):
// the Lit that the script-tag bundle and storefront bundlers ship. The pure unit tests don't render, so run once.
import { testRunnerConfig } from './web-test-runner.config.mjs';

export default { ...testRunnerConfig('production'), files: ['test/component/**/*.test.ts'] };
