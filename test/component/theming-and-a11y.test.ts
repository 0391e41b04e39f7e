import { assert, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { stripeDoubleCalls } from '../../demo/stripe-double/install.js';
import type { PolarCheckout } from '../../src/element.js';
import type { PolarErrorDetail } from '../../src/events.js';
import {
  choose,
  control,
  createSession,
  fill,
  nextEvent,
  normalize,
  openScenario,
  part,
  payButton,
  paymentContainer,
  sandboxUrl,
  shadow,
  totalsRow,
  useStripeDouble,
  waitUntil,
} from './support.js';

before(useStripeDouble);

/** Pays a free checkout and waits for the thank-you screen (polar-success is cancelled: the page must stay). */
async function reachSuccess(element: PolarCheckout): Promise<void> {
  fill(control(element, 'customer_email'), 'a11y@example.com');
  const success = new Promise<void>((resolve) =>
    element.addEventListener(
      'polar-success',
      (event) => {
        event.preventDefault();
        resolve();
      },
      { once: true },
    ),
  );
  await element.submit();
  await success;
  await element.updateComplete;
}

async function openExpired(attributes: { locale?: string } = {}): Promise<PolarCheckout> {
  const session = await createSession('expired');
  const error = nextEvent<PolarErrorDetail>('polar-error');
  const element = await fixture<PolarCheckout>(
    html`<polar-checkout
      client-secret=${session.client_secret}
      server-url=${await sandboxUrl()}
      locale=${attributes.locale ?? 'en'}
    ></polar-checkout>`,
  );
  await error;
  await element.updateComplete;
  return element;
}

function partNames(element: PolarCheckout): Set<string> {
  const names = new Set<string>();
  for (const node of shadow(element).querySelectorAll('[part]')) {
    for (const name of node.getAttribute('part')!.split(/\s+/)) if (name) names.add(name);
  }
  return names;
}

describe('accessibility (axe)', () => {
  it('the loaded form is accessible, with the card form mounted', async () => {
    const { element } = await openScenario('one-time');
    await waitUntil(() => paymentContainer(element)?.querySelector('iframe') != null, 'the card form');
    await expect(element).to.be.accessible();
  });

  it('the form with field errors shown is accessible', async () => {
    const { element } = await openScenario('custom-fields');
    payButton(element).click();
    await waitUntil(() => shadow(element).querySelector('[aria-invalid="true"]') !== null, 'errors are shown');
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('the dark theme is accessible (contrast included)', async () => {
    const { element } = await openScenario('discount-codes', { theme: 'dark' });
    await expect(element).to.be.accessible();
  });

  it('the product switcher and pay-what-you-want field are accessible', async () => {
    const { element } = await openScenario('multiple-products');
    await expect(element).to.be.accessible();
    const pwyw = await openScenario('pay-what-you-want');
    await expect(pwyw.element).to.be.accessible();
  });

  it('the expired (410) message is accessible', async () => {
    const element = await openExpired();
    await expect(element).to.be.accessible();
  });

  it('the thank-you screen is accessible', async () => {
    const { element } = await openScenario('free');
    await reachSuccess(element);
    assert.exists(part(element, 'success'));
    await expect(element).to.be.accessible();
  });

  it('the loading state is accessible', async () => {
    const element = await fixture<PolarCheckout>(html`<polar-checkout></polar-checkout>`);
    await expect(element).to.be.accessible();
  });
});

describe('theme', () => {
  it('theme="dark" reflects and changes the colours', async () => {
    const { element } = await openScenario('free');
    const lightBackground = getComputedStyle(element).backgroundColor;
    const lightText = getComputedStyle(element).color;
    expect(lightBackground).to.equal('rgb(255, 255, 255)');

    element.theme = 'dark';
    await element.updateComplete;
    expect(element.getAttribute('theme')).to.equal('dark');
    const dark = getComputedStyle(element);
    expect(dark.backgroundColor).to.not.equal(lightBackground);
    expect(dark.color).to.not.equal(lightText);
    expect(dark.colorScheme).to.equal('dark');
    // Light text on a dark background.
    const luminance = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((sum, value) => sum + Number(value), 0);
    expect(luminance(dark.color)).to.be.greaterThan(luminance(dark.backgroundColor));
    const input = control(element, 'customer_email');
    expect(getComputedStyle(input).backgroundColor).to.equal(dark.backgroundColor);
  });

  it('theme="auto" follows the system colour scheme', async () => {
    const { element } = await openScenario('free', { theme: 'auto' });
    try {
      await emulateMedia({ colorScheme: 'light' });
      expect(getComputedStyle(element).backgroundColor).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(element).backgroundColor).to.not.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(element).colorScheme).to.equal('dark');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('the hidden attribute hides it', async () => {
    const element = await fixture<PolarCheckout>(html`<polar-checkout hidden></polar-checkout>`);
    expect(getComputedStyle(element).display).to.equal('none');
  });

  it('the dark theme also themes the Stripe form (night)', async () => {
    const before = stripeDoubleCalls('elements').length;
    await openScenario('one-time', { theme: 'dark' });
    await waitUntil(() => stripeDoubleCalls('elements').length > before, 'Stripe Elements created');
    const options = stripeDoubleCalls('elements').at(-1)!.args[0] as { appearance: { theme: string } };
    expect(options.appearance.theme).to.equal('night');
  });
});

describe('CSS custom properties and parts', () => {
  it('--polar-checkout-color-primary reaches the pay button and the Stripe form', async () => {
    const session = await createSession('one-time');
    const before = stripeDoubleCalls('elements').length;
    const ready = nextEvent('polar-ready');
    const element = await fixture<PolarCheckout>(
      html`<polar-checkout
        style="--polar-checkout-color-primary: rgb(200, 0, 100); --polar-checkout-border-radius: 2px; --polar-checkout-font-family: monospace"
        client-secret=${session.client_secret}
        server-url=${await sandboxUrl()}
        locale="en"
      ></polar-checkout>`,
    );
    await ready;
    await element.updateComplete;
    const button = getComputedStyle(payButton(element));
    expect(button.backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(button.borderTopLeftRadius).to.equal('2px');
    expect(getComputedStyle(control(element, 'customer_email')).fontFamily).to.equal('monospace');

    await waitUntil(() => stripeDoubleCalls('elements').length > before, 'Stripe Elements created');
    const options = stripeDoubleCalls('elements').at(-1)!.args[0] as {
      appearance: { variables: Record<string, string> };
    };
    expect(options.appearance.variables.colorPrimary).to.equal('rgb(200, 0, 100)');
    expect(options.appearance.variables.borderRadius).to.equal('2px');
  });

  it('exposes the form parts in the open checkout, error parts when something is wrong, success at the end', async () => {
    const { element } = await openScenario('discount-codes');
    const open = partNames(element);
    for (const name of [
      'form',
      'summary',
      'product',
      'price',
      'total',
      'field',
      'label',
      'input',
      'discount',
      'submit',
    ]) {
      expect(open.has(name), `part ${name} in the open form`).to.equal(true);
    }
    expect(open.has('success')).to.equal(false);
    expect(open.has('error'), 'no error before one happens').to.equal(false);

    payButton(element).click();
    await waitUntil(() => partNames(element).has('error'), 'an error part after a failed pay');

    const free = await openScenario('free');
    await reachSuccess(free.element);
    const done = partNames(free.element);
    expect(done.has('success')).to.equal(true);
    expect(done.has('form')).to.equal(false);
    expect(done.has('submit')).to.equal(false);

    const expired = await openExpired();
    expect(partNames(expired).has('error')).to.equal(true);
    expect(partNames(expired).has('form')).to.equal(false);
  });

  it('a page can style the parts with ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `
      polar-checkout::part(submit) { text-transform: uppercase; }
      polar-checkout::part(total) { color: rgb(1, 2, 3); }
      polar-checkout::part(input) { border-color: rgb(4, 5, 6); }
    `;
    document.head.append(style);
    try {
      const { element } = await openScenario('one-time');
      expect(getComputedStyle(payButton(element)).textTransform).to.equal('uppercase');
      expect(getComputedStyle(shadow(element).querySelector('dd[part~="total"]')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(control(element, 'customer_email')).borderTopColor).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });
});

describe('header and footer slots', () => {
  it('render slotted content in the loading, open and error states', async () => {
    const session = await createSession('free');
    const server = await sandboxUrl();
    const ready = nextEvent('polar-ready');
    const element = await fixture<PolarCheckout>(
      html`<polar-checkout client-secret=${session.client_secret} server-url=${server}>
        <h2 slot="header">Acme store</h2>
        <p slot="footer">Questions? help@acme.test</p>
      </polar-checkout>`,
    );
    const slot = (name: string) => shadow(element).querySelector<HTMLSlotElement>(`slot[name="${name}"]`)!;
    const assigned = (name: string) =>
      slot(name)
        .assignedElements()
        .map((node) => normalize(node.textContent));
    expect(assigned('header'), 'while loading').to.deep.equal(['Acme store']);
    await ready;
    await element.updateComplete;
    expect(assigned('header')).to.deep.equal(['Acme store']);
    expect(assigned('footer')).to.deep.equal(['Questions? help@acme.test']);
    const header = element.querySelector('[slot="header"]')!;
    const form = part(element, 'form')!;
    // The header is above the checkout, the footer below it.
    expect(header.getBoundingClientRect().bottom).to.be.at.most(form.getBoundingClientRect().top);
    expect(element.querySelector('[slot="footer"]')!.getBoundingClientRect().top).to.be.at.least(
      form.getBoundingClientRect().bottom,
    );

    const error = nextEvent('polar-error');
    element.clientSecret = 'polar_c_doesnotexist';
    await error;
    await element.updateComplete;
    expect(assigned('header'), 'with an error').to.deep.equal(['Acme store']);
    expect(assigned('footer')).to.deep.equal(['Questions? help@acme.test']);
  });
});

describe('locale', () => {
  it('locale="fr" shows French texts and French number formatting', async () => {
    const { element } = await openScenario('one-time', { locale: 'fr' });
    expect(shadow(element).getElementById('contact-heading')!.textContent).to.equal('Coordonnées');
    expect(normalize(control(element, 'customer_email').labels![0]!.textContent)).to.equal('E-mail');
    expect(totalsRow(element, 'total')!.label).to.equal('Total');
    expect(totalsRow(element, 'total')!.value).to.equal('49 $US');
    expect(normalize(payButton(element).textContent)).to.equal('Payer 49 $US');
    expect(shadow(element).querySelector('[lang]')!.getAttribute('lang')).to.equal('fr');
    const countries = [...control<HTMLSelectElement>(element, 'customer_billing_address.country').options].map(
      (option) => option.textContent,
    );
    expect(countries).to.include('Allemagne');
  });

  it('the card form speaks the buyer’s language, and follows a change of it', async () => {
    const { element } = await openScenario('one-time', { locale: 'de' });
    const cardLabel = () =>
      paymentContainer(element)?.querySelector('iframe')?.contentDocument?.querySelector('label[for="cardnumber"]')
        ?.textContent;
    await waitUntil(() => cardLabel() === 'Kartennummer', 'the card form in German', { timeout: 5000 });
    element.locale = 'ja';
    await waitUntil(() => cardLabel() === 'カード番号', 'the card form in Japanese', { timeout: 5000 });
  });

  it('changing locale later re-renders the texts and formats', async () => {
    const { element } = await openScenario('one-time', { locale: 'en' });
    expect(totalsRow(element, 'total')!.label).to.equal('Total');
    element.locale = 'de';
    // A language's texts may be fetched on first use: the element re-renders when they arrive.
    await waitUntil(() => totalsRow(element, 'total')?.label === 'Gesamt', 'German texts', { timeout: 3000 });
    expect(totalsRow(element, 'total')).to.deep.equal({ label: 'Gesamt', value: '49 $' });
    expect(normalize(payButton(element).textContent)).to.equal('49 $ bezahlen');
    expect(shadow(element).querySelector('[lang]')!.getAttribute('lang')).to.equal('de');

    element.locale = 'fr';
    await waitUntil(() => normalize(payButton(element).textContent) === 'Payer 49 $US', 'French texts', {
      timeout: 3000,
    });
    expect(shadow(element).getElementById('contact-heading')!.textContent).to.equal('Coordonnées');
  });

  it('an error already shown is in the chosen language', async () => {
    const element = await openExpired({ locale: 'fr' });
    expect(normalize(shadow(element).querySelector('.status h2')!.textContent)).to.equal('Ce paiement a expiré');
  });

  it('a country picked in French shows the French state list and sends the code', async () => {
    const { element, secret } = await openScenario('one-time', { locale: 'fr' });
    const change = nextEvent('polar-change', element);
    choose(control<HTMLSelectElement>(element, 'customer_billing_address.country'), 'CA');
    await change;
    await element.updateComplete;
    const province = control<HTMLSelectElement>(element, 'customer_billing_address.state');
    const options = [...province.options].map((option) => [option.value, option.textContent]);
    expect(options).to.deep.include(['CA-QC', 'Québec']);
    expect(options).to.deep.include(['CA-BC', 'Colombie-Britannique']);
    expect(element.checkout!.customer_billing_address).to.deep.include({ country: 'CA' });
    expect(secret).to.be.a('string');
  });
});
