/** Bundled by react-wrapper.test.ts into a page: mounts the React wrapper (from src/) and records what its handlers get. */
import { createElement, createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PolarCheckout, type PolarCheckoutElement, type PolarCheckoutProps } from '../../src/react.js';

export interface HandlerCall {
  handler: string;
  round: string;
  type: string;
  detail: unknown;
  /** The handler got the very event the element dispatched. */
  same: boolean;
}

export type HandlerName = 'onReady' | 'onChange' | 'onConfirmed' | 'onSuccess' | 'onError';

declare global {
  interface Window {
    wrapper: {
      render(props: Partial<PolarCheckoutProps>, round: string | null, handlers?: HandlerName[]): void;
      dispatch(type: string, detail: unknown): boolean;
      calls: HandlerCall[];
      element(): PolarCheckoutElement | null;
    };
  }
}

const calls: HandlerCall[] = [];
const ref = createRef<PolarCheckoutElement>();
const root = createRoot(document.getElementById('root')!);
let dispatched: Event | null = null;

const record = (handler: HandlerName, round: string) => (event: CustomEvent) => {
  calls.push({ handler, round, type: event.type, detail: event.detail, same: event === dispatched });
  if (handler === 'onSuccess') event.preventDefault();
};

window.wrapper = {
  calls,
  render(props, round, handlers = ['onReady', 'onChange', 'onConfirmed', 'onSuccess', 'onError']) {
    const listeners = round === null ? {} : Object.fromEntries(handlers.map((name) => [name, record(name, round)]));
    flushSync(() => root.render(createElement(PolarCheckout, { ref, ...props, ...listeners })));
  },
  dispatch(type, detail) {
    dispatched = new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true });
    return ref.current!.dispatchEvent(dispatched);
  },
  element: () => ref.current,
};
