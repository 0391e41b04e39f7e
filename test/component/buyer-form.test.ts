import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { PolarCheckout } from '../../src/element.js';
import type { PolarCheckoutDetail, PolarErrorDetail } from '../../src/events.js';
import {
  addFault,
  choose,
  clearFaults,
  control,
  fieldErrorText,
  maybeControl,
  nextEvent,
  normalize,
  openScenario,
  payButton,
  sandboxRequests,
  serverState,
  shadow,
  typeInto,
  updatesSent,
  useStripeDouble,
  waitForChange,
  waitUntil,
} from './support.js';

before(useStripeDouble);
afterEach(clearFaults);

const address = (key: string) => `customer_billing_address.${key}`;

/** Every form control of the element's shadow root. */
function controls(element: PolarCheckout): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return [
    ...shadow(element).querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input, select, textarea',
    ),
  ];
}

/** The accessible name a control gets from its <label>s (or aria-label). */
function labelOf(input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string {
  const fromLabels = [...(input.labels ?? [])].map((label) => normalize(label.textContent)).join(' ');
  return fromLabels || input.getAttribute('aria-label') || '';
}

/** Whether the field with this id is shown, and if so: required, optional text, control type. */
function fieldState(element: PolarCheckout, id: string): { required: boolean; optional: boolean; tag: string } | null {
  const input = maybeControl<HTMLInputElement | HTMLSelectElement>(element, id);
  if (!input) return null;
  return {
    required: input.required,
    optional: normalize(input.labels?.[0]?.textContent).endsWith('Optional'),
    tag: input.localName,
  };
}

/** Presses the pay button and waits until the form shows what the press led to. */
async function pressPay(element: PolarCheckout, shown: () => boolean, message: string): Promise<void> {
  payButton(element).click();
  await waitUntil(shown, message, { timeout: 3000 });
  await element.updateComplete;
}

describe('buyer form: labels', () => {
  for (const scenario of [
    'one-time',
    'billing-address',
    'custom-fields',
    'pay-what-you-want',
    'multiple-products',
  ] as const) {
    it(`every control has a label (${scenario})`, async () => {
      const { element } = await openScenario(scenario);
      // Open what is folded away so its controls count too.
      shadow(element).querySelector<HTMLButtonElement>('button[part~="discount"]')?.click();
      const business = control(element, 'is_business_customer');
      business.click();
      await element.updateComplete;
      const found = controls(element);
      expect(found.length).to.be.greaterThan(3);
      for (const input of found) {
        expect(labelOf(input), `label of #${input.id || input.name}`).to.not.equal('');
      }
      expect(control(element, 'customer_billing_name').labels![0]!.textContent).to.contain('Business name');
    });
  }

  it('asks for the email with the right input type and autocomplete', async () => {
    const { element } = await openScenario('one-time');
    const email = control(element, 'customer_email');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect(email.required).to.equal(true);
    expect(control(element, 'customer_name').autocomplete).to.equal('cc-name');
  });
});

describe('buyer form: field errors', () => {
  it('paying with an empty email puts the error under it, linked and marked invalid, and focuses it', async () => {
    const { element, secret } = await openScenario('free');
    await pressPay(element, () => fieldErrorText(element, 'customer_email') !== null, 'the email error');
    const email = control(element, 'customer_email');
    expect(fieldErrorText(element, 'customer_email')).to.equal('This field is required.');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('customer_email-error');
    expect(shadow(element).getElementById('customer_email-error')!.getAttribute('role')).to.equal('alert');
    await waitUntil(() => shadow(element).activeElement === email, 'focus goes to the field that needs the buyer');
    const requests = await sandboxRequests(secret);
    expect(
      requests.filter((request) => request.operation === 'client_confirm'),
      'no confirm',
    ).to.have.length(0);

    await typeInto(email, 'not-an-email', true);
    await pressPay(
      element,
      () => fieldErrorText(element, 'customer_email') === 'Enter a valid email address.',
      'the email error',
    );
    expect(fieldErrorText(element, 'customer_email')).to.equal('Enter a valid email address.');

    await typeInto(email, 'buyer@example.com');
    await element.updateComplete;
    expect(fieldErrorText(element, 'customer_email'), 'editing clears the error').to.equal(null);
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(email.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('an incomplete form on pay fires polar-error with code validation (contract)', async () => {
    const { element } = await openScenario('free');
    const errors: PolarErrorDetail[] = [];
    const record = (event: Event) => errors.push((event as CustomEvent<PolarErrorDetail>).detail);
    element.addEventListener('polar-error', record);
    await pressPay(element, () => fieldErrorText(element, 'customer_email') !== null, 'the email error');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors.map((error) => error.code)).to.deep.equal(['validation']);
  });

  it('a 422 from Polar on the email lands under the email field and polar-error says validation', async () => {
    const { element } = await openScenario('one-time');
    await addFault({
      operation: 'client_update',
      status: 422,
      body: {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'customer_email'],
            msg: 'value is not a valid email address: The domain name example.invalid does not exist.',
            input: 'buyer@example.invalid',
          },
        ],
      },
    });
    const error = nextEvent<PolarErrorDetail>('polar-error');
    const email = control(element, 'customer_email');
    await typeInto(email, 'buyer@example.invalid', true);
    const { detail } = await error;
    expect(detail.code).to.equal('validation');
    expect(detail.status).to.equal(422);
    await waitUntil(() => fieldErrorText(element, 'customer_email') !== null, 'the error under the email');
    expect(fieldErrorText(element, 'customer_email')).to.equal('Enter a valid email address.');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.value, 'nothing typed is lost').to.equal('buyer@example.invalid');
  });

  it('a failed save (network) says so by the pay button, keeps the typing, and Try again saves it', async () => {
    const { element, secret } = await openScenario('one-time');
    // Chromium silently retries a request whose connection dropped, so the outage must outlast those retries.
    await addFault({ operation: 'client_update', network: true, times: 5, client_secret: secret });
    const name = control(element, 'customer_name');
    const error = nextEvent<PolarErrorDetail>('polar-error');
    await typeInto(name, 'Grace Hopper', true);
    expect((await error).detail.code).to.equal('network');
    await element.updateComplete;
    const message = shadow(element).querySelector<HTMLElement>('.form-error')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(normalize(message.textContent)).to.contain('couldn’t reach the server');
    expect(name.value).to.equal('Grace Hopper');

    await clearFaults();
    await waitForChange(element, () => message.querySelector('button')!.click());
    expect(shadow(element).querySelector('.form-error')).to.equal(null);
    expect((await serverState(secret)).customer_name).to.equal('Grace Hopper');
  });
});

