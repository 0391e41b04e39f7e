import type { BuiltApp } from './vite-app.js';
import type { Env } from './element-runs.js';
import type { Row } from './format.js';
export async function compare(_env: Env, _own: BuiltApp, _runs: number, rows: Row[], _progress: (m: string) => void): Promise<void> {
  rows.push({ measure: 'todo', value: '' });
}
