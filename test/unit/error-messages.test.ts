import { expect } from '@open-wc/testing';
import { errorFromResponse, fieldPath } from '../../src/api/errors.js';
import { describeApiError, isShownFieldPath, unplacedMessages } from '../../src/checkout/error-messages.js';
import { translator } from '../../src/i18n/localize.js';
import { registerAllLocales } from '../../src/i18n/all-locales.js';

registerAllLocales();

const t = translator('en');

describe('API errors', () => {
  it('reads every status into a code the page can act on', () => {
    expect(errorFromResponse(404, { error: 'ResourceNotFound', detail: 'Not found' }).code).to.equal('not_found');
    expect(errorFromResponse(410, { error: 'ExpiredCheckoutError', detail: 'x' }).code).to.equal('expired');
    expect(errorFromResponse(403, { error: 'NotOpenCheckout', detail: 'x' }).code).to.equal('forbidden');
    expect(errorFromResponse(400, { error: 'PaymentError', detail: 'x' }).code).to.equal('payment_failed');
    expect(errorFromResponse(409, { error: 'CheckoutLocked', detail: 'x' }).code).to.equal('locked');
    expect(errorFromResponse(502, 'Bad gateway').code).to.equal('server');
    expect(errorFromResponse(500, undefined).retryable).to.equal(true);
    expect(errorFromResponse(422, { detail: [] }).retryable).to.equal(false);
  });

  it('keeps 422 entries and names their field', () => {
    const error = errorFromResponse(422, {
      detail: [{ loc: ['body', 'customer_billing_address', 'postal_code'], msg: 'Field required', type: 'missing' }],
    });
    expect(error.validation).to.have.length(1);
    expect(fieldPath(error.validation[0]!)).to.equal('customer_billing_address.postal_code');
  });
});

describe('what the buyer reads', () => {
  it('puts a 422 under its field in our words for the common cases', () => {
    const described = describeApiError(
      errorFromResponse(422, {
        detail: [
          { loc: ['body', 'customer_email'], msg: 'value is not a valid email address', type: 'value_error' },
          { loc: ['body', 'customer_billing_address', 'city'], msg: 'Field required', type: 'missing' },
          { loc: ['body', 'discount_code'], msg: 'Discount does not exist.', type: 'value_error' },
        ],
      }),
      t,
    );
    expect(described.code).to.equal('validation');
    expect(described.fields).to.deep.equal({
      customer_email: t('error.email'),
      'customer_billing_address.city': t('error.required'),
      discount_code: 'Discount does not exist.',
    });
  });

  it('keeps Stripe’s decline reason and adds what to do', () => {
    const described = describeApiError(
      errorFromResponse(400, {
        error: 'PaymentError',
        detail: 'The payment failed: Your card was declined. Please try again with a different payment method.',
      }),
      t,
    );
    expect(described.message).to.contain('Your card was declined.');
    expect(described.message).to.contain(t('error.paymentDeclinedHint'));
  });

  it('names each 403 reason, and puts a used-up discount on the discount field', () => {
    const types = ['NotOpenCheckout', 'AlreadyActiveSubscriptionError', 'PaymentNotReady', 'TrialAlreadyRedeemed'];
    const messages = types.map((type) => describeApiError(errorFromResponse(403, { error: type, detail: '' }), t).message);
    expect(new Set(messages).size).to.equal(types.length);
    const discount = describeApiError(errorFromResponse(403, { error: 'DiscountRedemptionLimitReached', detail: '' }), t);
    expect(discount.fields?.discount_code).to.equal(t('error.forbidden.DiscountRedemptionLimitReached'));
  });

  it('speaks the buyer’s language', () => {
    const german = describeApiError(errorFromResponse(410, { error: 'ExpiredCheckoutError', detail: '' }), translator('de'));
    expect(german.message).to.equal(translator('de')('error.expired.body'));
    expect(german.message).not.to.equal(t('error.expired.body'));
  });
});

describe('422 entries no field can show', () => {
  it('are kept for the message by the pay button', () => {
    const described = describeApiError(
      errorFromResponse(422, {
        detail: [
          { loc: ['body', 'customer_email'], msg: 'bad', type: 'value_error' },
          { loc: ['body', 'product_price_id'], msg: 'Price does not belong to the product.', type: 'value_error' },
          { loc: ['body', 'customer_billing_address', 'state'], msg: 'Field required', type: 'missing' },
        ],
      }),
      t,
    );
    expect(unplacedMessages(described)).to.deep.equal(['Price does not belong to the product.']);
    expect(isShownFieldPath('custom_field_data.tshirt')).to.equal(true);
    expect(isShownFieldPath('confirmation_token_id')).to.equal(false);
  });
});
