/** Setup shared by the sandbox suites: a fresh sandbox per file, and a contract check when the file is done. */
import assert from 'node:assert/strict';
import { startSandbox, type RunningSandbox } from '../../demo/sandbox/server.js';
import { SandboxClient } from '../../demo/sandbox/testing/sandbox-client.js';

export async function startTestSandbox(): Promise<{ sandbox: RunningSandbox; api: SandboxClient }> {
  const sandbox = await startSandbox({ port: 0, fast: true });
  return { sandbox, api: new SandboxClient(sandbox.url) };
}

/** Closes the sandbox, failing the file if anything it sent or received broke the OpenAPI contract. */
export async function stopTestSandbox(sandbox: RunningSandbox, api: SandboxClient): Promise<void> {
  const violations = await api.request('GET', '/__sandbox/violations');
  await sandbox.close();
  assert.deepEqual(violations.body, [], 'the sandbox recorded contract violations');
}
