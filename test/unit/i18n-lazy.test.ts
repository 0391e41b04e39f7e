import { expect } from '@open-wc/testing';
import { isLocaleLoaded, loadLocale, translator } from '../../src/i18n/localize.js';

// Each test file runs in its own page, so no other test has loaded a table here.
describe('translations loaded on demand', () => {
  it('has English at once and speaks German only once its table is fetched', async () => {
    expect(isLocaleLoaded('en')).to.equal(true);
    expect(isLocaleLoaded('de-AT')).to.equal(false);
    expect(translator('de')('pay.subscribe')).to.equal(translator('en')('pay.subscribe'));

    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => requests.push(entry.name)));
    observer.observe({ type: 'resource', buffered: true });
    await Promise.all([loadLocale('de-AT'), loadLocale('de')]);
    observer.disconnect();

    expect(isLocaleLoaded('de')).to.equal(true);
    expect(translator('de-CH')('pay.subscribe')).to.not.equal(translator('en')('pay.subscribe'));
    expect(requests.filter((url) => url.includes('/locales/de.'))).to.have.length(1);
    expect(requests.some((url) => url.includes('/locales/fr.'))).to.equal(false);
  });

  it('resolves an unsupported language at once to English', async () => {
    await loadLocale('xx-YY');
    expect(translator('xx-YY')('pay.subscribe')).to.equal(translator('en')('pay.subscribe'));
  });
});
