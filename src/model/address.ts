import type { components } from '../api/schema.js';
import type { MessageKey } from '../i18n/localize.js';
import { safeLocale } from './intl.js';

type Schemas = components['schemas'];
type CheckoutPublic = Schemas['CheckoutPublic'];
export type AddressInput = Schemas['AddressInput'];
export type CountryCode = AddressInput['country'];
export type FieldMode = Schemas['BillingAddressFieldMode'];
export type AddressField = keyof Schemas['CheckoutBillingAddressFields'];
export type AddressFieldModes = Record<AddressField, FieldMode>;

/** What the buyer has typed so far; any field may be missing. */
export type AddressDraft = { [K in AddressField]?: string | null };

export interface Option {
  code: string;
  name: string;
}

/** The address fields in the order a form shows them. */
export const addressFields: readonly AddressField[] = ['country', 'line1', 'line2', 'postal_code', 'city', 'state'];

/** Countries Polar accepts in a billing address (the schema's `AddressInput.country` enum). */
export const countryCodes: readonly CountryCode[] = [
  'AD',
  'AE',
  'AF',
  'AG',
  'AI',
  'AL',
  'AM',
  'AO',
  'AQ',
  'AR',
  'AS',
  'AT',
  'AU',
  'AW',
  'AX',
  'AZ',
  'BA',
  'BB',
  'BD',
  'BE',
  'BF',
  'BG',
  'BH',
  'BI',
  'BJ',
  'BL',
  'BM',
  'BN',
  'BO',
  'BQ',
  'BR',
  'BS',
  'BT',
  'BV',
  'BW',
  'BY',
  'BZ',
  'CA',
  'CC',
  'CD',
  'CF',
  'CG',
  'CH',
  'CI',
  'CK',
  'CL',
  'CM',
  'CN',
  'CO',
  'CR',
  'CV',
  'CW',
  'CX',
  'CY',
  'CZ',
  'DE',
  'DJ',
  'DK',
  'DM',
  'DO',
  'DZ',
  'EC',
  'EE',
  'EG',
  'EH',
  'ER',
  'ES',
  'ET',
  'FI',
  'FJ',
  'FK',
  'FM',
  'FO',
  'FR',
  'GA',
  'GB',
  'GD',
  'GE',
  'GF',
  'GG',
  'GH',
  'GI',
  'GL',
  'GM',
  'GN',
  'GP',
  'GQ',
  'GR',
  'GS',
  'GT',
  'GU',
  'GW',
  'GY',
  'HK',
  'HM',
  'HN',
  'HR',
  'HT',
  'HU',
  'ID',
  'IE',
  'IL',
  'IM',
  'IN',
  'IO',
  'IQ',
  'IS',
  'IT',
  'JE',
  'JM',
  'JO',
  'JP',
  'KE',
  'KG',
  'KH',
  'KI',
  'KM',
  'KN',
  'KR',
  'KW',
  'KY',
  'KZ',
  'LA',
  'LB',
  'LC',
  'LI',
  'LK',
  'LR',
  'LS',
  'LT',
  'LU',
  'LV',
  'LY',
  'MA',
  'MC',
  'MD',
  'ME',
  'MF',
  'MG',
  'MH',
  'MK',
  'ML',
  'MM',
  'MN',
  'MO',
  'MP',
  'MQ',
  'MR',
  'MS',
  'MT',
  'MU',
  'MV',
  'MW',
  'MX',
  'MY',
  'MZ',
  'NA',
  'NC',
  'NE',
  'NF',
  'NG',
  'NI',
  'NL',
  'NO',
  'NP',
  'NR',
  'NU',
  'NZ',
  'OM',
  'PA',
  'PE',
  'PF',
  'PG',
  'PH',
  'PK',
  'PL',
  'PM',
  'PN',
  'PR',
  'PS',
  'PT',
  'PW',
  'PY',
  'QA',
  'RE',
  'RO',
  'RS',
  'RW',
  'SA',
  'SB',
  'SC',
  'SD',
  'SE',
  'SG',
  'SH',
  'SI',
  'SJ',
  'SK',
  'SL',
  'SM',
  'SN',
  'SO',
  'SR',
  'SS',
  'ST',
  'SV',
  'SX',
  'SZ',
  'TC',
  'TD',
  'TF',
  'TG',
  'TH',
  'TJ',
  'TK',
  'TL',
  'TM',
  'TN',
  'TO',
  'TR',
  'TT',
  'TV',
  'TW',
  'TZ',
  'UA',
  'UG',
  'UM',
  'US',
  'UY',
  'UZ',
  'VA',
  'VC',
  'VE',
  'VG',
  'VI',
  'VN',
  'VU',
  'WF',
  'WS',
  'YE',
  'YT',
  'ZA',
  'ZM',
  'ZW',
];

