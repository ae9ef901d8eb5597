// The workspace calls the same REST API as every other client, under the cookie session.
// State-changing calls carry the session's CSRF token; a 401 means the session ended.
let csrfToken = null;
/** Set while signing out: requests still in flight then fail with 401, which must not look like an expired session. */
let signingOut = false;

export function useCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || '');
    this.status = status;
    this.code = problem?.code ?? null;
    this.problem = problem ?? {};
  }
}

/** Sends the user to sign in again, coming back here afterwards. */
export function signInAgain() {
  if (signingOut) return;
  const here = `${location.pathname}${location.search}`;
  location.assign(`/dang-nhap?next=${encodeURIComponent(here)}&het-han=1`);
}

async function failure(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // not problem+json: the status alone says what happened
  }
  return new ApiError(response.status, problem);
}

async function send(path, { method = 'GET', body, headers = {}, expectSession = true } = {}) {
  const init = { method, credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) init.headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 401 && expectSession) {
    signInAgain();
    throw await failure(response);
  }
  if (!response.ok) throw await failure(response);
  return response;
}

export async function getJson(path) {
  return (await send(path)).json();
}

export async function postJson(path, body, method = 'POST') {
  const response = await send(path, { method, body });
  return response.status === 204 ? null : response.json();
}

export async function call(method, path, body) {
  return postJson(path, body, method);
}

/** Signing in is the one call where a 401 means wrong credentials, not an ended session. */
export async function signIn(email, password) {
  return (await send('/api/v1/auth/session', { method: 'POST', body: { email, password }, expectSession: false })).json();
}

export async function signOut() {
  signingOut = true;
  await send('/api/v1/auth/session', { method: 'DELETE', expectSession: false });
}

/** The current session, or null when nobody is signed in. */
export async function currentSession() {
  try {
    return (await send('/api/v1/auth/session', { expectSession: false })).json();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Uploads a file as multipart `file` with progress (fetch cannot report upload progress).
 * Resolves with { status, body }; rejects with an ApiError.
 */
export function uploadFile(path, file, fileName, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.responseType = 'json';
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status === 401) signInAgain();
      if (request.status >= 200 && request.status < 300) resolve({ status: request.status, body: request.response });
      else reject(new ApiError(request.status, request.response));
    });
    request.addEventListener('error', () => reject(new ApiError(0, null)));
    const form = new FormData();
    form.append('file', file, fileName);
    request.send(form);
  });
}

/** Downloads a file the API serves and saves it under the server's file name. */
export async function download(path) {
  const response = await send(path, { headers: { accept: '*/*' } });
  const disposition = response.headers.get('content-disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const plain = /filename="([^"]+)"/.exec(disposition);
  saveBlob(await response.blob(), encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : 'tai-ve');
}

export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * What to tell a person about a failed call: a sentence saying what happened and what to do,
 * never a status code alone or raw JSON. The API's own detail is already such a sentence.
 */
export function messageOf(error) {
  if (!(error instanceof ApiError)) return 'Trang gặp lỗi không mong muốn; hãy tải lại trang và thử lại.';
  if (error.status === 0) return 'Không kết nối được với máy chủ; hãy kiểm tra kết nối mạng rồi thử lại.';
  if (error.status === 401) return 'Phiên làm việc đã hết hạn; hãy đăng nhập lại.';
  if (error.status >= 500) {
    const id = error.problem.requestId ? ` (mã yêu cầu ${error.problem.requestId})` : '';
    return `Hệ thống đang gặp sự cố; hãy thử lại sau ít phút. Nếu vẫn không được, hãy báo quản trị viên${id}.`;
  }
  if (error.status === 403 && error.code === 'csrf_failed') return error.problem.detail;
  if (error.status === 403) return 'Tài khoản của bạn không có quyền thực hiện thao tác này.';
  if (error.status === 413) return error.problem.detail || 'Tệp quá lớn; hãy chia nhỏ tệp rồi tải lên lại.';
  if (error.status === 429) return 'Bạn đã thử quá nhiều lần; hãy đợi một phút rồi thử lại.';
  const detail = error.problem.detail;
  return detail ? detail : 'Yêu cầu không thực hiện được; hãy kiểm tra thông tin đã nhập rồi thử lại.';
}

/** Field errors of a 422, by field name. */
export function fieldErrorsOf(error) {
  const errors = {};
  for (const item of (error instanceof ApiError && error.problem.errors) || []) errors[item.field] ??= item.message;
  return errors;
}
