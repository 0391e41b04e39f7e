// JSX typings for <polar-checkout> in React 19 (attributes, and events as `on` + the event name).
import type { PolarCheckout, PolarCheckoutEventMap } from 'polar-checkout-element';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Events = { [Name in keyof PolarCheckoutEventMap as `on${Name}`]?: (event: PolarCheckoutEventMap[Name]) => void };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'polar-checkout': DetailedHTMLProps<HTMLAttributes<PolarCheckout>, PolarCheckout> &
        Events & {
          'client-secret'?: string;
          server?: 'production' | 'sandbox';
          'server-url'?: string;
          theme?: 'light' | 'dark' | 'auto';
          locale?: string;
        };
    }
  }
}