// ISO 3166-2:US: the states, the federal district and the outlying areas.
const US_STATES: Record<string, string> = {
  'US-AL': 'Alabama',
  'US-AK': 'Alaska',
  'US-AZ': 'Arizona',
  'US-AR': 'Arkansas',
  'US-CA': 'California',
  'US-CO': 'Colorado',
  'US-CT': 'Connecticut',
  'US-DE': 'Delaware',
  'US-FL': 'Florida',
  'US-GA': 'Georgia',
  'US-HI': 'Hawaii',
  'US-ID': 'Idaho',
  'US-IL': 'Illinois',
  'US-IN': 'Indiana',
  'US-IA': 'Iowa',
  'US-KS': 'Kansas',
  'US-KY': 'Kentucky',
  'US-LA': 'Louisiana',
  'US-ME': 'Maine',
  'US-MD': 'Maryland',
  'US-MA': 'Massachusetts',
  'US-MI': 'Michigan',
  'US-MN': 'Minnesota',
  'US-MS': 'Mississippi',
  'US-MO': 'Missouri',
  'US-MT': 'Montana',
  'US-NE': 'Nebraska',
  'US-NV': 'Nevada',
  'US-NH': 'New Hampshire',
  'US-NJ': 'New Jersey',
  'US-NM': 'New Mexico',
  'US-NY': 'New York',
  'US-NC': 'North Carolina',
  'US-ND': 'North Dakota',
  'US-OH': 'Ohio',
  'US-OK': 'Oklahoma',
  'US-OR': 'Oregon',
  'US-PA': 'Pennsylvania',
  'US-RI': 'Rhode Island',
  'US-SC': 'South Carolina',
  'US-SD': 'South Dakota',
  'US-TN': 'Tennessee',
  'US-TX': 'Texas',
  'US-UT': 'Utah',
  'US-VT': 'Vermont',
  'US-VA': 'Virginia',
  'US-WA': 'Washington',
  'US-WV': 'West Virginia',
  'US-WI': 'Wisconsin',
  'US-WY': 'Wyoming',
  'US-DC': 'District of Columbia',
  'US-AS': 'American Samoa',
  'US-GU': 'Guam',
  'US-MP': 'Northern Mariana Islands',
  'US-PR': 'Puerto Rico',
  'US-UM': 'United States Minor Outlying Islands',
  'US-VI': 'U.S. Virgin Islands',
};

// ISO 3166-2:CA: ten provinces and three territories, with their official French names.
const CA_PROVINCES: Record<string, { en: string; fr: string }> = {
  'CA-AB': { en: 'Alberta', fr: 'Alberta' },
  'CA-BC': { en: 'British Columbia', fr: 'Colombie-Britannique' },
  'CA-MB': { en: 'Manitoba', fr: 'Manitoba' },
  'CA-NB': { en: 'New Brunswick', fr: 'Nouveau-Brunswick' },
  'CA-NL': { en: 'Newfoundland and Labrador', fr: 'Terre-Neuve-et-Labrador' },
  'CA-NS': { en: 'Nova Scotia', fr: 'Nouvelle-Écosse' },
  'CA-NT': { en: 'Northwest Territories', fr: 'Territoires du Nord-Ouest' },
  'CA-NU': { en: 'Nunavut', fr: 'Nunavut' },
  'CA-ON': { en: 'Ontario', fr: 'Ontario' },
  'CA-PE': { en: 'Prince Edward Island', fr: 'Île-du-Prince-Édouard' },
  'CA-QC': { en: 'Quebec', fr: 'Québec' },
  'CA-SK': { en: 'Saskatchewan', fr: 'Saskatchewan' },
  'CA-YT': { en: 'Yukon', fr: 'Yukon' },
};

export function isCountryCode(code: string | null | undefined): code is CountryCode {
  return !!code && (countryCodes as readonly string[]).includes(code);
}

/** Whether the billing address section is shown at all. */
export function showsBillingAddress(checkout: CheckoutPublic): boolean {
  return checkout.is_payment_form_required || checkout.require_billing_address;
}

/**
 * Required / optional / disabled for each address field. The server's `billing_address_fields` describe the
 * saved country; when the buyer has picked another one that is not saved yet, the server's rules are applied
 * to it here so the form does not lag a round trip behind (US needs a full address, US and CA a state).
 */
