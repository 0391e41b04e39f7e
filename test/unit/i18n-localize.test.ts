import { expect } from '@open-wc/testing';
import { en, type LocaleMessages, type MessageKey, type PluralMessage } from '../../src/i18n/locales/en.js';
import {
  isMessageKey,
  isSupportedLocale,
  resolveLocale,
  supportedLocales,
  translator,
} from '../../src/i18n/localize.js';
import { messages, registerAllLocales } from '../../src/i18n/all-locales.js';

registerAllLocales();

// @ts-expect-error a locale table that lacks keys does not type-check
const incomplete: LocaleMessages = { $code: 'xx', $name: 'Incomplete' };
void incomplete;

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
const forms = (message: string | PluralMessage) => (typeof message === 'string' ? [message] : Object.values(message));

describe('resolveLocale', () => {
  it('maps regional and script variants to the language we have', () => {
    expect(resolveLocale(['de-AT'])).to.equal('de');
    expect(resolveLocale(['pt-PT'])).to.equal('pt');
    expect(resolveLocale(['pt-BR'])).to.equal('pt');
    expect(resolveLocale(['zh-Hans-CN'])).to.equal('zh');
    expect(resolveLocale(['EN_us'])).to.equal('en');
  });

  it('takes the first supported preference, skipping empty and unknown ones', () => {
    expect(resolveLocale([null, undefined, '', 'xx-YY', 'ru', 'fr-CA', 'de'])).to.equal('fr');
    expect(resolveLocale(['nb-NO', 'sv-SE'])).to.equal('sv');
  });

  it('falls back to English', () => {
    expect(resolveLocale([])).to.equal('en');
    expect(resolveLocale(['ru', 'uk'])).to.equal('en');
  });
});

describe('isSupportedLocale / supportedLocales / isMessageKey', () => {
  it('lists the thirteen translated languages', () => {
    expect([...supportedLocales].sort()).to.deep.equal([
      'de',
      'en',
      'es',
      'fr',
      'it',
      'ja',
      'ko',
      'nl',
      'pl',
      'pt',
      'sv',
      'tr',
      'zh',
    ]);
    expect(isSupportedLocale('ja')).to.equal(true);
    expect(isSupportedLocale('pt-PT')).to.equal(false);
    expect(isSupportedLocale('ru')).to.equal(false);
  });

  it('tells keys from other strings, e.g. error codes from the API', () => {
    expect(isMessageKey('error.forbidden.NotOpenCheckout')).to.equal(true);
    expect(isMessageKey('error.forbidden.SomethingNew')).to.equal(false);
    expect(isMessageKey('toString')).to.equal(false);
  });
});

describe('translator', () => {
  it('fills placeholders and leaves missing ones visible', () => {
    const t = translator('en');
    expect(t('pay.pay', { amount: '$49' })).to.equal('Pay $49');
    expect(t('pay.pay')).to.equal('Pay {amount}');
    expect(t('totals.recurring', { amount: '$9 / mo' })).to.contain('{date}');
  });

  it('uses the language of any tag and English for unknown ones', () => {
    expect(translator('de-CH')('pay.subscribe')).to.equal('Abonnieren');
    expect(translator('xx')('pay.subscribe')).to.equal('Subscribe');
    expect(translator('')('pay.subscribe')).to.equal('Subscribe');
  });

  it('chooses plural forms with the language rules', () => {
    const t = translator('en');
    expect(t('seats.count', { count: 1 })).to.equal('1 seat');
    expect(t('seats.count', { count: 3 })).to.equal('3 seats');
    const pl = translator('pl');
    expect(pl('seats.count', { count: 1 })).to.equal('1 stanowisko');
    expect(pl('seats.count', { count: 2 })).to.equal('2 stanowiska');
    expect(pl('seats.count', { count: 5 })).to.equal('5 stanowisk');
    expect(pl('seats.count', { count: 22 })).to.equal('22 stanowiska');
    expect(translator('ja')('trial.free', { count: 14 })).to.equal('14日間無料');
  });

  it('formats numeric parameters for the locale', () => {
    expect(translator('en')('seats.count', { count: 1000 })).to.equal('1,000 seats');
    expect(translator('de')('seats.count', { count: 1000 })).to.equal('1.000 Plätze');
  });

  it('uses the other form when the count is missing', () => {
    expect(translator('en')('seats.count')).to.equal('{count} seats');
  });
});

describe('locale tables', () => {
  const keys = Object.keys(en).sort();

  for (const locale of supportedLocales) {
    describe(locale, () => {
      const table = messages[locale];

      it('has exactly the keys of the English table, none empty', () => {
        expect(Object.keys(table).sort()).to.deep.equal(keys);
        for (const key of keys as MessageKey[]) {
          for (const form of forms(table[key])) expect(form.trim(), key).to.not.equal('');
        }
      });

      it('uses the same placeholders as English', () => {
        for (const key of keys as MessageKey[]) {
          const source = en[key];
          const translated = table[key];
          expect(typeof translated, key).to.equal(typeof source);
          const allowed = new Set(forms(source).flatMap((form) => [...placeholders(form)]));
          for (const form of forms(translated)) {
            for (const name of placeholders(form)) expect(allowed.has(name), `${key}: {${name}}`).to.equal(true);
          }
          const other = typeof translated === 'string' ? translated : translated.other;
          const sourceOther = typeof source === 'string' ? source : source.other;
          expect([...placeholders(other)].sort(), key).to.deep.equal([...placeholders(sourceOther)].sort());
        }
      });

      it('has every plural form the language needs', () => {
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const key of keys as MessageKey[]) {
          const message = table[key];
          if (typeof message === 'string') continue;
          for (const category of categories) {
            expect(message[category as keyof PluralMessage], `${key}.${category}`).to.be.a('string');
          }
        }
      });

      it('names itself', () => {
        expect(table.$code).to.equal(locale);
        expect(table.$name).to.not.equal('');
      });

      if (locale !== 'en') {
        it('is actually translated', () => {
          const same = keys.filter(
            (key) =>
              key !== '$code' && JSON.stringify(table[key as MessageKey]) === JSON.stringify(en[key as MessageKey]),
          );
          // A few words are the same in many languages ("Total", "Email", "{amount} / {unit}").
          expect(same.length, same.join(', ')).to.be.lessThan(keys.length * 0.08);
        });
      }
    });
  }
});
