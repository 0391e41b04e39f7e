// Starts the local Polar sandbox API beside the test runner, so component tests talk to a real HTTP server.
// The port is handed to the browser as /__sandbox-url.
export function sandboxPlugin() {
  let sandbox;
  return {
    name: 'polar-sandbox',
    async serverStart() {
      const { existsSync } = await import('node:fs');
      if (!existsSync(new URL('../demo/sandbox/server.ts', import.meta.url))) return;
      const { tsImport } = await import('tsx/esm/api');
      const { startSandbox } = await tsImport('../demo/sandbox/server.ts', import.meta.url);
      sandbox = await startSandbox({ port: 0 });
    },
    async serverStop() {
      await sandbox?.close();
    },
    serve(context) {
      if (context.path === '/__sandbox-url') return { body: sandbox?.url ?? '', type: 'text/plain' };
    },
  };
}
