// Calls to the baocao API with the bearer token kept in sessionStorage.
const TOKEN_KEY = 'baocao.token';
const EMAIL_KEY = 'baocao.email';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  email: () => sessionStorage.getItem(EMAIL_KEY),
  save(token, email) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(EMAIL_KEY, email);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EMAIL_KEY);
  },
};

async function failure(response) {
  let detail = `Lỗi ${response.status}`;
  try {
    const problem = await response.json();
    detail = problem.detail || problem.title || detail;
  } catch {
    // not problem+json: keep the status text
  }
  return new ApiError(response.status, detail);
}

export async function login(email, password) {
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw await failure(response);
  const body = await response.json();
  session.save(body.accessToken, email);
}

async function request(path) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.token()}` } });
  if (!response.ok) throw await failure(response);
  return response;
}

export async function getJson(path) {
  return (await request(path)).json();
}

/** Downloads an export through fetch (a link cannot carry the token) and saves it under the server's file name. */
export async function download(path) {
  const response = await request(path);
  const disposition = response.headers.get('content-disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : 'bao-cao';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
