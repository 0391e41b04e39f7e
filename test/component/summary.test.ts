import { assert, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { stripeDoubleRecords } from '../../demo/stripe-double/install.js';
import {
  control,
  fieldErrorText,
  nextEvent,
  normalize,
  openScenario,
  part,
  parts,
  payButton,
  shadow,
  totalsRow,
  typeInto,
  updatesSent,
  useStripeDouble,
  visibleText,
  waitForChange,
  waitUntil,
  choose,
  serverState,
} from './support.js';
import type { PolarCheckout } from '../../src/element.js';

before(useStripeDouble);

function productText(element: PolarCheckout): string {
  return normalize(part(element, 'product')?.textContent);
}

function priceText(element: PolarCheckout, index = 0): string {
  return normalize(parts(element, 'price')[index]?.textContent);
}

describe('summary: one-time purchase', () => {
  it('shows the product, its $49 price, the total and "Pay $49"', async () => {
    const { element } = await openScenario('one-time');
    expect(productText(element)).to.contain('Acme Pro License');
    expect(priceText(element)).to.equal('$49');
    expect(totalsRow(element, 'subtotal')).to.deep.equal({ label: 'Subtotal', value: '$49' });
    expect(totalsRow(element, 'tax')).to.deep.equal({ label: 'Tax', value: 'Based on your address' });
    expect(totalsRow(element, 'total')).to.deep.equal({ label: 'Total', value: '$49' });
    assert.exists(part(element, 'total'));
    expect(normalize(payButton(element).textContent)).to.equal('Pay $49');
    expect(normalize(shadow(element).querySelector('.mandate')?.textContent)).to.contain('one-time charge of $49');
  });

  it('lists what the product includes (its benefits)', async () => {
    const { element } = await openScenario('one-time');
    const list = shadow(element).querySelector('.benefits ul');
    expect(list?.getAttribute('aria-labelledby')).to.equal('benefits-heading');
    expect(normalize(shadow(element).querySelector('#benefits-heading')?.textContent)).to.equal('Includes');
    expect([...list!.querySelectorAll('li')].map((item) => normalize(item.textContent))).to.deep.equal([
      'Acme Pro license key',
    ]);
  });

  it('adds tax once a taxable address is saved, and the total and pay button follow', async () => {
    const { element } = await openScenario('one-time');
    await waitForChange(element, () =>
      choose(control<HTMLSelectElement>(element, 'customer_billing_address.country'), 'DE'),
    );
    const tax = totalsRow(element, 'tax')!;
    expect(tax.value).to.match(/^\$\d+\.\d\d$/);
    expect(totalsRow(element, 'total')!.value).to.not.equal('$49');
    expect(normalize(payButton(element).textContent)).to.equal(`Pay ${totalsRow(element, 'total')!.value}`);
  });
});

describe('summary: subscription', () => {
  it('shows the billing interval with the price and the total, and "Subscribe"', async () => {
    const { element } = await openScenario('subscription');
    expect(productText(element)).to.contain('Acme Cloud Monthly');
    expect(priceText(element)).to.equal('$12 / mo');
    expect(totalsRow(element, 'total')!.value).to.equal('$12 / mo');
    expect(normalize(payButton(element).textContent)).to.equal('Subscribe');
    expect(normalize(shadow(element).querySelector('.mandate')?.textContent)).to.contain(
      'recurring charges of $12 / mo',
    );
  });
});

describe('summary: pay what you want', () => {
  it('shows the amount field with its minimum', async () => {
    const { element } = await openScenario('pay-what-you-want');
    const amount = control(element, 'amount');
    expect(amount.value).to.equal('5');
    expect(amount.labels?.[0]?.textContent).to.contain('Name your price');
    expect(visibleText(element)).to.contain('$5 minimum');
    expect(amount.getAttribute('aria-describedby')).to.contain('amount-hint');
  });

  it('typing below the minimum shows an error under the amount on blur, and sends nothing', async () => {
    const { element, secret } = await openScenario('pay-what-you-want');
    const amount = control(element, 'amount');
    await typeInto(amount, '3');
    await element.updateComplete;
    expect(fieldErrorText(element, 'amount'), 'no error while typing').to.equal(null);

    amount.blur();
    await element.updateComplete;
    expect(fieldErrorText(element, 'amount')).to.equal('Enter at least $5.');
    expect(amount.getAttribute('aria-invalid')).to.equal('true');
    expect(amount.getAttribute('aria-describedby')).to.contain('amount-error');
    expect(amount.value, 'what the buyer typed stays').to.equal('3');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await updatesSent(secret)).to.deep.equal([]);
    expect(totalsRow(element, 'total')!.value).to.equal('$5');
  });

  it('a valid amount PATCHes it and the total and pay button change', async () => {
    const { element, secret } = await openScenario('pay-what-you-want');
    const amount = control(element, 'amount');
    await typeInto(amount, '3', true);
    await element.updateComplete;
    assert.exists(fieldErrorText(element, 'amount'));

    await waitForChange(element, () => typeInto(amount, '25', true));
    expect(fieldErrorText(element, 'amount'), 'the error goes once fixed').to.equal(null);
    expect(amount.getAttribute('aria-invalid')).to.equal('false');
    expect(totalsRow(element, 'total')!.value).to.equal('$25');
    expect(normalize(payButton(element).textContent)).to.equal('Pay $25');
    const amounts = (await updatesSent(secret)).filter((body) => 'amount' in body).map((body) => body.amount);
    expect(amounts).to.deep.equal([2500]);
    expect((await serverState(secret)).amount).to.equal(2500);
  });

  it('reads the amount in the buyer’s notation (de: 12,50)', async () => {
    const { element, secret } = await openScenario('pay-what-you-want', { locale: 'de' });
    await waitForChange(element, () => typeInto(control(element, 'amount'), '12,50', true));
    expect((await updatesSent(secret)).at(-1)).to.deep.include({ amount: 1250 });
    expect(totalsRow(element, 'total')!.value).to.equal('12,50 $');
  });

  it('above the maximum says so', async () => {
    const { element } = await openScenario('pay-what-you-want');
    await typeInto(control(element, 'amount'), '5000', true);
    await element.updateComplete;
    expect(fieldErrorText(element, 'amount')).to.equal('Enter at most $1,000.');
  });
});

