/**
 * The script-tag bundle is one classic script; what it fetches later (chunks/, locales/) is published next to it and
 * imported relative to the script's own URL.
 */

// document.currentScript is only set while the script itself runs: this module is evaluated then, so read it now.
const scriptUrl =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript.src
    : '';

/** The URL of `path` beside the script (`chunks/form.js`), or null when the script's own URL is unknown. */
export function besideScript(path: string): string | null {
  return scriptUrl ? new URL(path, scriptUrl).href : null;
}

/** Imports the module at `path` beside the script; `what` names it in the error if the script's URL is unknown. */
export function importBesideScript<Module>(path: string, what: string): Promise<Module> {
  const url = besideScript(path);
  if (!url) return Promise.reject(new Error(`The script URL is unknown; ${what} cannot be located`));
  return import(/* @vite-ignore */ url) as Promise<Module>;
}
