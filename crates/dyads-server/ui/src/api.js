// The JSON API of `dyads serve` (see crates/dyads-server/API.md).
import { query } from "./dom.js";

/** An API error with the HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const cache = new Map();

/** GET /api/<path>?<params> as JSON; cached for the page's life. */
export async function get(path, params) {
  const url = "/api/" + path.replace(/^\//, "") + query(params);
  if (cache.has(url)) return cache.get(url);
  const promise = (async () => {
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    const text = await resp.text();
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!resp.ok) {
      const msg = (body && (body.message || (body.error && (body.error.message || body.error)))) || resp.statusText;
      throw new ApiError(resp.status, `${resp.status}: ${typeof msg === "string" ? msg : JSON.stringify(msg)}`);
    }
    return body;
  })();
  cache.set(url, promise);
  promise.catch(() => cache.delete(url));
  return promise;
}

/** The items of a list response, whether it is an array or {items: [...]}. */
export function items(body) {
  if (Array.isArray(body)) return body;
  if (body && Array.isArray(body.items)) return body.items;
  if (body && Array.isArray(body.results)) return body.results;
  if (body && Array.isArray(body.data)) return body.data;
  return [];
}
