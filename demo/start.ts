/** `npm start`: the local Polar sandbox API and the demo storefront, side by side on loopback. */
import { startSandbox } from './sandbox/server.js';
import { startStorefront } from './storefront/server.js';

const sandboxPort = Number(process.env.SANDBOX_PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 5173);

/** A busy port is a setup problem, not a crash: say which and how to pick another. */
async function listening<T>(what: string, port: number, variable: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(
      `The ${what} cannot listen: port ${port} is in use (is the demo running already?). Free it, or choose another: ${variable}=<port> npm start`,
    );
    process.exit(1);
  }
}

const sandbox = await listening('sandbox', sandboxPort, 'SANDBOX_PORT', () => startSandbox({ port: sandboxPort }));
const storefront = await listening('storefront', demoPort, 'DEMO_PORT', () =>
  startStorefront({ port: demoPort, sandboxUrl: sandbox.url }),
);

console.log(`Polar sandbox API   ${sandbox.url}`);
console.log(
  `Demo storefront     ${storefront.url}${process.env.POLAR_ACCESS_TOKEN ? '  (creating sessions on Polar)' : ''}`,
);
console.log(`Script-tag pages    ${storefront.url}/plain.html  /strict-csp.html  /strict-trusted-types.html`);

const stop = async () => {
  await storefront.close();
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
