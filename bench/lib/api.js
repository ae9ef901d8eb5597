/** The few HTTP calls the benchmarks make, with Node's built-in fetch. */
const { performance } = require('node:perf_hooks');

/* global fetch, FormData, Blob */

async function readJson(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text.slice(0, 500) };
  }
}

async function call(baseUrl, method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: await readJson(response) };
}

/** Like call(), but throws unless the status is one of `expected`. */
async function expectStatus(expected, baseUrl, method, path, options) {
  const result = await call(baseUrl, method, path, options);
  if (!expected.includes(result.status)) {
    throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body).slice(0, 800)}`);
  }
  return result.body;
}

async function login(baseUrl, email, password) {
  const body = await expectStatus([200], baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } });
  return body.accessToken;
}

/** POSTs `bytes` as the multipart field `file`; times the request until the whole response is read. */
async function uploadFile(baseUrl, path, { token, bytes, fileName, mediaType }) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: mediaType }), fileName);
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await readJson(response);
  return { status: response.status, body, ms: performance.now() - started };
}

module.exports = { call, expectStatus, login, uploadFile };
