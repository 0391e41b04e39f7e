import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate } from './auth/tokens.js';
import type { AuthSubject } from './auth/tokens.js';
import type { SandboxContext } from './context.js';
import { checkResponse } from './contract/responses.js';
import type { Fault } from './control/faults.js';
import { bodyForLog } from './control/request-log.js';
import type { LoggedRequest } from './control/request-log.js';
import { ApiError } from './errors.js';
import { readBody } from './http/body.js';
import { corsHeaders, isPreflight, preflight } from './http/cors.js';
import { send } from './http/reply.js';
import type { Reply } from './http/reply.js';
import { parseRequestTarget } from './http/request-target.js';
import { matchRoute } from './http/router.js';
import { negotiateVersion } from './http/versioning.js';
import type { Route } from './http/router.js';
import { clientRoutes } from './routes/client.js';
import { controlRoutes } from './routes/control.js';
import { merchantRoutes } from './routes/merchant.js';
import { pageRoutes } from './routes/pages.js';
import { stripeRoutes } from './routes/stripe.js';

const routes: Route[] = [...clientRoutes, ...merchantRoutes, ...controlRoutes, ...stripeRoutes, ...pageRoutes];

const isTestPath = (path: string) => path.startsWith('/__sandbox') || path.startsWith('/__stripe');

function replyForError(error: unknown): Reply {
  if (error instanceof ApiError) {
    return { status: error.status, body: error.body, headers: error.headers, exempt: error.exemptFromContract };
  }
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `[polar-sandbox] internal error: ${error instanceof Error ? (error.stack ?? detail) : detail}\n`,
  );
  return { status: 500, body: { error: 'InternalServerError', detail }, exempt: true };
}

/** An injected answer: the spec does not describe it, so it skips contract validation. */
function injectedReply(fault: Fault, status: number): Reply {
  if (fault.rawBody !== null) {
    return {
      status,
      text: { contentType: 'application/json', content: fault.rawBody },
      headers: fault.headers,
      exempt: true,
    };
  }
  return { status, body: fault.body, headers: fault.headers, exempt: true };
}

/** A violation is a sandbox bug: the answer becomes a loud 500 instead of a wrong body. */
function enforceContract(context: SandboxContext, route: Route, reply: Reply): Reply {
  if (route.contract === null || reply.exempt) return reply;
  const problem = checkResponse(context.contract, context.violations, route.contract, reply.status, reply.body);
  if (problem === null) return reply;
  return {
    status: 500,
    body: { error: 'SandboxContractViolation', detail: `${route.contract} ${reply.status}: ${problem}` },
    exempt: true,
  };
}

async function handle(context: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const { path, search, url } = parseRequestTarget(req.url ?? '/');
  const isApi = path.startsWith('/v1/');
  const version = isApi ? negotiateVersion(req.headers) : null;
  const cors = { ...corsHeaders(req.headers), ...(version ? { 'polar-version': version } : {}) };
  const entry: LoggedRequest = {
    at: new Date().toISOString(),
    method,
    path: `${path}${search}`,
    operation: null,
    status: 0,
    body: null,
    origin: req.headers.origin ?? null,
    hasCookie: req.headers.cookie !== undefined,
    authorization: req.headers.authorization ?? null,
    clientSecret: null,
  };
  // After `at` is taken, so the log still says when the request arrived; the answer leaves latencyMs later.
  if (context.timing.latencyMs > 0 && !path.startsWith('/__sandbox')) await sleep(context.timing.latencyMs);
  const finish = (reply: Reply) => {
    entry.status = reply.status;
    send(res, reply, cors);
    context.requests.add(entry);
    context.log(`${method} ${entry.path} → ${reply.status}`);
  };

  if (isPreflight(method, req.headers)) {
    entry.operation = 'preflight';
    const match = matchRoute(routes, String(req.headers['access-control-request-method']), path);
    if (match && 'route' in match) entry.clientSecret = match.params['clientSecret'] ?? null;
    const reply = preflight(req.headers, isTestPath(path));
    entry.status = reply.status;
    send(res, reply, {});
    context.requests.add(entry);
    return;
  }

  if (isApi && version === null) {
    finish({ status: 404, body: { detail: 'Not Found' } });
    return;
  }
  const match = matchRoute(routes, method, path);
  if (match === null || 'methodNotAllowed' in match) {
    const reply =
      match === null
        ? { status: 404, body: { detail: 'Not Found' } }
        : { status: 405, body: { detail: 'Method Not Allowed' } };
    finish(reply);
    return;
  }
  const { route, params } = match;
  entry.operation = route.operation;
  entry.clientSecret =
    params['clientSecret'] ?? (params['id'] ? (context.store.get(params['id'])?.clientSecret ?? null) : null);

  let rawBody = '';
  try {
    rawBody = ['GET', 'HEAD', 'OPTIONS'].includes(method) ? '' : await readBody(req);
  } catch (error) {
    finish(replyForError(error));
    return;
  }
  entry.body = bodyForLog(rawBody);

  // Taken when the request arrives, even for a fault that applies to the answer.
  const fault = isApi ? context.faults.take(route.operation, entry.clientSecret) : null;
  /** Delays, drops or replaces the answer as the fault says; true when the request is done with. */
  const applyFault = async (injected: Fault): Promise<boolean> => {
    if (injected.delayMs > 0) await sleep(injected.delayMs);
    if (injected.network) {
      entry.status = 0;
      context.requests.add(entry);
      req.socket.destroy();
      return true;
    }
    if (injected.status === null) return false;
    finish(injectedReply(injected, injected.status));
    return true;
  };
  if (fault && !fault.after && (await applyFault(fault))) return;

  let reply: Reply;
  try {
    const subject: AuthSubject = isApi
      ? authenticate(req.headers, context.customerSessionTokens)
      : { kind: 'anonymous' };
    const result = await route.handler({ context, req, res, url, params, rawBody, subject });
    if (result === 'streaming') {
      entry.status = 200;
      context.requests.add(entry);
      return;
    }
    reply = result;
  } catch (error) {
    reply = replyForError(error);
  }
  const checked = enforceContract(context, route, reply);
  if (fault?.after && (await applyFault(fault))) return;
  finish(checked);
}

export function createRequestListener(context: SandboxContext): RequestListener {
  return (req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, replyForError(error), corsHeaders(req.headers));
      else res.destroy();
    });
  };
}
