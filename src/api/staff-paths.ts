/** The staff desk's routers (`staffRouters` in ./router.ts): the staff Worker serves them (decision 027). */
export const staffRouterNames: readonly string[] = ['review', 'admin'];

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