describe('buyer form: billing address rules', () => {
  it('asks only for the country until one is chosen', async () => {
    const { element } = await openScenario('one-time');
    expect(fieldState(element, address('country'))).to.deep.equal({ required: true, optional: false, tag: 'select' });
    for (const key of ['line1', 'line2', 'postal_code', 'city', 'state']) {
      expect(fieldState(element, address(key)), key).to.equal(null);
    }
  });

  it('choosing US shows a state select and requires street, city and postal code; another country hides them', async () => {
    const { element, secret } = await openScenario('one-time');
    const country = control<HTMLSelectElement>(element, address('country'));
    await waitForChange(element, () => choose(country, 'US'));
    expect(fieldState(element, address('state'))).to.deep.equal({ required: true, optional: false, tag: 'select' });
    const states = [...control<HTMLSelectElement>(element, address('state')).options].map((option) => option.value);
    expect(states).to.include.members(['US-NY', 'US-CA', 'US-DC']);
    for (const key of ['line1', 'postal_code', 'city']) {
      expect(fieldState(element, address(key)), key).to.deep.equal({ required: true, optional: false, tag: 'input' });
    }
    expect(fieldState(element, address('line2'))).to.deep.equal({ required: false, optional: true, tag: 'input' });
    expect(labelOf(control(element, address('postal_code'))), 'worded for the US').to.equal('ZIP code');
    expect(labelOf(control(element, address('state')))).to.equal('State');

    await waitForChange(element, () => choose(country, 'FR'));
    expect(element.checkout!.billing_address_fields.line1).to.equal('disabled');
    for (const key of ['line1', 'line2', 'postal_code', 'city', 'state']) {
      expect(fieldState(element, address(key)), key).to.equal(null);
    }
    expect((await serverState(secret)).customer_billing_address).to.deep.include({ country: 'FR' });
  });

  it('paying with US chosen but no street address marks each missing field', async () => {
    const { element } = await openScenario('one-time');
    await typeInto(control(element, 'customer_email'), 'buyer@example.com', true);
    await waitForChange(element, () => choose(control<HTMLSelectElement>(element, address('country')), 'US'));
    await pressPay(element, () => fieldErrorText(element, address('line1')) !== null, 'the street address error');
    for (const key of ['line1', 'postal_code', 'city', 'state']) {
      expect(fieldErrorText(element, address(key)), key).to.equal('This field is required.');
      expect(control(element, address(key)).getAttribute('aria-invalid'), key).to.equal('true');
    }
    expect(fieldErrorText(element, address('line2'))).to.equal(null);
    expect(fieldErrorText(element, 'customer_email')).to.equal(null);
  });

  it('when the merchant requires a full address, other countries keep street, city and postal code required', async () => {
    const { element } = await openScenario('billing-address');
    for (const key of ['line1', 'postal_code', 'city']) {
      expect(fieldState(element, address(key)), key).to.deep.include({ required: true });
    }
    await waitForChange(element, () => choose(control<HTMLSelectElement>(element, address('country')), 'FR'));
    for (const key of ['line1', 'postal_code', 'city']) {
      expect(fieldState(element, address(key)), key).to.deep.equal({ required: true, optional: false, tag: 'input' });
    }
    expect(fieldState(element, address('state'))).to.deep.equal({ required: false, optional: true, tag: 'input' });
    expect(labelOf(control(element, address('state')))).to.equal('State or region Optional');
    expect(labelOf(control(element, address('postal_code')))).to.equal('Postal code');
    await waitForChange(element, () => choose(control<HTMLSelectElement>(element, address('country')), 'CA'));
    const province = control<HTMLSelectElement>(element, address('state'));
    expect(fieldState(element, address('state'))).to.deep.include({ required: true, tag: 'select' });
    expect(labelOf(province)).to.equal('Province or territory');
    expect(province.options[0]!.textContent).to.equal('Select a province or territory');
    expect([...province.options].map((option) => option.value)).to.include.members(['CA-QC', 'CA-ON', 'CA-YT']);
  });

  it('a new country drops the old country’s state', async () => {
    const { element, secret } = await openScenario('prefilled');
    await waitForChange(element, () => choose(control<HTMLSelectElement>(element, address('country')), 'CA'));
    expect(control<HTMLSelectElement>(element, address('state')).value).to.equal('');
    const sent = (await updatesSent(secret)).at(-1)!;
    expect(sent.customer_billing_address).to.deep.include({ country: 'CA', state: null });
  });
});

