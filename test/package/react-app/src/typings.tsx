// Type-checked only (tsc --noEmit), never bundled: what the published .d.ts files promise a TypeScript app.
import { useRef, type ComponentProps } from 'react';
import 'polar-checkout-element';
import { PolarCheckout as PolarCheckoutClass, tagName, type PolarErrorCode } from 'polar-checkout-element';
import type {
  PolarCheckout as PolarCheckoutElement,
  PolarCheckoutEventMap,
  PolarSuccessDetail,
} from 'polar-checkout-element/element';
import {
  PolarCheckout,
  type CheckoutPublic,
  type PolarCheckoutDetail,
  type PolarCheckoutProps,
  type PolarErrorDetail,
} from 'polar-checkout-element/react';

// The registering entry's class and tag map.
const element: PolarCheckoutElement = document.createElement(tagName as 'polar-checkout');
const same: typeof PolarCheckoutClass = element.constructor as typeof PolarCheckoutClass;
element.addEventListener('polar-success', (event) => {
  const url: string = event.detail.successUrl;
  event.preventDefault();
  void url;
});
const successEvent: PolarCheckoutEventMap['polar-success'] = new CustomEvent<PolarSuccessDetail>('polar-success');
const code: PolarErrorCode = 'payment_failed';
void same;
void successEvent;
void code;

export function Everything() {
  const ref = useRef<PolarCheckoutElement>(null);
  const stripe = Promise.resolve(null);
  return (
    <PolarCheckout
      ref={ref}
      id="checkout"
      className="checkout"
      style={{ maxWidth: 640 }}
      clientSecret="polar_c_x"
      server="production"
      serverUrl="https://api.polar.sh"
      theme="auto"
      locale="de-CH"
      stripe={stripe}
      initialCheckout={{ client_secret: 'polar_c_x' }}
      onReady={(_event) => ref.current?.checkout?.id satisfies string | undefined}
      onChange={(event: CustomEvent<PolarCheckoutDetail>) => {
        const checkout: CheckoutPublic = event.detail.checkout;
        void checkout;
      }}
      onConfirmed={(_event) => void ref.current?.submit()}
      onSuccess={(event) => {
        const detail: PolarSuccessDetail = event.detail;
        event.preventDefault();
        void detail;
      }}
      onError={(event) => {
        const detail: PolarErrorDetail = event.detail;
        const status: number | undefined = detail.status;
        void status;
      }}
    >
      <span slot="header">Checkout</span>
    </PolarCheckout>
  );
}

// What must not compile: loose typings would let all of these through.
export const mistakes = (
  <>
    {/* @ts-expect-error not a theme */}
    <PolarCheckout theme="purple" />
    {/* @ts-expect-error not a server */}
    <PolarCheckout server="staging" />
    {/* @ts-expect-error a client secret is a string */}
    <PolarCheckout clientSecret={42} />
    {/* @ts-expect-error onSuccess gets the success event, which has no code */}
    <PolarCheckout onSuccess={(event) => event.detail.code} />
    {/* @ts-expect-error onError gets the error detail, which has no checkout */}
    <PolarCheckout onError={(event) => event.detail.checkout} />
    {/* @ts-expect-error checkout is read-only, not a prop */}
    <PolarCheckout checkout={null} />
    {/* @ts-expect-error no such prop */}
    <PolarCheckout clientsecret="polar_c_x" />
  </>
);

type Props = ComponentProps<typeof PolarCheckout>;
export const props: PolarCheckoutProps = { clientSecret: 'polar_c_x' } satisfies Props;
