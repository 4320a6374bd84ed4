/**
 * Whether a request failed only because its client went away before sending it whole (a closed tab, a lost signal, a
 * socket dropped mid-body): the host aborted the request's signal, or reading the body failed with Node's own
 * "aborted" connection reset. Nothing was decided and nobody waits for the answer, so it is no error of ours to log.
 * Any other failure, a database connection reset included, stays an error. Node's HTTP *client* raises the same
 * "aborted" reset when an upstream answer is cut short: nothing in src calls out over `node:http` (adapters use
 * fetch), and one that did would need its errors told apart here.
 */
export function clientWentAway(request: Request, error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const bodyCutShort = (error as { code?: unknown }).code === 'ECONNRESET' && error.message === 'aborted';
  return bodyCutShort || (request.signal.aborted && error.name === 'AbortError');
}