describe('buyer form: saving edits', () => {
  it('typing a name saves nothing, however slowly; leaving the field sends one PATCH, then polar-change', async () => {
    const { element, secret } = await openScenario('one-time');
    const changes: CustomEvent<PolarCheckoutDetail>[] = [];
    const record = (event: Event) => changes.push(event as CustomEvent<PolarCheckoutDetail>);
    document.addEventListener('polar-change', record);
    try {
      const name = control(element, 'customer_name');
      await typeInto(name, 'Ada');
      await new Promise((resolve) => setTimeout(resolve, 1300));
      await typeInto(name, 'Ada Lovelace');
      await new Promise((resolve) => setTimeout(resolve, 1300));
      expect(await updatesSent(secret), 'nothing is sent while the buyer is in the field').to.have.length(0);
      name.blur();
      await waitUntil(() => changes.length > 0, 'polar-change after leaving the field', { timeout: 3000 });
      await new Promise((resolve) => setTimeout(resolve, 300));

      const patches = await updatesSent(secret);
      expect(patches).to.have.length(1);
      expect(patches[0]).to.deep.include({ customer_name: 'Ada Lovelace' });
      expect(patches[0]!.locale, 'the locale goes with the first update').to.equal('en');
      expect(changes).to.have.length(1);
      expect(changes[0]!.detail.checkout.customer_name).to.equal('Ada Lovelace');
      expect(changes[0]!.bubbles && changes[0]!.composed).to.equal(true);
      expect(element.checkout!.customer_name).to.equal('Ada Lovelace');
    } finally {
      document.removeEventListener('polar-change', record);
    }
  });

  it('a postal code (it changes the tax) is saved after a pause in typing, once for a slow typist', async () => {
    const { element, secret } = await openScenario('billing-address');
    choose(control<HTMLSelectElement>(element, 'customer_billing_address.country'), 'US');
    await waitUntil(
      () => maybeControl(element, 'customer_billing_address.postal_code') !== null,
      'the US address fields',
    );
    await waitUntil(async () => (await updatesSent(secret)).length === 1, 'the country saved');
    const postal = control(element, 'customer_billing_address.postal_code');
    postal.focus();
    for (const key of '94105') {
      await sendKeys({ type: key });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await waitUntil(
      async () => (await updatesSent(secret)).length === 2,
      'the postal code saved without leaving the field',
      { timeout: 3000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const patches = await updatesSent(secret);
    expect(patches).to.have.length(2);
    expect(patches[1]!.customer_billing_address).to.include({ country: 'US', postal_code: '94105' });
  });

  it('leaving the field saves at once; a response never overwrites what is being typed', async () => {
    const { element, secret } = await openScenario('one-time');
    await addFault({ operation: 'client_update', delayMs: 500, client_secret: secret });
    const name = control(element, 'customer_name');
    const changed = nextEvent('polar-change', element);
    await typeInto(name, 'Ada', true);
    // The save of "Ada" is slow; the buyer goes back and keeps typing.
    await typeInto(name, 'Ada Lovelace');
    await changed;
    await element.updateComplete;
    expect(name.value).to.equal('Ada Lovelace');
    name.blur();
    await waitUntil(
      async () => (await serverState(secret)).customer_name === 'Ada Lovelace',
      'the last edit is saved',
      {
        timeout: 4000,
      },
    );
  });

  it('a save that meets a locked session (409) is retried quietly', async () => {
    const { element, secret } = await openScenario('one-time');
    await addFault({ operation: 'client_update', status: 409, client_secret: secret });
    let errors = 0;
    const count = () => errors++;
    element.addEventListener('polar-error', count);
    await waitForChange(element, () => typeInto(control(element, 'customer_name'), 'Locked Out', true));
    expect(errors).to.equal(0);
    expect(shadow(element).querySelector('.form-error')).to.equal(null);
    const statuses = (await sandboxRequests(secret))
      .filter((request) => request.method === 'PATCH')
      .map((r) => r.status);
    expect(statuses).to.deep.equal([409, 200]);
  });

  it('checking "buying for a business" saves it and asks for the business name and tax ID', async () => {
    const { element, secret } = await openScenario('one-time');
    expect(maybeControl(element, 'customer_billing_name')).to.equal(null);
    await waitForChange(element, () => control(element, 'is_business_customer').click());
    expect(fieldState(element, 'customer_billing_name')).to.deep.include({ required: true });
    expect(fieldState(element, 'customer_tax_id')).to.deep.include({ required: false, optional: true });
    expect((await updatesSent(secret)).at(-1)).to.deep.include({ is_business_customer: true });
  });
});

describe('buyer form: custom fields', () => {
  it('renders the merchant’s fields with their Markdown as text and links, not raw markers', async () => {
    const { element } = await openScenario('custom-fields');
    const company = control(element, 'custom_field_data.company');
    expect(normalize(company.labels![0]!.textContent)).to.equal('Company name');
    expect(company.placeholder).to.equal('Acme Inc.');
    expect(company.required).to.equal(true);
    const hint = shadow(element).getElementById('custom_field_data.company-hint')!;
    expect(normalize(hint.textContent)).to.equal('Printed on your badge.');
    expect(hint.querySelector('strong')?.textContent).to.equal('badge');

    const terms = control(element, 'custom_field_data.accept_terms');
    expect(terms.type).to.equal('checkbox');
    expect(normalize(terms.labels![0]!.textContent)).to.contain('I agree to the workshop terms');
    const link = terms.labels![0]!.querySelector('a')!;
    expect(link.href).to.equal('https://example.com/terms');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');

    const size = control<HTMLSelectElement>(element, 'custom_field_data.tshirt_size');
    expect(normalize(size.labels![0]!.textContent)).to.equal('T-shirt size Optional');
    expect([...size.options].map((option) => option.textContent)).to.deep.equal([
      'Select an option',
      'Small',
      'Medium',
      'Large',
    ]);
  });

  it('required fields are enforced before paying, then saved once filled', async () => {
    const { element, secret } = await openScenario('custom-fields');
    await typeInto(control(element, 'customer_email'), 'buyer@example.com', true);
    await pressPay(element, () => fieldErrorText(element, 'custom_field_data.company') !== null, 'the company error');
    expect(fieldErrorText(element, 'custom_field_data.company')).to.equal('This field is required.');
    expect(fieldErrorText(element, 'custom_field_data.accept_terms')).to.equal('Check this box to continue.');
    expect(fieldErrorText(element, 'custom_field_data.tshirt_size'), 'optional').to.equal(null);
    expect(control(element, 'custom_field_data.company').getAttribute('aria-describedby')).to.contain(
      'custom_field_data.company-error',
    );
    expect(normalize(shadow(element).querySelector('.form-error')?.textContent)).to.contain(
      'check the highlighted fields',
    );
    const confirms = (await sandboxRequests(secret)).filter((request) => request.operation === 'client_confirm');
    expect(confirms).to.have.length(0);

    await typeInto(control(element, 'custom_field_data.company'), 'A', true);
    await pressPay(
      element,
      () => fieldErrorText(element, 'custom_field_data.company') === 'Enter at least 2 characters.',
      'the length error',
    );
    expect(fieldErrorText(element, 'custom_field_data.company')).to.equal('Enter at least 2 characters.');

    await waitForChange(element, () => typeInto(control(element, 'custom_field_data.company'), 'Acme Inc.', true));
    await waitForChange(element, () => control(element, 'custom_field_data.accept_terms').click());
    await waitForChange(element, () =>
      choose(control<HTMLSelectElement>(element, 'custom_field_data.tshirt_size'), 'm'),
    );
    expect(fieldErrorText(element, 'custom_field_data.company')).to.equal(null);
    expect(fieldErrorText(element, 'custom_field_data.accept_terms')).to.equal(null);
    expect((await serverState(secret)).custom_field_data).to.deep.include({
      company: 'Acme Inc.',
      accept_terms: true,
      tshirt_size: 'm',
    });
  });
});