describe('summary: free product', () => {
  it('shows "Free", no payment slot, no discount control, and never loads Stripe', async () => {
    const before = stripeDoubleRecords().instances.length;
    const { element } = await openScenario('free');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(totalsRow(element, 'total')).to.deep.equal({ label: 'Total', value: 'Free' });
    expect(totalsRow(element, 'subtotal')).to.equal(null);
    expect(shadow(element).querySelector('slot[name="payment"]')).to.equal(null);
    expect(element.querySelector('[slot="payment"]')).to.equal(null);
    expect(part(element, 'discount')).to.equal(null);
    expect(normalize(payButton(element).textContent)).to.equal('Get it for free');
    expect(payButton(element).disabled).to.equal(false);
    expect(stripeDoubleRecords().instances.length - before, 'Stripe() calls').to.equal(0);
    expect(element.checkout!.is_payment_form_required).to.equal(false);
  });
});

describe('summary: several products', () => {
  it('offers a radio per product with its price and billing frequency', async () => {
    const { element } = await openScenario('multiple-products');
    const radios = [...shadow(element).querySelectorAll<HTMLInputElement>('input[type="radio"][name="product"]')];
    expect(radios).to.have.length(3);
    const labels = parts(element, 'product').map((product) => normalize(product.textContent));
    expect(labels).to.deep.equal([
      'Acme Cloud Monthly $12 / mo Billed monthly',
      'Acme Cloud Yearly $120 / yr Billed yearly',
      'Acme Pro License $49 One-time purchase',
    ]);
    expect(radios.map((radio) => radio.checked)).to.deep.equal([true, false, false]);
    expect(shadow(element).querySelector('fieldset legend')?.textContent).to.contain('Choose an option');
  });

  it('switching a radio PATCHes product_id, and the total and pay button change', async () => {
    const { element, secret, session } = await openScenario('multiple-products');
    const yearly = session.products.find((product) => product.name === 'Acme Cloud Yearly')!;
    const lifetime = session.products.find((product) => product.name === 'Acme Pro License')!;
    const radio = (productId: string) =>
      shadow(element).querySelector<HTMLInputElement>(`[data-product-id="${productId}"] input[type="radio"]`)!;

    await waitForChange(element, () => radio(yearly.id).click());
    expect(element.checkout!.product_id).to.equal(yearly.id);
    expect(totalsRow(element, 'total')!.value).to.equal('$120 / yr');
    expect(radio(yearly.id).checked).to.equal(true);

    const benefits = () => normalize(shadow(element).querySelector('.benefits ul')?.textContent);
    expect(benefits()).to.equal('Access to Acme Cloud');
    await waitForChange(element, () => radio(lifetime.id).click());
    expect(benefits(), 'the benefits follow the chosen product').to.equal('Acme Pro license key');
    expect(totalsRow(element, 'total')!.value).to.equal('$49');
    expect(normalize(payButton(element).textContent)).to.equal('Pay $49');
    expect(radio(lifetime.id).checked).to.equal(true);

    const productIds = (await updatesSent(secret)).map((body) => body.product_id);
    expect(productIds).to.deep.equal([yearly.id, lifetime.id]);
    expect((await serverState(secret)).product_id).to.equal(lifetime.id);
  });
});

