import { expect } from '@open-wc/testing';
import { checkoutLocale } from '../../src/model/locale.js';
import { formatCalendarDate, formatDate, safeLocale } from '../../src/model/intl.js';

describe('checkoutLocale', () => {
  it('prefers the attribute, then the session, then the browser', () => {
    expect(checkoutLocale({ attribute: 'fr', checkoutLocale: 'de', navigatorLanguages: ['ja'] })).to.equal('fr');
    expect(checkoutLocale({ attribute: null, checkoutLocale: 'de', navigatorLanguages: ['ja'] })).to.equal('de');
    expect(checkoutLocale({ attribute: '', checkoutLocale: null, navigatorLanguages: ['ja-JP', 'en'] })).to.equal(
      'ja-JP',
    );
    expect(checkoutLocale({})).to.equal('en');
  });

  it('keeps the region and canonicalizes the tag', () => {
    expect(checkoutLocale({ attribute: 'de-at' })).to.equal('de-AT');
    expect(checkoutLocale({ attribute: 'pt_BR' })).to.equal('pt-BR');
    expect(checkoutLocale({ attribute: 'zh-hans-cn' })).to.equal('zh-Hans-CN');
  });

  it('skips malformed tags and languages without a translation', () => {
    expect(
      checkoutLocale({ attribute: 'not a tag', checkoutLocale: 'ru', navigatorLanguages: ['uk', 'pl-PL'] }),
    ).to.equal('pl-PL');
    expect(checkoutLocale({ attribute: 'ru', navigatorLanguages: ['uk'] })).to.equal('en');
  });
});

describe('intl helpers', () => {
  it('canonicalizes locales and falls back to English', () => {
    expect(safeLocale('en_us')).to.equal('en-US');
    expect(safeLocale('???')).to.equal('en');
    expect(safeLocale(undefined)).to.equal('en');
  });

  it('writes dates out for the locale', () => {
    expect(formatDate('2026-05-15T12:00:00Z', 'en')).to.equal('May 15, 2026');
    expect(formatDate('2026-05-15T12:00:00Z', 'de')).to.equal('15. Mai 2026');
    expect(formatDate('not a date', 'en')).to.equal('not a date');
    expect(formatCalendarDate('2026-01-01', 'en')).to.equal('January 1, 2026');
  });
});
