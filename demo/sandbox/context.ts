import { IntentStore } from './checkout/intents.js';
import { Contract } from './contract/spec.js';
import { ViolationLog } from './contract/violations.js';
import { FaultInjector } from './control/faults.js';
import { RequestLog } from './control/request-log.js';
import { EventBus } from './events/bus.js';
import { StreamRegistry } from './events/sse.js';
import { CheckoutStore } from './store/checkout-store.js';
import { CustomerStore } from './store/customer-store.js';
import { TimerSet } from './timers.js';
import { timingFor } from './timing.js';
import type { Timing } from './timing.js';

export interface ContextOptions {
  fast: boolean;
  log: boolean;
  /** See `Timing.latencyMs`. Default 0. */
  latencyMs?: number;
}

/** All the state of one running sandbox; two sandboxes in one process share nothing. */
export class SandboxContext {
  /** The public URL once listening, e.g. `http://127.0.0.1:8787`. */
  baseUrl = '';
  readonly store = new CheckoutStore();
  readonly customers = new CustomerStore();
  readonly bus = new EventBus();
  readonly intents = new IntentStore();
  readonly faults = new FaultInjector();
  readonly requests = new RequestLog();
  readonly violations = new ViolationLog();
  readonly timers = new TimerSet();
  readonly streams = new StreamRegistry();
  /** Stripe consumes a confirmation token on first use. */
  readonly usedConfirmationTokens = new Set<string>();
  /** Customer session tokens handed out by confirm: valid bearer tokens from then on. */
  readonly customerSessionTokens = new Set<string>();
  readonly timing: Timing;

  constructor(
    readonly contract: Contract,
    readonly options: ContextOptions,
  ) {
    this.timing = timingFor(options.fast, options.latencyMs ?? 0);
  }

  log(message: string): void {
    if (this.options.log) process.stdout.write(`[polar-sandbox] ${message}\n`);
  }

  /** Forgets every session, customer, fault, log entry and violation; pending timers are cancelled. */
  reset(): void {
    this.timers.clear();
    this.store.clear();
    this.customers.clear();
    this.intents.clear();
    this.faults.clear();
    this.requests.clear();
    this.violations.clear();
    this.bus.clearHistory();
    this.usedConfirmationTokens.clear();
    this.customerSessionTokens.clear();
  }
}
