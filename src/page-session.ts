/**
 * The session a page already has, given to the element as its `initialCheckout` property or, in server-rendered HTML,
 * as a `<script type="application/json">` child. What it holds is checked by api/initial-checkout.ts.
 */

/** The property's value, else the JSON child's; nothing (and a console warning) when the child cannot be parsed. */
export function pageSession(element: HTMLElement, property: unknown): unknown {
  if (property !== undefined) return property;
  const script = jsonChild(element);
  if (!script) return undefined;
  try {
    return JSON.parse(script.textContent ?? '');
  } catch {
    console.warn(
      '<polar-checkout>: the JSON in its <script type="application/json"> child cannot be parsed; loading the session from Polar.',
    );
    return undefined;
  }
}

/**
 * Upgraded while the parser is still inside the element (the script in the page's head), its JSON child is not there
 * yet: watch for it as it is parsed, and call `found` once it is whole, unless `wanted()` has turned false meanwhile
 * (Polar answered first, or the element moved on). Stops at the end of parsing.
 */
export function whenJsonChildParsed(element: HTMLElement, wanted: () => boolean, found: () => void): void {
  if (typeof document === 'undefined' || document.readyState !== 'loading' || typeof MutationObserver === 'undefined')
    return;
  const stop = () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', parsed);
  };
  const look = (final: boolean) => {
    if (!wanted()) return stop();
    // Text still arriving does not parse yet; only the parsed document's says the JSON is broken (with a warning).
    const text = jsonChild(element)?.textContent;
    if (text === undefined || text === null || (!final && !parses(text))) return final ? stop() : undefined;
    stop();
    found();
  };
  const observer = new MutationObserver(() => look(false));
  const parsed = () => look(true);
  observer.observe(element, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', parsed, { once: true });
}

function jsonChild(element: HTMLElement): HTMLScriptElement | null {
  return element.querySelector(':scope > script[type="application/json"]');
}

function parses(json: string): boolean {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
}
