/**
 * `import { PolarCheckout } from 'polar-checkout-element/react'`: `<polar-checkout>` as a React component
 * (`@lit/react`), for React 18 and 19. Registers the element; safe to import on a server (no `window` at import).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { definePolarCheckout, tagName } from './define.js';
import type { PolarCheckoutDetail, PolarErrorDetail, PolarSuccessDetail } from './events.js';
import { PolarCheckout as PolarCheckoutElement } from './polar-checkout.js';

definePolarCheckout();

/** React prop → the element's event it listens to; each handler gets the element's typed `CustomEvent`. */
const events = {
  onReady: 'polar-ready' as EventName<CustomEvent<PolarCheckoutDetail>>,
  onChange: 'polar-change' as EventName<CustomEvent<PolarCheckoutDetail>>,
  onConfirmed: 'polar-confirmed' as EventName<CustomEvent<PolarCheckoutDetail>>,
  onSuccess: 'polar-success' as EventName<CustomEvent<PolarSuccessDetail>>,
  onError: 'polar-error' as EventName<CustomEvent<PolarErrorDetail>>,
};

/** The element's public, settable properties (its declared reactive properties); set as properties, not attributes. */
export type PolarCheckoutPropertyName = Extract<
  keyof typeof PolarCheckoutElement.properties,
  keyof PolarCheckoutElement
>;

/** Props of the React component: the element's properties, `on…` event handlers, and React's own DOM props. */
export type PolarCheckoutProps = Omit<
  React.HTMLAttributes<PolarCheckoutElement>,
  keyof typeof events | PolarCheckoutPropertyName
> &
  Partial<Pick<PolarCheckoutElement, PolarCheckoutPropertyName>> & {
    /** `polar-ready`: the session is loaded and shown. */
    onReady?: (event: CustomEvent<PolarCheckoutDetail>) => void;
    /** `polar-change`: a buyer edit was saved. */
    onChange?: (event: CustomEvent<PolarCheckoutDetail>) => void;
    /** `polar-confirmed`: payment confirmed, waiting for the order. */
    onConfirmed?: (event: CustomEvent<PolarCheckoutDetail>) => void;
    /** `polar-success`: the order is done. Call `event.preventDefault()` to stay on the page instead of going to `successUrl`. */
    onSuccess?: (event: CustomEvent<PolarSuccessDetail>) => void;
    /** `polar-error`: an error was shown to the buyer. */
    onError?: (event: CustomEvent<PolarErrorDetail>) => void;
  };

/** `<polar-checkout>` for React; a `ref` gives the element itself (`checkout`, `submit()`, `reload()`). */
export const PolarCheckout = createComponent({
  react: React,
  tagName,
  elementClass: PolarCheckoutElement,
  events,
  displayName: 'PolarCheckout',
}) as unknown as React.ForwardRefExoticComponent<PolarCheckoutProps & React.RefAttributes<PolarCheckoutElement>>;

export type { PolarCheckoutElement };
export type { CheckoutTheme } from './polar-checkout.js';
export type { PolarCheckoutEventMap, PolarCheckoutDetail, PolarSuccessDetail, PolarErrorDetail } from './events.js';
export type { PolarErrorCode } from './checkout/messages.js';
export type { CheckoutPublic } from './api/types.js';
