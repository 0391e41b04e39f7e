/**
 * The source translation table. Every other locale must provide exactly these keys
 * (see `LocaleMessages`). `{name}` marks a placeholder; an object value holds the plural
 * forms of a message, chosen with `Intl.PluralRules` from its `count` parameter.
 */
export const en = {
  $code: 'en',
  $name: 'English',

  loading: 'Loading checkout…',

  'contact.heading': 'Contact information',
  'contact.email': 'Email',
  'contact.name': 'Name on card',
  'contact.emailLocked': 'This email is linked to your customer account.',

  'billing.heading': 'Billing address',
  'address.country': 'Country',
  'address.countryPlaceholder': 'Select a country',
  'address.line1': 'Street address',
  'address.line2': 'Apartment, suite, etc.',
  'address.city': 'City',
  'address.postalCode': 'Postal code',
  'address.zip': 'ZIP code',
  'address.state': 'State',
  'address.province': 'Province or territory',
  'address.region': 'State or region',
  'address.statePlaceholder': 'Select a state',
  'address.provincePlaceholder': 'Select a province or territory',
  'field.optional': 'Optional',
  'field.selectPlaceholder': 'Select an option',

  'business.toggle': 'I’m buying for a business',
  'business.name': 'Business name',
  'business.taxId': 'Tax ID',
  'business.apply': 'Apply',
  'business.removeTaxId': 'Remove tax ID',

  'discount.add': 'Add a discount code',
  'discount.label': 'Discount code',
  'discount.apply': 'Apply',
  'discount.remove': 'Remove',
  'discount.applied': '{name} applied',

  'pwyw.label': 'Name your price',
  'pwyw.minimum': '{amount} minimum',
  'pwyw.tooLow': 'Enter at least {amount}.',
  'pwyw.zeroOrMinimum': 'Enter 0 or at least {amount}.',
  'pwyw.tooHigh': 'Enter at most {amount}.',
  'pwyw.invalid': 'Enter an amount, for example {example}.',

  'product.choose': 'Choose an option',
  'product.oneTime': 'One-time purchase',
  'product.includes': 'Includes',
  'product.billed.day': 'Billed daily',
  'product.billed.week': 'Billed weekly',
  'product.billed.month': 'Billed monthly',
  'product.billed.year': 'Billed yearly',
  'product.billed.day.count': { one: 'Billed every day', other: 'Billed every {count} days' },
  'product.billed.week.count': { one: 'Billed every week', other: 'Billed every {count} weeks' },
  'product.billed.month.count': { one: 'Billed every month', other: 'Billed every {count} months' },
  'product.billed.year.count': { one: 'Billed every year', other: 'Billed every {count} years' },

  'price.free': 'Free',
  'price.from': 'From {amount}',
  'price.payWhatYouWant': 'Pay what you want',
  'price.perSeat': '{amount} per seat',
  'price.basePlusSeats': '{base} + {perSeat} per seat',
  'price.perUnit': '{amount} / {unit}',
  'price.unit': 'unit',
  'price.tokens': '1M tokens',
  'price.cap': 'capped at {amount}',

  'interval.day': '/ day',
  'interval.week': '/ wk',
  'interval.month': '/ mo',
  'interval.year': '/ yr',
  'interval.day.count': { one: '/ {count} day', other: '/ {count} days' },
  'interval.week.count': { one: '/ {count} wk', other: '/ {count} wks' },
  'interval.month.count': { one: '/ {count} mo', other: '/ {count} mo' },
  'interval.year.count': { one: '/ {count} yr', other: '/ {count} yrs' },

  'seats.label': 'Seats',
  'seats.count': { one: '{count} seat', other: '{count} seats' },
  'seats.range': '{min}–{max} seats',
  'seats.minimum': { one: 'At least {count} seat', other: 'At least {count} seats' },
  'seats.maximum': { one: 'Up to {count} seat', other: 'Up to {count} seats' },
  'seats.included': { one: '{count} seat included', other: '{count} seats included' },
  'seats.times': { one: '{count} seat × {price}', other: '{count} seats × {price}' },
  'seats.basePrice': 'Base price',

  'trial.free': { one: '{count} day free', other: '{count} days free' },
  'trial.free.month': { one: '{count} month free', other: '{count} months free' },
  'trial.free.year': { one: '{count} year free', other: '{count} years free' },
  'trial.unavailable': 'You’ve already had a free trial, so this purchase starts without one.',

  'totals.heading': 'Order summary',
  'totals.subtotal': 'Subtotal',
  'totals.discount': 'Discount',
  'totals.discountNamed': '{name} ({value})',
  'totals.discountUntil': { one: 'for the first month', other: 'for the first {count} months' },
  'totals.discountOnce': 'on the first payment only',
  'totals.taxable': 'Taxable amount',
  'totals.tax': 'Tax',
  'totals.taxIncluded': 'Tax (included)',
  'totals.taxPending': 'Based on your address',
  'totals.stale': 'This total is from before your last change, which hasn’t been saved yet.',
  'totals.total': 'Total',
  'totals.totalDueToday': 'Due today',
  'totals.recurring': 'Starting {date}',
  'totals.afterTrial': 'After the trial',
  'totals.metered': 'Plus usage',

  'payment.heading': 'Payment',

  'pay.pay': 'Pay {amount}',
  'pay.subscribe': 'Subscribe',
  'pay.startTrial': 'Start free trial',
  'pay.getFree': 'Get it for free',
  'pay.processing': 'Processing…',
  'pay.confirming': 'Confirming your payment…',
  'pay.waiting': 'Finishing your order…',

  'mandate.oneTime': 'By selecting “{button}”, you authorize a one-time charge of {amount} to your payment method.',
  'mandate.subscription':
    'By selecting “{button}”, you authorize recurring charges of {amount} to your payment method until you cancel.',
  'mandate.trial':
    'By selecting “{button}”, you authorize recurring charges of {amount} to your payment method after the trial ends on {date}, unless you cancel before then.',
  'mandate.trialNoDate':
    'By selecting “{button}”, you authorize recurring charges of {amount} to your payment method after the trial ends, unless you cancel before then.',

  'legal.merchantOfRecord':
    'Polar is the merchant of record for this order and handles questions about it and returns.',
  'legal.buyerTerms': 'Buyer terms',

  'success.title': 'Thanks for your order!',
  'success.body': 'Your purchase is complete.',
  'success.email': 'A confirmation has been sent to {email}.',
  'success.continue': 'Continue',

  'error.expired.title': 'This checkout has expired',
  'error.expired.body': 'Checkout links are only valid for a limited time. Please return to the store and start again.',
  'error.notFound.title': 'Checkout not found',
  'error.notFound.body': 'This checkout link is invalid or no longer exists.',
  'error.network': 'We couldn’t reach the server. Check your connection and try again.',
  'error.timeout': 'The server is taking too long to respond. Please try again.',
  'error.server': 'Something went wrong on our end. Please try again.',
  'error.retry': 'Try again',
  'error.locked': 'Your order is being updated. Please try again in a moment.',
  'error.validation': 'Please check the highlighted fields.',
  'error.required': 'This field is required.',
  'error.email': 'Enter a valid email address.',
  'error.number': 'Enter a whole number.',
  'error.numberMin': 'Enter a number of at least {min}.',
  'error.numberMax': 'Enter a number of at most {max}.',
  'error.date': 'Enter a valid date.',
  'error.dateMin': 'Choose a date on or after {date}.',
  'error.dateMax': 'Choose a date on or before {date}.',
  'error.tooShort': { one: 'Enter at least {count} character.', other: 'Enter at least {count} characters.' },
  'error.tooLong': { one: 'Enter no more than {count} character.', other: 'Enter no more than {count} characters.' },
  'error.option': 'Choose one of the options.',
  'error.mustAccept': 'Check this box to continue.',
  'error.paymentFailed': 'Your payment didn’t go through.',
  'error.paymentDeclinedHint': 'Try another card or payment method.',
  'error.card.declined': 'Your card was declined.',
  'error.card.insufficientFunds': 'Your card has insufficient funds.',
  'error.card.expired': 'Your card has expired.',
  'error.card.incorrectCvc': 'Your card’s security code is incorrect.',
  'error.card.incorrectNumber': 'Your card number is incorrect.',
  'error.card.processing': 'An error occurred while processing your card. Try again in a little bit.',
  'error.authentication': 'We couldn’t verify your payment. Try again or use another payment method.',
  'error.stripeUnavailable':
    'The payment form couldn’t be loaded. Check your connection or turn off content blockers, then try again.',
  'error.stripeTimeout': 'The payment form is taking too long to load.',
  'error.shadowRoot': 'The payment form can’t be shown: <polar-checkout> is inside another element’s shadow root.',
  'error.forbidden.NotOpenCheckout': 'This checkout is no longer open.',
  'error.forbidden.AlreadyActiveSubscriptionError': 'You already have an active subscription to this product.',
  'error.forbidden.PaymentNotReady': 'This seller can’t accept payments right now.',
  'error.forbidden.TrialAlreadyRedeemed': 'You’ve already used the free trial for this product.',
  'error.forbidden.DiscountRedemptionLimitReached': 'This discount code is no longer available.',
  'error.forbidden.generic': 'This action isn’t allowed.',
  'error.stillProcessing':
    'Your payment is still being processed. You’ll receive an email as soon as your order is ready.',
  'error.unknown': 'Something went wrong. Please try again.',
  'pay.checkAgain': 'Check again',
  'pay.totalChanged': 'The total has changed. Check your order, then press the button again.',
  'error.rateLimited': 'Too many requests right now. Please wait a moment and try again.',
  'error.loadFailed.title': 'The checkout couldn’t be loaded',
  'error.configuration.title': 'This checkout isn’t set up correctly',
  'error.configuration.client_secret': 'The checkout link is malformed. Please return to the store and start again.',
  'error.configuration.server_url': 'The checkout is set to talk to an address it may not use.',
  'error.configuration.server': 'The checkout names an unknown Polar server.',
  'error.configuration.success_url': 'Your order is complete, but the page to continue to is not a web address.',

  'a11y.loading': 'Loading checkout',
  'a11y.updating': 'Updating your order',
  'a11y.removeDiscount': 'Remove discount code {code}',
  'a11y.removeTaxId': 'Remove tax ID {taxId}',
  'a11y.increaseSeats': 'Add a seat',
  'a11y.decreaseSeats': 'Remove a seat',
  'a11y.required': 'required',
  'a11y.opensInNewTab': 'opens in a new tab',
} as const;

type Source = typeof en;

/** A key of the translation table. */
export type MessageKey = keyof Source;

/** The plural forms of one message; `other` is always required. */
export type PluralMessage = { readonly other: string } & Partial<
  Readonly<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>
>;

/** Shape every locale table must have: the source's keys, strings where the source has strings. */
export type LocaleMessages = {
  readonly [K in MessageKey]: Source[K] extends string ? string : PluralMessage;
};

// Compile-time check that the source table itself satisfies the shape.
en satisfies LocaleMessages;
