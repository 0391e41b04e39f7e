import { expect } from '@open-wc/testing';
import '../../src/index.js';

/** Lit's dev build keeps the warnings it has issued here; its production build has no such global. */
const devBuildLoaded = () => 'litIssuedWarnings' in globalThis;

describe('Lit mode of this run', () => {
  it('is the one the runner configuration asks for (development or production)', async () => {
    const wanted = await (await fetch('/__lit-mode')).text();
    expect(wanted).to.be.oneOf(['development', 'production']);
    expect(devBuildLoaded()).to.equal(wanted === 'development');
  });
});