describe('summary: discount codes', () => {
  async function openDiscountField(element: PolarCheckout): Promise<HTMLInputElement> {
    const add = part<HTMLButtonElement>(element, 'discount')!;
    expect(normalize(add.textContent)).to.equal('Add a discount code');
    add.click();
    await element.updateComplete;
    return control<HTMLInputElement>(element, 'discount_code');
  }

  function applyButton(element: PolarCheckout): HTMLButtonElement {
    return [...shadow(element).querySelectorAll<HTMLButtonElement>('[part~="discount"] button')].find(
      (button) => normalize(button.textContent) === 'Apply',
    )!;
  }

  it('SAVE20 applies: a discount row appears and the total drops; Remove takes it off again', async () => {
    const { element, secret } = await openScenario('discount-codes');
    const input = await openDiscountField(element);
    expect(applyButton(element).disabled, 'nothing to apply yet').to.equal(true);
    await typeInto(input, 'SAVE20');
    await element.updateComplete;
    await waitForChange(element, () => applyButton(element).click());

    expect(normalize(part(element, 'discount')!.textContent)).to.contain('SAVE20 applied');
    const discount = totalsRow(element, 'discount')!;
    expect(discount.label).to.contain('Save 20%');
    expect(discount.value).to.equal('-$9.80');
    expect(totalsRow(element, 'total')!.value).to.equal('$39.20');
    expect(normalize(payButton(element).textContent)).to.equal('Pay $39.20');

    const remove = shadow(element).querySelector<HTMLButtonElement>('[part~="discount"] button')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove discount code SAVE20');
    await waitForChange(element, () => remove.click());
    expect(totalsRow(element, 'discount')).to.equal(null);
    expect(totalsRow(element, 'total')!.value).to.equal('$49');
    expect(normalize(part(element, 'discount')!.textContent)).not.to.contain('applied');
    expect(shadow(element).querySelector('#discount_code'), 'the field folds back behind its link').to.equal(null);
    expect(normalize(part(element, 'discount')!.textContent)).to.equal('Add a discount code');

    const codes = (await updatesSent(secret))
      .filter((body) => 'discount_code' in body)
      .map((body) => body.discount_code);
    expect(codes).to.deep.equal(['SAVE20', null]);
  });

  it('a 100% code (FREEFOREVER) makes it free: the card form goes away and the button says so', async () => {
    const { element } = await openScenario('discount-codes');
    await waitUntil(() => element.querySelector('[slot="payment"]') !== null, 'the card form');
    const input = await openDiscountField(element);
    await typeInto(input, 'FREEFOREVER');
    await element.updateComplete;
    await waitForChange(element, () => applyButton(element).click());
    expect(totalsRow(element, 'total')!.value).to.equal('$0');
    expect(element.checkout!.is_payment_form_required).to.equal(false);
    expect(normalize(payButton(element).textContent)).to.equal('Get it for free');
    expect(element.querySelector('[slot="payment"]'), 'no card form').to.equal(null);
    expect(shadow(element).querySelector('slot[name="payment"]')).to.equal(null);
  });

  it('Enter in the field applies the code too', async () => {
    const { element } = await openScenario('discount-codes');
    const input = await openDiscountField(element);
    await typeInto(input, 'TENOFF');
    const changed = nextEvent('polar-change', element);
    await sendKeys({ press: 'Enter' });
    await changed;
    await element.updateComplete;
    expect(totalsRow(element, 'discount')!.value).to.equal('-$10');
    expect(totalsRow(element, 'total')!.value).to.equal('$39');
  });

  it('an unknown code shows the 422 under the discount field and leaves the total alone', async () => {
    const { element } = await openScenario('discount-codes');
    const errors = nextEvent<{ code: string }>('polar-error');
    const input = await openDiscountField(element);
    await typeInto(input, 'NOPE');
    applyButton(element).click();
    expect((await errors).detail.code).to.equal('validation');
    await waitUntil(() => fieldErrorText(element, 'discount_code') !== null, 'the error under the field');
    expect(fieldErrorText(element, 'discount_code')).to.equal('Discount does not exist.');
    const field = control(element, 'discount_code');
    expect(field.value, 'the typed code stays').to.equal('NOPE');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('discount_code-error');
    expect(totalsRow(element, 'discount')).to.equal(null);
    expect(totalsRow(element, 'total')!.value).to.equal('$49');
  });
});