export function addressFieldModes(checkout: CheckoutPublic, country?: string | null): AddressFieldModes {
  const saved = checkout.customer_billing_address?.country ?? null;
  const selected = country === undefined ? saved : country || null;
  const server = checkout.billing_address_fields;
  if (selected === saved) return { ...server };

  const fullAddressAnyway =
    checkout.require_billing_address ||
    checkout.is_business_customer ||
    (saved !== 'US' && server.line1 !== 'disabled');
  const full = fullAddressAnyway || selected === 'US';
  const whenFull = (mode: FieldMode): FieldMode => (full ? mode : 'disabled');
  return {
    country: 'required',
    state: needsStateSelect(selected) ? 'required' : whenFull('optional'),
    line1: whenFull('required'),
    line2: whenFull('optional'),
    city: whenFull('required'),
    postal_code: whenFull('required'),
  };
}

/** US and Canadian addresses take an ISO 3166-2 subdivision from a list; elsewhere the state is free text. */
export function needsStateSelect(country: string | null | undefined): boolean {
  return country === 'US' || country === 'CA';
}

/** Subdivisions to pick from for US and CA (`{ code: 'US-CA', name: 'California' }`), sorted for the locale. */
export function stateOptions(country: string | null | undefined, locale: string): Option[] {
  const tag = safeLocale(locale);
  let options: Option[];
  if (country === 'US') {
    options = Object.entries(US_STATES).map(([code, name]) => ({ code, name }));
  } else if (country === 'CA') {
    const french = tag.split('-')[0] === 'fr';
    options = Object.entries(CA_PROVINCES).map(([code, names]) => ({ code, name: french ? names.fr : names.en }));
  } else {
    return [];
  }
  const collator = new Intl.Collator(tag);
  return options.sort((a, b) => collator.compare(a.name, b.name));
}

const countryLists = new Map<string, Option[]>();

/**
 * Every country Polar accepts, named in the locale and sorted by its collation. Built once per locale: naming and
 * sorting 249 regions costs milliseconds, and the form asks on every render.
 */
export function countryOptions(locale: string): Option[] {
  const tag = safeLocale(locale);
  let options = countryLists.get(tag);
  if (!options) {
    const names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(tag);
    options = countryCodes
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
    countryLists.set(tag, options);
  }
  return options;
}

/** The label for a field, worded for the country ("ZIP code" in the US, "Province or territory" in Canada). */
export function addressFieldLabelKey(field: AddressField, country: string | null | undefined): MessageKey {
  switch (field) {
    case 'country':
      return 'address.country';
    case 'line1':
      return 'address.line1';
    case 'line2':
      return 'address.line2';
    case 'city':
      return 'address.city';
    case 'postal_code':
      return country === 'US' ? 'address.zip' : 'address.postalCode';
    case 'state':
      return country === 'US' ? 'address.state' : country === 'CA' ? 'address.province' : 'address.region';
  }
}

export function statePlaceholderKey(country: string | null | undefined): MessageKey {
  return country === 'CA' ? 'address.provincePlaceholder' : 'address.statePlaceholder';
}

/** The fields that are required but still empty (or, for US/CA, not a valid subdivision of the country). */
export function missingAddressFields(
  address: AddressDraft | null | undefined,
  modes: AddressFieldModes,
): AddressField[] {
  const country = filled(address?.country);
  return addressFields.filter((field) => {
    if (modes[field] !== 'required') return false;
    const value = filled(address?.[field]);
    if (!value) return true;
    if (field === 'country') return !isCountryCode(value);
    if (field === 'state' && needsStateSelect(country))
      return !value.startsWith(`${country}-`) || !isKnownSubdivision(value);
    return false;
  });
}

/**
 * The address to send to Polar: every field the form shows, trimmed, empty ones as null; disabled fields are
 * left out. null while no valid country is chosen (Polar needs one).
 */
export function toAddressInput(
  address: AddressDraft | null | undefined,
  modes: AddressFieldModes,
): AddressInput | null {
  const country = filled(address?.country);
  if (!isCountryCode(country)) return null;
  const input: AddressInput = { country };
  for (const field of addressFields) {
    if (field === 'country' || modes[field] === 'disabled') continue;
    input[field] = filled(address?.[field]);
  }
  return input;
}

/** The draft after the buyer picks another country: a state from the old country's list no longer applies. */
export function changeCountry(address: AddressDraft | null | undefined, country: string | null): AddressDraft {
  const next: AddressDraft = { ...address, country };
  const state = filled(address?.state);
  const stateFits =
    state === null || (needsStateSelect(country) ? state.startsWith(`${country}-`) : !isKnownSubdivision(state));
  if (!stateFits) next.state = null;
  return next;
}

function isKnownSubdivision(code: string): boolean {
  return code in US_STATES || code in CA_PROVINCES;
}

function filled(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
