/** `npm start`: the local Polar sandbox API and the demo storefront, side by side on loopback. */
import { startSandbox } from './sandbox/server.js';
import { startStorefront } from './storefront/server.js';

const sandboxPort = Number(process.env.SANDBOX_PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 5173);

const sandbox = await startSandbox({ port: sandboxPort });
const storefront = await startStorefront({ port: demoPort, sandboxUrl: sandbox.url });

console.log(`Polar sandbox API   ${sandbox.url}`);
console.log(`Demo storefront     ${storefront.url}${process.env.POLAR_ACCESS_TOKEN ? '  (creating sessions on Polar)' : ''}`);

const stop = async () => {
  await storefront.close();
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
