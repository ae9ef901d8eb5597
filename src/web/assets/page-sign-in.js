// Đăng nhập: e-mail and password; afterwards back to the page asked for, or the role's own page.
import { ApiError, messageOf, signIn } from './api.js';
import { html, useState } from './html.js';
import { ErrorSummary, Notice, TextInput, useTitle } from './ui.js';

const HOME_BY_ROLE = {
  province_officer: '/viec-can-lam',
  ministry_reviewer: '/tham-dinh',
  compliance_officer: '/theo-doi',
  admin: '/quan-tri',
};

/** Only a path of this site, never another host or the API. */
function returnPath(next) {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /^\/(api|assets)(\/|$)/.test(next)) return null;
  return next;
}

export function SignInPage() {
  useTitle('Đăng nhập');
  const query = new URLSearchParams(location.search);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    const found = {};
    if (!email.trim()) found.email = 'Nhập địa chỉ thư điện tử của bạn';
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Nhập địa chỉ thư điện tử đúng dạng, ví dụ ten@stttt.hanoi.gov.vn';
    if (!password) found.password = 'Nhập mật khẩu';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const session = await signIn(email.trim(), password);
      location.assign(returnPath(query.get('next')) ?? HOME_BY_ROLE[session.user.role] ?? '/');
    } catch (error) {
      setBusy(false);
      setPassword('');
      setFailure(
        error instanceof ApiError && error.status === 401
          ? 'Thư điện tử hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá. Hãy nhập lại; nếu quên mật khẩu, hãy liên hệ quản trị viên.'
          : messageOf(error),
      );
    }
  };

  const summary = [
    ...Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text })),
    ...(failure ? [{ href: '#email', text: failure }] : []),
  ];
  return html`
    <div class="narrow">
      <h1>Đăng nhập</h1>
      ${query.has('het-han') &&
      html`<${Notice} kind="warning"><p>Phiên làm việc đã hết hạn. Hãy đăng nhập lại; sau khi đăng nhập bạn sẽ trở về đúng trang đang mở.</p></${Notice}>`}
      ${query.has('da-dang-xuat') && html`<${Notice} kind="success"><p>Bạn đã đăng xuất.</p></${Notice}>`}
      <${ErrorSummary} items=${summary} title=${failure && Object.keys(errors).length === 0 ? 'Không đăng nhập được' : undefined} />
      <form onSubmit=${submit} novalidate>
        <${TextInput} id="email" label="Thư điện tử" type="email" autocomplete="username" spellcheck="false" value=${email} onInput=${setEmail} error=${errors.email} />
        <${TextInput} id="password" label="Mật khẩu" type="password" autocomplete="current-password" value=${password} onInput=${setPassword} error=${errors.password} />
        <button type="submit" class="button" disabled=${busy}>${busy ? 'Đang đăng nhập…' : 'Đăng nhập'}</button>
      </form>
      <p class="muted">Tài khoản do quản trị viên của Bộ cấp. Cán bộ tỉnh dùng tài khoản của Sở mình.</p>
    </div>
  `;
}
