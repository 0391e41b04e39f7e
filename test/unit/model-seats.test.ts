import { expect } from '@open-wc/testing';
import { translator } from '../../src/i18n/localize.js';
import {
  clampSeats,
  currentSeats,
  parseSeatInput,
  seatBounds,
  seatBreakdown,
  seatCountError,
  seatLimitText,
  tierForSeats,
} from '../../src/model/seats.js';
import { seatPrice } from '../fixtures/checkouts.js';
import { registerAllLocales } from '../../src/i18n/all-locales.js';

registerAllLocales();

const t = translator('en');

const volume = seatPrice([
  { min_seats: 1, max_seats: 4, price_per_seat: 1000 },
  { min_seats: 5, max_seats: 9, price_per_seat: 800 },
  { min_seats: 10, max_seats: null, price_per_seat: 600 },
]);
const graduated = seatPrice(
  [
    { min_seats: 1, max_seats: 2, price_per_seat: 0 },
    { min_seats: 3, max_seats: 5, price_per_seat: 1000 },
    { min_seats: 6, max_seats: null, price_per_seat: 500 },
  ],
  'graduated',
);

describe('seatBounds', () => {
  it('comes from the tiers by default, sorted or not', () => {
    const unsorted = seatPrice([
      { min_seats: 5, max_seats: 20, price_per_seat: 800 },
      { min_seats: 2, max_seats: 4, price_per_seat: 1000 },
    ]);
    expect(seatBounds({}, unsorted)).to.deep.equal({ min: 2, max: 20, fixed: false });
    expect(seatBounds({}, volume)).to.deep.equal({ min: 1, max: null, fixed: false });
  });

  it('lets the checkout limits win and detects a fixed count', () => {
    expect(seatBounds({ min_seats: 3, max_seats: 8 }, volume)).to.deep.equal({ min: 3, max: 8, fixed: false });
    expect(seatBounds({ min_seats: 5, max_seats: 5 }, volume)).to.deep.equal({ min: 5, max: 5, fixed: true });
  });

  it('never goes below one seat or below the minimum', () => {
    expect(seatBounds({ min_seats: 0 }, volume).min).to.equal(1);
    expect(seatBounds({ min_seats: 6, max_seats: 4 }, volume)).to.deep.equal({ min: 6, max: 6, fixed: true });
  });
});

describe('seat counts', () => {
  const bounds = { min: 2, max: 10, fixed: false };

  it('clamps to the bounds', () => {
    expect(clampSeats(1, bounds)).to.equal(2);
    expect(clampSeats(11, bounds)).to.equal(10);
    expect(clampSeats(4.6, bounds)).to.equal(5);
    expect(clampSeats(Number.NaN, bounds)).to.equal(2);
    expect(clampSeats(1000, { min: 1, max: null, fixed: false })).to.equal(1000);
  });

  it('shows the checkout count within bounds, defaulting to the minimum', () => {
    expect(currentSeats({ seats: 4 }, bounds)).to.equal(4);
    expect(currentSeats({ seats: null }, bounds)).to.equal(2);
    expect(currentSeats({ seats: 1 }, bounds)).to.equal(2);
  });

  it('parses typed counts', () => {
    expect(parseSeatInput(' 12 ')).to.equal(12);
    expect(parseSeatInput('１２')).to.equal(12);
    expect(parseSeatInput('0')).to.equal(null);
    expect(parseSeatInput('-3')).to.equal(null);
    expect(parseSeatInput('2.5')).to.equal(null);
    expect(parseSeatInput('ten')).to.equal(null);
    expect(parseSeatInput('')).to.equal(null);
  });

  it('explains counts out of bounds', () => {
    expect(seatCountError(5, bounds)).to.equal(null);
    expect(seatCountError(1, bounds)).to.deep.equal({ key: 'seats.minimum', params: { count: 2 } });
    expect(seatCountError(11, bounds)).to.deep.equal({ key: 'seats.maximum', params: { count: 10 } });
    expect(seatCountError(null, bounds)).to.deep.equal({ key: 'error.number' });
  });

  it('describes the limits', () => {
    expect(seatLimitText(bounds, t)).to.equal('2–10 seats');
    expect(seatLimitText({ min: 3, max: null, fixed: false }, t)).to.equal('At least 3 seats');
    expect(seatLimitText({ min: 1, max: 1_000, fixed: false }, t)).to.equal('Up to 1,000 seats');
    expect(seatLimitText({ min: 1, max: null, fixed: false }, t)).to.equal(null);
    expect(seatLimitText({ min: 5, max: 5, fixed: true }, t)).to.equal(null);
  });
});

/** What the breakdown says the seats cost, in minor units. */
const seatsPrice = (price: Parameters<typeof seatBreakdown>[0], seats: number) =>
  seatBreakdown(price, seats, 'en', t).reduce((sum, row) => sum + row.amount, 0);

describe('seat pricing', () => {
  it('volume pricing charges every seat at the tier the count falls in', () => {
    expect(tierForSeats(volume, 4)?.price_per_seat).to.equal(1000);
    expect(tierForSeats(volume, 5)?.price_per_seat).to.equal(800);
    expect(tierForSeats(volume, 50)?.price_per_seat).to.equal(600);
    expect(seatsPrice(volume, 4)).to.equal(4000);
    expect(seatsPrice(volume, 5)).to.equal(4000);
    expect(seatsPrice(volume, 10)).to.equal(6000);
  });

  it('graduated pricing charges each tier for its own range', () => {
    expect(seatsPrice(graduated, 2)).to.equal(0);
    expect(seatsPrice(graduated, 4)).to.equal(2000);
    expect(seatsPrice(graduated, 7)).to.equal(3000 + 1000);
  });

  it('breaks a volume price down into one row', () => {
    expect(seatBreakdown(volume, 5, 'en', t)).to.deep.equal([
      { key: 'tier', label: '5 seats × $8', value: '$40', amount: 4000, seats: 5, pricePerSeat: 800 },
    ]);
  });

  it('breaks a graduated price down per tier, with included seats and a base price', () => {
    const rows = seatBreakdown(graduated, 7, 'en', t, 1500);
    expect(rows.map((row) => [row.key, row.label, row.value, row.amount])).to.deep.equal([
      ['base', 'Base price', '$15', 1500],
      ['included', '2 seats included', 'Free', 0],
      ['tier', '3 seats × $10', '$30', 3000],
      ['tier', '2 seats × $5', '$10', 1000],
    ]);
  });

  it('uses the buyer language and grammar', () => {
    const rows = seatBreakdown(volume, 5, 'pl', translator('pl'));
    expect(rows[0]?.label.replace(/[\u00a0\u202f]/g, ' ')).to.equal('5 stanowisk × 8 USD');
  });
});
