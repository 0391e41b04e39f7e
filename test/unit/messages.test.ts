import { expect } from '@open-wc/testing';
import { errorFromResponse, fieldPath } from '../../src/api/errors.js';
import { describeApiError, say, type Message } from '../../src/checkout/messages.js';
import { translator } from '../../src/i18n/localize.js';
import { registerAllLocales } from '../../src/i18n/all-locales.js';

registerAllLocales();

const t = translator('en');
const words = (message: Message | undefined) => say(message!, t);

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
          {
            loc: ['body', 'customer_email'],
            msg: 'value is not a valid email address: An email address must have an @-sign.',
            type: 'value_error',
          },
          { loc: ['body', 'customer_billing_address', 'city'], msg: 'Field required', type: 'missing' },
          { loc: ['body', 'discount_code'], msg: 'Discount does not exist.', type: 'value_error' },
        ],
      }),
    );
    expect(described.code).to.equal('validation');
    expect(words(described.fields?.customer_email)).to.equal(t('error.email'));
    expect(words(described.fields?.['customer_billing_address.city'])).to.equal(t('error.required'));
    expect(words(described.fields?.discount_code)).to.equal('Discount does not exist.');
  });

  it('shows the server’s own reason when we have no wording for it (not a generic “enter a valid email”)', () => {
    const described = describeApiError(
      errorFromResponse(422, {
        detail: [{ loc: ['body', 'customer_email'], msg: 'This email address is not allowed.', type: 'value_error' }],
      }),
    );
    expect(words(described.fields?.customer_email)).to.equal('This email address is not allowed.');
  });

  it('keeps Stripe’s decline reason and adds what to do', () => {
    const described = describeApiError(
      errorFromResponse(400, {
        error: 'PaymentError',
        detail: 'The payment failed: Your card was declined. Please try again with a different payment method.',
      }),
    );
    expect(words(described.message)).to.contain('Your card was declined.');
    expect(words(described.message)).to.contain(t('error.paymentDeclinedHint'));
  });

  it('words the card errors buyers meet most in their language; another reason is shown as Stripe wrote it', () => {
    const declined = (reason: string) =>
      describeApiError(
        errorFromResponse(400, {
          error: 'PaymentError',
          detail: `The payment failed: ${reason} Please try again with a different payment method.`,
        }),
      ).message;
    const de = translator('de');
    const ja = translator('ja');
    expect(say(declined('Your card was declined.'), de)).to.equal(
      'Deine Zahlung ist fehlgeschlagen. Deine Karte wurde abgelehnt. Versuche es mit einer anderen Karte oder Zahlungsmethode.',
    );
    expect(say(declined('Your card has insufficient funds.'), ja)).to.contain('カードの残高が不足しています。');
    expect(say(declined('Your card’s security code is incorrect.'), de)).to.contain('Sicherheitscode');
    expect(say(declined("Your card's security code is incorrect."), de)).to.contain('Sicherheitscode');
    for (const reason of [
      'Your card was declined.',
      'Your card has insufficient funds.',
      'Your card has expired.',
      "Your card's security code is incorrect.",
      'Your card number is incorrect.',
      'An error occurred while processing your card. Try again in a little bit.',
    ]) {
      expect(say(declined(reason), de), reason).not.to.contain(reason);
    }
    expect(say(declined('Your card does not support this type of purchase.'), de)).to.contain(
      'Your card does not support this type of purchase.',
    );
  });

  it('names each 403 reason, and puts a used-up discount on the discount field', () => {
    const types = ['NotOpenCheckout', 'AlreadyActiveSubscriptionError', 'PaymentNotReady', 'TrialAlreadyRedeemed'];
    const messages = types.map((type) =>
      words(describeApiError(errorFromResponse(403, { error: type, detail: '' })).message),
    );
    expect(new Set(messages).size).to.equal(types.length);
    const discount = describeApiError(errorFromResponse(403, { error: 'DiscountRedemptionLimitReached', detail: '' }));
    expect(words(discount.fields?.discount_code)).to.equal(t('error.forbidden.DiscountRedemptionLimitReached'));
  });

  it('keeps codes, not sentences: the same error reads in whatever language is in force', () => {
    const expired = describeApiError(errorFromResponse(410, { error: 'ExpiredCheckoutError', detail: '' }));
    expect(say(expired.message, translator('de'))).to.equal(translator('de')('error.expired.body'));
    expect(say(expired.message, t)).to.equal(t('error.expired.body'));
    expect(say(expired.message, translator('de'))).not.to.equal(say(expired.message, t));
  });

  it('says a rate limit as such, not as a failure on our end', () => {
    expect(words(describeApiError(errorFromResponse(429, { detail: 'Rate limit exceeded.' })).message)).to.equal(
      t('error.rateLimited'),
    );
  });
});
