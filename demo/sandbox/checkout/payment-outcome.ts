/** What "Stripe" does with a confirmation token. The Stripe test double encodes it in the id. */
export type PaymentOutcome = { kind: 'succeeded' } | { kind: 'requires_action' } | { kind: 'failed'; message: string };

/** Card errors by the word after `ctoken_`, worded as Stripe words them. */
const CARD_ERRORS: Record<string, string> = {
  decline: 'Your card was declined.',
  insufficient: 'Your card has insufficient funds.',
  expired: 'Your card has expired.',
  cvc: "Your card's security code is incorrect.",
  processing: 'An error occurred while processing your card. Try again in a little bit.',
};

export function paymentOutcome(tokenId: string, alreadyUsed: boolean): PaymentOutcome {
  if (!tokenId.startsWith('ctoken_')) return { kind: 'failed', message: `No such confirmationtoken: '${tokenId}'` };
  if (alreadyUsed) {
    return {
      kind: 'failed',
      message: 'This ConfirmationToken has already been used to confirm a previous PaymentIntent or SetupIntent.',
    };
  }
  const word = tokenId.slice('ctoken_'.length).split('_')[0] ?? '';
  if (word === '3ds') return { kind: 'requires_action' };
  const message = CARD_ERRORS[word];
  return message ? { kind: 'failed', message } : { kind: 'succeeded' };
}
