/**
 * dist/custom-elements.json (written by `cem analyze` in `npm run build`) describes the whole public surface of
 * `<polar-checkout>`, with the names the README's "The contract in brief" and shared/docs/contract.md fix.
 * Editors, Storybook and wrapper generators read it, so a missing attribute or event there is a missing feature there.
 * Run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const manifestPath = new URL('dist/custom-elements.json', root);
// CI lays shared/ beside the clone; a clone elsewhere may not have it.
const contractPath = new URL('../shared/docs/contract.md', root);

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
}
interface Member extends Named {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
}
interface Declaration extends Named {
  customElement?: boolean;
  tagName?: string;
  attributes?: (Named & { fieldName?: string })[];
  members?: Member[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

/** The public surface as a document states it. */
interface Surface {
  attributes: Map<string, string>; // attribute → property
  properties: string[];
  readonly: string[];
  methods: string[];
  events: string[];
  parts: string[];
  cssProperties: string[];
  slots: string[];
}

const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
const sorted = (names: Iterable<string>) => [...names].sort();

/** The body rows of the markdown table(s) in `text`, as cells. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** `client-secret` / `clientSecret` → attribute and property; `stripe` (property only) → property; `theme` → both. */
function propertyRows(rows: string[][], surface: Surface): void {
  for (const [first] of rows) {
    const names = ticked(first!);
    const property = names.at(-1)!;
    surface.properties.push(property);
    if (/read-only/.test(first!)) surface.readonly.push(property);
    if (!/\((read-only )?property|read-only/.test(first!)) surface.attributes.set(names[0]!, property);
  }
}

function section(text: string, from: RegExp, to: RegExp): string {
  const start = text.search(from);
  assert.notEqual(start, -1, `no section ${from}`);
  const rest = text.slice(start + 1);
  const end = rest.search(to);
  return end === -1 ? rest : rest.slice(0, end);
}

function readmeSurface(): Surface {
  const brief = section(readFileSync(new URL('README.md', root), 'utf8'), /^## The contract in brief$/m, /^## /m);
  const surface = emptySurface();
  propertyRows(tableRows(brief), surface);
  const events = section(brief, /^Events \(/m, /^\n/m);
  surface.events = sorted(new Set(ticked(events).filter((name) => name.startsWith('polar-'))));
  surface.methods = ticked(events.slice(events.indexOf('Methods:')))
    .filter((name) => name.endsWith('()'))
    .map((name) => name.slice(0, -2));
  const styling = section(brief, /^Styling: /m, /^\n/m);
  const [properties, parts, slots] = [
    section(styling, /CSS custom properties/, /; parts/),
    section(styling, /; parts /, /; slots/),
    section(styling, /; slots /, /\./),
  ];
  surface.cssProperties = ticked(properties).map((name) => (name.startsWith('--') ? name : `--polar-checkout${name}`));
  surface.parts = ticked(parts);
  surface.slots = ticked(slots);
  return surface;
}

function contractSurface(text: string): Surface {
  const surface = emptySurface();
  propertyRows(tableRows(section(text, /^## Attributes and properties$/m, /^## /m)), surface);
  surface.events = tableRows(section(text, /^## Events$/m, /^## /m)).map(([first]) => ticked(first!)[0]!);
  surface.methods = ticked(section(text, /^## Methods$/m, /^## /m))
    .filter((name) => /^\w+\(/.test(name))
    .map((name) => name.slice(0, name.indexOf('(')));
  const styling = section(text, /^## Styling$/m, /^## /m);
  surface.cssProperties = ticked(section(styling, /CSS custom properties/, /\n- /))
    .filter((name) => /^[a-z-]+$/.test(name) && name !== '--polar-checkout-')
    .map((name) => `--polar-checkout-${name}`);
  surface.parts = ticked(section(styling, /CSS parts/, /\n- /));
  surface.slots = ticked(section(styling, /Slots: /, /;/));
  return surface;
}

function emptySurface(): Surface {
  return {
    attributes: new Map(),
    properties: [],
    readonly: [],
    methods: [],
    events: [],
    parts: [],
    cssProperties: [],
    slots: [],
  };
}

function manifestElement(): Declaration {
  assert.ok(existsSync(manifestPath), 'dist/custom-elements.json is missing: run `npm run build` first');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement);
  assert.deepEqual(
    elements.map((element) => element.tagName),
    ['polar-checkout'],
    'one custom element, with its tag name',
  );
  return elements[0]!;
}

function manifestSurface(element: Declaration): Surface {
  const members = (element.members ?? []).filter(
    (member) => !member.static && (member.privacy ?? 'public') === 'public',
  );
  return {
    attributes: new Map((element.attributes ?? []).map((attribute) => [attribute.name, attribute.fieldName ?? ''])),
    properties: members.filter((member) => member.kind === 'field').map((member) => member.name),
    readonly: members.filter((member) => member.kind === 'field' && member.readonly).map((member) => member.name),
    methods: members.filter((member) => member.kind === 'method').map((member) => member.name),
    events: (element.events ?? []).map((event) => event.name),
    parts: (element.cssParts ?? []).map((part) => part.name),
    cssProperties: (element.cssProperties ?? []).map((property) => property.name),
    slots: (element.slots ?? []).map((slot) => slot.name),
  };
}

const lists = ['properties', 'readonly', 'methods', 'events', 'parts', 'cssProperties', 'slots'] as const;

test('the README contract parses into the surface this test checks (guards the parser itself)', () => {
  const readme = readmeSurface();
  assert.equal(readme.attributes.get('client-secret'), 'clientSecret');
  assert.ok(readme.properties.includes('stripe') && !readme.attributes.has('stripe'));
  assert.deepEqual(readme.readonly, ['checkout']);
  assert.ok(readme.events.includes('polar-success'));
  assert.ok(readme.methods.includes('submit'));
  assert.ok(readme.cssProperties.includes('--polar-checkout-color-primary'));
  assert.ok(readme.parts.includes('submit'));
  assert.deepEqual(readme.slots, ['header', 'footer']);
});

const missing = (names: Iterable<string>, inManifest: Iterable<string>) =>
  [...names].filter((name) => ![...inManifest].includes(name));

test('custom-elements.json has every attribute, property, method, event, part, custom property and slot the README contract names', () => {
  const manifest = manifestSurface(manifestElement());
  const readme = readmeSurface();
  for (const [attribute, property] of readme.attributes) {
    assert.equal(manifest.attributes.get(attribute), property, `attribute ${attribute} → ${property}`);
  }
  for (const list of lists) assert.deepEqual(missing(readme[list], manifest[list]), [], `${list} named in the README`);
});

test(
  'custom-elements.json has everything shared/docs/contract.md names, and nothing neither document names',
  { skip: !existsSync(contractPath) && 'no ../shared/docs/contract.md beside this clone' },
  () => {
    const manifest = manifestSurface(manifestElement());
    const readme = readmeSurface();
    const contract = contractSurface(readFileSync(contractPath, 'utf8'));
    assert.ok(
      contract.events.length === 5 && contract.parts.length >= 12 && contract.cssProperties.length >= 10,
      'contract.md parsed',
    );
    for (const [attribute, property] of contract.attributes) {
      assert.equal(manifest.attributes.get(attribute), property, `attribute ${attribute} → ${property}`);
    }
    const documentedAttributes = new Set([...readme.attributes.keys(), ...contract.attributes.keys()]);
    assert.deepEqual(missing(manifest.attributes.keys(), documentedAttributes), [], 'attributes no document names');
    for (const list of lists) {
      assert.deepEqual(missing(contract[list], manifest[list]), [], `${list} named in contract.md`);
      assert.deepEqual(
        missing(manifest[list], [...readme[list], ...contract[list]]),
        [],
        `${list} neither document names`,
      );
    }
  },
);

test('every entry in custom-elements.json says what it is for, and events carry their detail type', () => {
  const element = manifestElement();
  const entries: [string, Named[]][] = [
    ['attribute', element.attributes ?? []],
    ['member', (element.members ?? []).filter((member) => !member.static && (member.privacy ?? 'public') === 'public')],
    ['event', element.events ?? []],
    ['part', element.cssParts ?? []],
    ['CSS custom property', element.cssProperties ?? []],
    ['slot', element.slots ?? []],
  ];
  for (const [kind, list] of entries) {
    for (const entry of list) assert.ok(entry.description?.trim(), `${kind} ${entry.name} has no description`);
  }
  const detail = {
    'polar-ready': 'PolarCheckoutDetail',
    'polar-change': 'PolarCheckoutDetail',
    'polar-confirmed': 'PolarCheckoutDetail',
    'polar-success': 'PolarSuccessDetail',
    'polar-error': 'PolarErrorDetail',
  };
  for (const event of element.events ?? []) {
    assert.equal(
      event.type?.text,
      `CustomEvent<${detail[event.name as keyof typeof detail]}>`,
      `type of ${event.name}`,
    );
  }
});
