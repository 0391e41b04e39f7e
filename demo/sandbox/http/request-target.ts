/** The request target as it was sent. Starlette routes on the path as is: nothing here resolves `.` or `..`. */
export interface RequestTarget {
  /** The raw path: percent-encoding and dot segments kept. */
  path: string;
  /** `?…`, or empty. */
  search: string;
  /** For the query string only; its pathname is never used for routing. */
  url: URL;
}

/** `http://host:port` in front of the path, when a client sends the absolute form. */
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?]*/;

export function parseRequestTarget(target: string): RequestTarget {
  const absolute = ABSOLUTE_FORM.exec(target);
  const originForm = absolute ? target.slice(absolute[0].length) || '/' : target;
  const queryAt = originForm.indexOf('?');
  const path = queryAt === -1 ? originForm : originForm.slice(0, queryAt);
  const search = queryAt === -1 ? '' : originForm.slice(queryAt);
  return { path, search, url: new URL(`http://sandbox.local/${search}`) };
}