describe('summary: euros with tax included, in German', () => {
  it('with locale="de" uses German labels and euro formatting', async () => {
    const { element } = await openScenario('eur-inclusive-tax', { locale: 'de' });
    expect(priceText(element)).to.equal('39 €');
    expect(totalsRow(element, 'subtotal')).to.deep.equal({ label: 'Zwischensumme', value: '39 €' });
    expect(totalsRow(element, 'total')).to.deep.equal({ label: 'Gesamt', value: '39 €' });
    expect(normalize(payButton(element).textContent)).to.equal('39 € bezahlen');
    expect(shadow(element).getElementById('summary-heading')!.textContent).to.equal('Bestellübersicht');
    expect(control(element, 'customer_email').labels![0]!.textContent).to.contain('E-Mail');
    expect(shadow(element).querySelector('[lang]')!.getAttribute('lang')).to.equal('de');
  });

  it('without a locale attribute follows the session’s locale (de)', async () => {
    const { element } = await openScenario('eur-inclusive-tax', { locale: null });
    expect(totalsRow(element, 'total')!.label).to.equal('Gesamt');
    expect(totalsRow(element, 'total')!.value).to.equal('39 €');
  });

  it('a German address shows the VAT as included, and the total stays 39 €', async () => {
    const { element } = await openScenario('eur-inclusive-tax', { locale: 'de' });
    await waitForChange(element, () =>
      choose(control<HTMLSelectElement>(element, 'customer_billing_address.country'), 'DE'),
    );
    const tax = totalsRow(element, 'tax')!;
    expect(tax.label).to.equal('Steuern (enthalten)');
    expect(tax.value).to.match(/^\d+,\d\d €$/);
    expect(totalsRow(element, 'total')!.value).to.equal('39 €');
  });
});

describe('summary: free trial', () => {
  it('shows the trial, $0 due today, the price after the trial, and "Start free trial"', async () => {
    const { element } = await openScenario('trial');
    expect(priceText(element)).to.equal('$29 / mo');
    expect(totalsRow(element, 'trial')).to.deep.equal({ label: '14 days free', value: 'Free' });
    expect(totalsRow(element, 'total')).to.deep.equal({ label: 'Due today', value: '$0' });
    const recurring = totalsRow(element, 'recurring')!;
    expect(recurring.label).to.match(/^Starting \w+ \d{1,2}, \d{4}$/);
    expect(recurring.value).to.equal('$29 / mo');
    expect(normalize(payButton(element).textContent)).to.equal('Start free trial');
    // A trial still needs a card: the payment form is there.
    assert.exists(shadow(element).querySelector('slot[name="payment"]'));
  });
});

