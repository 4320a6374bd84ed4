/** The staff desk's routers (`staffRouters` in ./router.ts): the staff Worker serves them (decision 027). */
export const staffRouterNames: readonly string[] = ['review', 'admin', 'integration'];

/**
 * HTTP routes (beside tRPC) that only the staff Worker serves (`deskRoutes` in ./desk-routes.ts): the rare, heavy
 * ones (a family's data download, list exports, the integrators' REST API and its document), so that the main
 * Worker's bundle carries none of their code. Each is a path or, ending in `/`, a prefix.
 */
export const staffHttpPaths: readonly string[] = ['/api/my-data', '/api/exports/', '/api/v1/', '/api/openapi.json', '/api/reference'];

/**
 * Whether a request to `/trpc/<procedure>[,<procedure>…]` calls any of the staff desk's procedures. tRPC batches a
 * page's calls into one request, so the whole request goes where its staff procedure is served (the staff Worker
 * serves every procedure, so a batch that mixes both is answered there in full). A name the main Worker does not
 * serve (a staff name spelt with escapes) gets its NOT_FOUND there: the main Worker has no staff procedure to reach.
 */
export function callsStaffProcedure(pathname: string): boolean {
  if (!pathname.startsWith('/trpc/')) return false;
  return pathname
    .slice('/trpc/'.length)
    .split(',')
    .some((procedure) => staffRouterNames.includes(procedure.split('.')[0]!));
}

/** Whether the main Worker hands a request to the staff Worker: a staff procedure or one of `staffHttpPaths`. */
export function servedByStaffWorker(pathname: string): boolean {
  return (
    callsStaffProcedure(pathname) ||
    staffHttpPaths.some((path) => (path.endsWith('/') ? pathname.startsWith(path) : pathname === path || pathname.startsWith(`${path}/`)))
  );
}
