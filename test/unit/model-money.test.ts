import { expect } from '@open-wc/testing';
import { formatMoney, formatSubcent, minorUnitDigits, parseMoneyInput } from '../../src/model/money.js';

// Intl separates amount and symbol with no-break spaces; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('minorUnitDigits', () => {
  it('knows two-, zero- and three-decimal currencies, in any case', () => {
    expect(minorUnitDigits('usd')).to.equal(2);
    expect(minorUnitDigits('EUR')).to.equal(2);
    expect(minorUnitDigits('jpy')).to.equal(0);
    expect(minorUnitDigits('KRW')).to.equal(0);
    expect(minorUnitDigits('kwd')).to.equal(3);
  });
});

describe('formatMoney', () => {
  it('drops .00 from whole amounts like Polar', () => {
    expect(formatMoney(4900, 'usd', 'en')).to.equal('$49');
    expect(formatMoney(4950, 'usd', 'en')).to.equal('$49.50');
    expect(formatMoney(0, 'usd', 'en')).to.equal('$0');
  });

  it('follows the locale for separators and symbol placement, also for whole amounts', () => {
    expect(plain(formatMoney(1250, 'eur', 'de'))).to.equal('12,50 €');
    expect(plain(formatMoney(1200, 'eur', 'de'))).to.equal('12 €');
    expect(plain(formatMoney(123456, 'eur', 'fr'))).to.equal('1 234,56 €');
    expect(formatMoney(123456, 'usd', 'en')).to.equal('$1,234.56');
  });

  it('treats zero-decimal currencies as whole units', () => {
    expect(formatMoney(5000, 'jpy', 'en')).to.equal('¥5,000');
    expect(formatMoney(5000, 'jpy', 'ja')).to.equal('￥5,000');
    expect(formatMoney(15000, 'krw', 'ko')).to.equal('₩15,000');
  });

  it('uses three decimals where the currency has them', () => {
    expect(plain(formatMoney(1234, 'kwd', 'en'))).to.equal('KWD 1.234');
  });

  it('disambiguates dollars unless compact', () => {
    expect(formatMoney(4900, 'cad', 'en')).to.equal('CA$49');
    expect(formatMoney(4900, 'cad', 'en', { compact: true })).to.equal('$49');
  });

  it('formats negative amounts (discounts)', () => {
    expect(formatMoney(-500, 'usd', 'en')).to.equal('-$5');
  });

  it('falls back instead of throwing on a bad locale or currency', () => {
    expect(formatMoney(4900, 'usd', 'not a locale!')).to.equal('$49');
    expect(formatMoney(4900, 'x1', 'en')).to.equal('49 X1');
  });
});

describe('formatSubcent', () => {
  it('shows fractions of a cent exactly', () => {
    expect(formatSubcent('0.5', 'usd', 'en')).to.equal('$0.005');
    expect(formatSubcent('0.0001', 'usd', 'en')).to.equal('$0.000001');
    expect(formatSubcent('0.1', 'usd', 'en')).to.equal('$0.001');
  });

  it('scales per-unit prices up without float noise', () => {
    expect(formatSubcent('0.001', 'usd', 'en', 1_000_000)).to.equal('$10');
    expect(formatSubcent('0.0003', 'usd', 'en', 1_000_000)).to.equal('$3');
    expect(formatSubcent('0.35', 'usd', 'en', 1000)).to.equal('$3.50');
  });

  it('follows the locale and zero-decimal currencies', () => {
    expect(plain(formatSubcent('0.5', 'eur', 'de'))).to.equal('0,005 €');
    expect(formatSubcent('0.5', 'jpy', 'en')).to.equal('¥0.5');
  });

  it('returns the input when it is not a number', () => {
    expect(formatSubcent('abc', 'usd', 'en')).to.equal('abc');
  });
});

describe('parseMoneyInput', () => {
  it('reads plain and decimal input', () => {
    expect(parseMoneyInput('12', 'usd', 'en')).to.equal(1200);
    expect(parseMoneyInput('12.5', 'usd', 'en')).to.equal(1250);
    expect(parseMoneyInput('12.50', 'usd', 'en')).to.equal(1250);
    expect(parseMoneyInput('0.99', 'usd', 'en')).to.equal(99);
    expect(parseMoneyInput('.5', 'usd', 'en')).to.equal(50);
    expect(parseMoneyInput('12.', 'usd', 'en')).to.equal(1200);
  });

  it('reads the locale decimal comma', () => {
    expect(parseMoneyInput('12,50', 'eur', 'de')).to.equal(1250);
    expect(parseMoneyInput('12,5', 'eur', 'fr')).to.equal(1250);
    expect(parseMoneyInput('1.234,56', 'eur', 'de')).to.equal(123456);
    expect(parseMoneyInput('1.234', 'eur', 'de')).to.equal(123400);
  });

  it('reads grouped thousands', () => {
    expect(parseMoneyInput('1,234.56', 'usd', 'en')).to.equal(123456);
    expect(parseMoneyInput('1,234', 'usd', 'en')).to.equal(123400);
    expect(parseMoneyInput('1,234,567', 'usd', 'en')).to.equal(123456700);
    expect(parseMoneyInput('1 234,56', 'eur', 'fr')).to.equal(123456);
    expect(parseMoneyInput('1’234.50', 'chf', 'de-CH')).to.equal(123450);
    expect(parseMoneyInput('1,23,456', 'inr', 'en-IN')).to.equal(12345600);
  });

  it('understands a comma decimal even in an English locale', () => {
    expect(parseMoneyInput('12,50', 'eur', 'en')).to.equal(1250);
  });

  it('ignores currency symbols, codes and spaces', () => {
    expect(parseMoneyInput('$12', 'usd', 'en')).to.equal(1200);
    expect(parseMoneyInput(' 12,50 € ', 'eur', 'de')).to.equal(1250);
    expect(parseMoneyInput('USD 12', 'usd', 'en')).to.equal(1200);
    expect(parseMoneyInput('CA$12', 'cad', 'en')).to.equal(1200);
  });

  it('reads full-width input and zero-decimal currencies', () => {
    expect(parseMoneyInput('１，０００', 'jpy', 'ja')).to.equal(1000);
    expect(parseMoneyInput('￥500', 'jpy', 'ja')).to.equal(500);
    expect(parseMoneyInput('1000', 'krw', 'ko')).to.equal(1000);
  });

  it('keeps the sign so callers can reject negative amounts', () => {
    expect(parseMoneyInput('-5', 'usd', 'en')).to.equal(-500);
  });

  it('rejects text that is not an amount', () => {
    expect(parseMoneyInput('', 'usd', 'en')).to.equal(null);
    expect(parseMoneyInput('   ', 'usd', 'en')).to.equal(null);
    expect(parseMoneyInput('abc', 'usd', 'en')).to.equal(null);
    expect(parseMoneyInput('12abc', 'usd', 'en')).to.equal(null);
    expect(parseMoneyInput('.', 'usd', 'en')).to.equal(null);
    expect(parseMoneyInput('1.2.3', 'usd', 'en')).to.equal(null);
    expect(parseMoneyInput('1,2,3', 'usd', 'en')).to.equal(null);
  });

  it('rejects more decimals than the currency has', () => {
    expect(parseMoneyInput('12.345', 'usd', 'en')).to.equal(null);
    expect(parseMoneyInput('12.5', 'jpy', 'en')).to.equal(null);
    expect(parseMoneyInput('1.234', 'kwd', 'en')).to.equal(1234);
  });
});