describe('summary: seats', () => {
  function stepper(element: PolarCheckout): {
    input: HTMLInputElement;
    less: HTMLButtonElement;
    more: HTMLButtonElement;
  } {
    const field = shadow(element).querySelector('[data-field="seats"]')!;
    return {
      input: field.querySelector('input')!,
      less: field.querySelector<HTMLButtonElement>('button[aria-label="Remove a seat"]')!,
      more: field.querySelector<HTMLButtonElement>('button[aria-label="Add a seat"]')!,
    };
  }

  it('prices the session’s 3 seats and offers a labelled seat stepper', async () => {
    const { element } = await openScenario('seats');
    expect(productText(element)).to.contain('Acme Teams');
    expect(priceText(element)).to.equal('$30 / mo');
    expect(totalsRow(element, 'total')!.value).to.equal('$30 / mo');
    const { input, less, more } = stepper(element);
    expect(input.value).to.equal('3');
    expect(input.labels![0]!.textContent).to.equal('Seats');
    expect(less.disabled).to.equal(false);
    expect(more.disabled).to.equal(false);
  });

  it('+ PATCHes one more seat and the total follows, down to the cheaper tier from 5 seats', async () => {
    const { element, secret } = await openScenario('seats');
    await waitForChange(element, () => stepper(element).more.click());
    expect(stepper(element).input.value).to.equal('4');
    expect(totalsRow(element, 'total')!.value).to.equal('$40 / mo');
    await waitForChange(element, () => stepper(element).more.click());
    expect(totalsRow(element, 'total')!.value, '5 seats at $8').to.equal('$40 / mo');
    await waitForChange(element, () => stepper(element).less.click());
    expect(totalsRow(element, 'total')!.value).to.equal('$40 / mo');
    expect(stepper(element).input.value).to.equal('4');
    const seats = (await updatesSent(secret)).map((body) => body.seats);
    expect(seats).to.deep.equal([4, 5, 4]);
  });

  it('a typed count outside the range is explained, not sent', async () => {
    const { element, secret } = await openScenario('seats');
    const { input } = stepper(element);
    await typeInto(input, '80', true);
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await updatesSent(secret)).to.deep.equal([]);
    expect(normalize(shadow(element).getElementById('seats-error')?.textContent)).to.equal('Up to 50 seats');
    expect(stepper(element).input.getAttribute('aria-invalid')).to.equal('true');
    expect(totalsRow(element, 'total')!.value).to.equal('$30 / mo');
  });
});

describe('summary: prefilled buyer', () => {
  it('shows the prefilled email, name and New York address, with tax for it', async () => {
    const { element } = await openScenario('prefilled');
    expect(control(element, 'customer_email').value).to.equal('jane.doe@example.com');
    expect(control(element, 'customer_name').value).to.equal('Jane Doe');
    expect(control<HTMLSelectElement>(element, 'customer_billing_address.country').value).to.equal('US');
    expect(control<HTMLSelectElement>(element, 'customer_billing_address.state').value).to.equal('US-NY');
    expect(control(element, 'customer_billing_address.city').value).to.equal('New York');
    expect(totalsRow(element, 'tax')!.value).to.equal('$1.96');
    expect(totalsRow(element, 'total')!.value).to.equal('$50.96');
  });
});

describe('totals on a narrow screen', () => {
  it('a value in words (German "Abhängig von deiner Adresse") wraps beside its label instead of running into it', async () => {
    const { element } = await openScenario('one-time', { locale: 'de' });
    element.style.display = 'block';
    element.style.width = '320px';
    await element.updateComplete;
    await waitUntil(() => totalsRow(element, 'tax')?.value === 'Abhängig von deiner Adresse', 'the pending tax row');
    for (const label of shadow(element).querySelectorAll<HTMLElement>('dl.totals dt')) {
      const value = shadow(element).querySelector<HTMLElement>(`dd[data-row="${label.dataset.row}"]`)!;
      expect(label.scrollWidth, `${label.textContent?.trim()} fits its column`).to.be.at.most(label.clientWidth);
      const text = document.createRange();
      text.selectNodeContents(value);
      expect(text.getBoundingClientRect().left, `${value.textContent?.trim()} starts after its label`).to.be.at.least(
        label.getBoundingClientRect().right,
      );
    }
  });
});

describe('merchant of record', () => {
  it('a paid checkout names Polar as merchant of record after its mandate, with its buyer terms in a new tab', async () => {
    const { element } = await openScenario('one-time');
    const legal = shadow(element).querySelector('.mandate')!;
    expect(normalize(legal.textContent)).to.match(/one-time charge of \$49.*Polar is the merchant of record/);
    const terms = legal.querySelector('a')!;
    expect(terms.href).to.equal('https://polar.sh/legal/checkout-buyer-terms');
    expect(terms.target).to.equal('_blank');
    expect(terms.rel).to.contain('noopener');
    expect(normalize(terms.textContent)).to.equal('Buyer terms (opens in a new tab)');
  });

  it('a free checkout says it too (it has no mandate), in the buyer’s language', async () => {
    const { element } = await openScenario('free', { locale: 'de' });
    const legal = shadow(element).querySelector('.mandate')!;
    expect(normalize(legal.textContent)).to.match(/^Polar ist für diese Bestellung der Verkäufer/);
    expect(normalize(legal.querySelector('a')!.textContent)).to.contain('Käuferbedingungen');
  });
});
