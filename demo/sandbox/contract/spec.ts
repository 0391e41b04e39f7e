import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { registerFormats } from './formats.js';
import { addHiddenCreateShapes } from './hidden-shapes.js';

/** The seven Checkouts operations of the vendored spec, by the names the sandbox uses. */
export const OPERATION_IDS = {
  list: 'checkouts:list',
  create: 'checkouts:create',
  get: 'checkouts:get',
  update: 'checkouts:update',
  client_get: 'checkouts:client_get',
  client_update: 'checkouts:client_update',
  client_confirm: 'checkouts:client_confirm',
} as const;

export type OperationName = keyof typeof OPERATION_IDS;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface QueryParameter {
  name: string;
  /** Whether the schema accepts a list, so repeated keys are collected into an array. */
  acceptsArray: boolean;
  /** Whether the schema is an integer, so the string from the URL is parsed first. */
  isInteger: boolean;
  validate: ValidateFunction;
}

export interface OperationContract {
  name: OperationName;
  requestBody: ValidateFunction | null;
  query: QueryParameter[];
  responses: Map<number, ValidateFunction>;
}

const SPEC_ID = 'polar-checkouts';
const SPEC_PATH = new URL('../../../api/checkouts.openapi.json', import.meta.url);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rewrites `#/components/schemas/X` into refs to one registered root schema, and drops the
 * discriminator `mapping` that ajv refuses (the oneOf branches carry the same information).
 * A `oneOf` without a discriminator becomes `anyOf`: it stands for a pydantic union, which accepts a
 * value matching several branches (a repeating percentage discount also fits the once/forever shape).
 */
function rewrite(node: Json, extraKeywords: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, extraKeywords));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  const loneOneOf = 'oneOf' in node && !('discriminator' in node) && !('anyOf' in node);
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) extraKeywords.add(key);
    if (key === 'oneOf' && loneOneOf) {
      out['anyOf'] = rewrite(value, extraKeywords);
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out[key] = `${SPEC_ID}#/$defs/${value.slice('#/components/schemas/'.length)}`;
    } else if (key === 'discriminator' && isObject(value)) {
      out[key] = { propertyName: value['propertyName'] ?? null };
    } else {
      out[key] = rewrite(value, extraKeywords);
    }
  }
  return out;
}

function schemaAcceptsType(schema: Json | undefined, type: string): boolean {
  if (!isObject(schema)) return false;
  if (schema['type'] === type) return true;
  const branches = schema['anyOf'] ?? schema['oneOf'];
  return Array.isArray(branches) && branches.some((branch) => schemaAcceptsType(branch, type));
}

/** The vendored OpenAPI subset, compiled with ajv into request and response validators. */
export class Contract {
  readonly operations = new Map<OperationName, OperationContract>();
  private readonly ajv: Ajv2020;
  private readonly componentValidators = new Map<string, ValidateFunction>();
  private readonly defs: JsonObject;

  constructor(specText: string = readFileSync(SPEC_PATH, 'utf8')) {
    const spec = JSON.parse(specText) as JsonObject;
    const extraKeywords = new Set<string>();
    const components = spec['components'];
    if (!isObject(components) || !isObject(components['schemas'])) {
      throw new Error('The OpenAPI spec has no components.schemas');
    }
    const defs = rewrite(components['schemas'], extraKeywords) as JsonObject;
    addHiddenCreateShapes(defs);
    this.defs = defs;

    this.ajv = new Ajv2020({
      allErrors: true,
      discriminator: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
    });
    registerFormats(this.ajv);
    this.ajv.addVocabulary(['example', ...extraKeywords]);
    this.ajv.addSchema({ $id: SPEC_ID, $defs: defs });

    const paths = spec['paths'];
    if (!isObject(paths)) throw new Error('The OpenAPI spec has no paths');
    const byOperationId = new Map<string, JsonObject>();
    for (const pathItem of Object.values(paths)) {
      if (!isObject(pathItem)) continue;
      for (const operation of Object.values(pathItem)) {
        if (isObject(operation) && typeof operation['operationId'] === 'string') {
          byOperationId.set(operation['operationId'], operation);
        }
      }
    }

    for (const [name, operationId] of Object.entries(OPERATION_IDS) as [OperationName, string][]) {
      const operation = byOperationId.get(operationId);
      if (!operation) throw new Error(`The OpenAPI spec lacks operation ${operationId}`);
      this.operations.set(name, this.compileOperation(name, operation, extraKeywords));
    }
  }

  operation(name: OperationName): OperationContract {
    const contract = this.operations.get(name);
    if (!contract) throw new Error(`Unknown operation ${name}`);
    return contract;
  }

  /** A validator for one named component schema, e.g. `CheckoutProduct`. */
  component(name: string): ValidateFunction {
    let validate = this.componentValidators.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#/$defs/${name}` });
      this.componentValidators.set(name, validate);
    }
    return validate;
  }

  /** The property names a component schema declares (pydantic drops the others). */
  propertyNames(name: string): string[] {
    return Object.keys((this.defs[name] as JsonObject | undefined)?.['properties'] ?? {});
  }

  errorsText(validate: ValidateFunction): string {
    return this.ajv.errorsText(validate.errors, { dataVar: 'body' });
  }

  private compileOperation(name: OperationName, operation: JsonObject, extraKeywords: Set<string>): OperationContract {
    let requestBody: ValidateFunction | null = null;
    const body = operation['requestBody'];
    if (isObject(body) && isObject(body['content']) && isObject(body['content']['application/json'])) {
      const schema = rewrite(body['content']['application/json']['schema'] ?? {}, extraKeywords);
      requestBody = this.ajv.compile(schema as JsonObject);
    }

    const query: QueryParameter[] = [];
    const parameters = operation['parameters'];
    if (Array.isArray(parameters)) {
      for (const parameter of parameters) {
        if (!isObject(parameter) || parameter['in'] !== 'query' || typeof parameter['name'] !== 'string') continue;
        const schema = rewrite(parameter['schema'] ?? {}, extraKeywords);
        query.push({
          name: parameter['name'],
          acceptsArray: schemaAcceptsType(schema, 'array'),
          isInteger: schemaAcceptsType(schema, 'integer'),
          validate: this.ajv.compile(schema as JsonObject),
        });
      }
    }

    const responses = new Map<number, ValidateFunction>();
    const declared = operation['responses'];
    if (isObject(declared)) {
      for (const [status, response] of Object.entries(declared)) {
        if (!isObject(response) || !isObject(response['content'])) continue;
        const json = response['content']['application/json'];
        if (!isObject(json)) continue;
        responses.set(Number(status), this.ajv.compile(rewrite(json['schema'] ?? {}, extraKeywords) as JsonObject));
      }
    }
    return { name, requestBody, query, responses };
  }
}
