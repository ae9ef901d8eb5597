/** What a same-origin check needs to know about a request. */
export interface OriginFacts {
  /** The Origin header, if the browser sent one. */
  origin?: string;
  /** The Sec-Fetch-Site header, if the browser sent one. */
  fetchSite?: string;
  /** Origins this service answers on: the request's own (scheme://host) and PUBLIC_URL's. */
  allowed: readonly string[];
}

/**
 * Whether a state-changing request comes from one of our own pages. Browsers send Origin on every
 * cross-site POST, PUT, PATCH and DELETE, and Sec-Fetch-Site on every request; a request with
 * neither is not from a browser page (the CSRF token is still required).
 */
export function isSameOrigin(facts: OriginFacts): boolean {
  if (facts.origin !== undefined && facts.origin !== 'null') {
    return facts.allowed.some((allowed) => sameOrigin(allowed, facts.origin as string));
  }
  if (facts.origin === 'null') return false;
  return facts.fetchSite === undefined || facts.fetchSite === 'same-origin' || facts.fetchSite === 'none';
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
