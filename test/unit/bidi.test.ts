import { expect } from '@open-wc/testing';
import { isolated, isolatedParts, withoutStrayPops } from '../../src/model/bidi.js';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';

describe('isolated', () => {
  it('wraps the text in FSI ... PDI', () => {
    expect(isolated('SAVE20')).to.equal(`${FSI}SAVE20${PDI}`);
    expect(isolated(`${RLO}evil`)).to.equal(`${FSI}${RLO}evil${PDI}`);
  });

  it("drops pops that would close our isolate early, keeps the merchant's own pairs", () => {
    expect(withoutStrayPops(`a${PDI}${PDI}b`)).to.equal('ab');
    expect(withoutStrayPops(`\u2067x${PDI}${PDI}`)).to.equal(`\u2067x${PDI}`);
    expect(isolated(`Acme${PDI} ${RLO}x`)).to.equal(`${FSI}Acme ${RLO}x${PDI}`);
  });
});

describe('isolatedParts', () => {
  it("splits our words from the merchant's", () => {
    expect(isolatedParts(`${isolated('Launch')} (-20%)`)).to.deep.equal([
      { text: 'Launch', isolated: true },
      { text: ' (-20%)', isolated: false },
    ]);
    expect(isolatedParts('Subtotal')).to.deep.equal([{ text: 'Subtotal', isolated: false }]);
    expect(isolatedParts('')).to.deep.equal([]);
  });

  it('keeps isolates nested in the merchant text inside its part', () => {
    const merchant = `\u2066left${PDI} ${FSI}first${PDI}`;
    expect(isolatedParts(`${isolated(merchant)} applied`)).to.deep.equal([
      { text: merchant, isolated: true },
      { text: ' applied', isolated: false },
    ]);
    expect(isolatedParts(`Code ${isolated(`${PDI}${RLO}x`)}!`)).to.deep.equal([
      { text: 'Code ', isolated: false },
      { text: `${RLO}x`, isolated: true },
      { text: '!', isolated: false },
    ]);
  });
});
