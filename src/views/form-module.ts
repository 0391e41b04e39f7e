/**
 * The form's module (form-chunk.ts). It is part of an app's bundle: with `initialCheckout` the form is drawn at once,
 * without waiting for another file. The script-tag bundle fetches it instead (form-module.script.ts).
 */
import * as formModule from './form-chunk.js';

export type FormModule = typeof formModule;

export const loadFormModule = (): Promise<FormModule> => Promise.resolve(formModule);
