import { expect } from '@open-wc/testing';
import { safeNavigationUrl } from '../../src/model/navigation.js';

describe('safeNavigationUrl', () => {
  it('passes absolute http(s) URLs', () => {
    expect(safeNavigationUrl('https://shop.example.com/thanks?checkout_id=abc')).to.equal(
      'https://shop.example.com/thanks?checkout_id=abc',
    );
    expect(safeNavigationUrl('http://localhost:5173/#done')).to.equal('http://localhost:5173/#done');
    expect(safeNavigationUrl('HTTPS://Shop.Example.com')).to.equal('https://shop.example.com/');
  });

  it('refuses nothing at all', () => {
    for (const empty of ['', null, undefined]) expect(safeNavigationUrl(empty)).to.equal(null);
  });

  it('refuses script and data URLs, however they are spelled', () => {
    const refused = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      'javascript\u0000:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://shop.example.com/1234',
      'mailto:a@example.com',
      'https://shop.example.com/\u0000',
    ];
    for (const url of refused) expect(safeNavigationUrl(url), JSON.stringify(url)).to.equal(null);
  });

  it('refuses relative URLs without a base', () => {
    for (const url of ['/thanks', 'thanks', '//evil.invalid/x', '?a=1', '#x']) {
      expect(safeNavigationUrl(url), url).to.equal(null);
    }
  });

  it('resolves relative URLs against an http(s) base', () => {
    expect(safeNavigationUrl('/thanks?id=1', 'https://shop.example.com/buy')).to.equal(
      'https://shop.example.com/thanks?id=1',
    );
    expect(safeNavigationUrl('javascript:alert(1)', 'https://shop.example.com/')).to.equal(null);
    expect(safeNavigationUrl('/thanks', 'javascript:alert(1)')).to.equal(null);
    expect(safeNavigationUrl('/thanks', 'about:blank')).to.equal(null);
  });
});
