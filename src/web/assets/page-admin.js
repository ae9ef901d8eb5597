// Quản trị: users (create, lock, reset password), lock exceptions for many units at once,
// calendar overrides, the obligations list, and the queue board.
import { call, fieldErrorsOf, getJson, messageOf, postJson } from './api.js';
import { ROLE_LABELS, formatDate, formatDateTime, parseVietnameseDate, periodLabel, todayInVietnam } from './format.js';
import { html, useEffect, useState } from './html.js';
import { ErrorMessage, ErrorSummary, Loaded, Notice, Select, TableScroll, TextArea, TextInput, useLoad, useTitle } from './ui.js';

const enc = encodeURIComponent;
const PERIOD_TYPE_LABELS = { monthly: 'Tháng', quarterly: 'Quý', half_yearly: '6 tháng', nine_monthly: '9 tháng', yearly: 'Năm' };

export function AdminPage() {
  useTitle('Quản trị');
  const units = useLoad(() => getJson('/api/v1/units'), []);
  const everyUnit = useLoad(() => getJson('/api/v1/units?all=true'), []);
  const obligations = useLoad(() => getJson('/api/v1/obligations'), []);
  const unitName = unitNamer(everyUnit.data?.items ?? []);
  return html`
    <h1>Quản trị</h1>
    <nav aria-label="Các mục quản trị" class="contents">
      <ul>
        <li><a href="#nguoi-dung">Người dùng</a></li>
        <li><a href="#ngoai-le">Ngoại lệ khoá nhập liệu</a></li>
        <li><a href="#lich">Lịch làm việc</a></li>
        <li><a href="#nghia-vu">Nghĩa vụ báo cáo</a></li>
        <li><a href="#hang-doi">Hàng đợi gửi thư</a></li>
      </ul>
    </nav>
    <${Users} units=${units.data?.items ?? []} unitName=${unitName} />
    <${LockExceptions} obligations=${obligations.data?.items ?? []} unitName=${unitName} />
    <${Calendar} />
    <${Obligations} state=${obligations} />
    <section id="hang-doi" aria-labelledby="hang-doi-title" class="card">
      <h2 id="hang-doi-title">Hàng đợi gửi thư</h2>
      <p>Bảng theo dõi hàng đợi (thư nhắc hạn, thư thông báo kết quả thẩm định): việc đang chờ, đã gửi, bị lỗi.</p>
      <p><a href="/admin/queues" data-testid="queue-board">Mở bảng theo dõi hàng đợi</a></p>
    </section>
  `;
}

/** A unit by id as people name it: today's units by name, a ceased one with its last day (codes are reused after a reorganisation). */
function unitNamer(units) {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return (id) => {
    const unit = byId.get(id);
    if (!unit) return '–';
    return unit.validTo === null ? unit.name : `${unit.name} (đến ${formatDate(unit.validTo)})`;
  };
}

/** `units`: those existing today, the only ones a new officer account can belong to. */
function Users({ units, unitName }) {
  const list = useLoad(() => getJson('/api/v1/users'), []);
  const [notice, setNotice] = useState(null);
  return html`<section id="nguoi-dung" aria-labelledby="nguoi-dung-title" class="card">
    <h2 id="nguoi-dung-title">Người dùng</h2>
    ${notice && html`<${Notice} kind="success"><p>${notice}</p></${Notice}>`}
    <${CreateUser} units=${units} onCreated=${(user) => {
      setNotice(`Đã tạo tài khoản ${user.email}.`);
      list.reload();
    }} />
    <${Loaded} state=${list}>
      ${(data) => html`<${TableScroll} label="Danh sách người dùng">
        <table class="table table--wide" data-testid="users">
          <caption>Danh sách người dùng (${data.total})</caption>
          <thead><tr><th scope="col">Thư điện tử</th><th scope="col">Họ tên</th><th scope="col">Vai trò</th><th scope="col">Đơn vị</th><th scope="col">Tình trạng</th><th scope="col">Thao tác</th></tr></thead>
          <tbody>
            ${data.items.map((user) => html`<${UserRow} key=${user.id} user=${user} unitName=${unitName(user.unitId)} onChanged=${(text) => {
              setNotice(text);
              list.reload();
            }} />`)}
          </tbody>
        </table>
      </${TableScroll}>`}
    </${Loaded}>
  </section>`;
}

function UserRow({ user, unitName, onChanged }) {
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState(null);
  const id = `mat-khau-${user.id}`;
  const toggle = async () => {
    setFailure(null);
    try {
      await call('PATCH', `/api/v1/users/${user.id}/status`, { active: !user.active, reason: user.active ? 'Khoá từ trang quản trị' : 'Mở khoá từ trang quản trị' });
      onChanged(user.active ? `Đã khoá tài khoản ${user.email}; các phiên đăng nhập của tài khoản này hết hiệu lực.` : `Đã mở khoá tài khoản ${user.email}.`);
    } catch (error) {
      setFailure(error);
    }
  };
  const reset = async (event) => {
    event.preventDefault();
    setFailure(null);
    try {
      await call('PUT', `/api/v1/users/${user.id}/password`, { password });
      setResetting(false);
      setPassword('');
      onChanged(`Đã đặt lại mật khẩu cho ${user.email}; hãy báo mật khẩu mới cho người dùng qua kênh an toàn.`);
    } catch (error) {
      setFailure(error);
    }
  };
  return html`<tr data-user=${user.email}>
    <td>${user.email}</td>
    <td>${user.fullName}</td>
    <td>${ROLE_LABELS[user.role]}</td>
    <td>${user.unitId ? unitName : '–'}</td>
    <td>${user.active ? 'Đang hoạt động' : 'Đã khoá'}</td>
    <td>
      <button type="button" class="button button--link" onClick=${toggle}>${user.active ? 'Khoá' : 'Mở khoá'}<span class="visually-hidden"> ${user.email}</span></button>
      <button type="button" class="button button--link" onClick=${() => setResetting(!resetting)} aria-expanded=${resetting}>Đặt lại mật khẩu<span class="visually-hidden"> ${user.email}</span></button>
      ${resetting &&
      html`<form class="inline-form" onSubmit=${reset}>
        <label for=${id}>Mật khẩu mới cho ${user.email}</label>
        <input id=${id} type="password" class="input" autocomplete="new-password" value=${password} onInput=${(event) => setPassword(event.currentTarget.value)} />
        <button type="submit" class="button">Lưu mật khẩu</button>
      </form>`}
      ${failure && html`<p class="field__error" role="alert">${messageOf(failure)}</p>`}
    </td>
  </tr>`;
}

function CreateUser({ units, onCreated }) {
  const empty = { email: '', fullName: '', role: 'province_officer', unitId: '', password: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const submit = async (event) => {
    event.preventDefault();
    const found = {};
    if (!form.email.trim()) found.email = 'Nhập thư điện tử của người dùng';
    if (!form.fullName.trim()) found.fullName = 'Nhập họ tên';
    if (form.role === 'province_officer' && !form.unitId) found.unitId = 'Chọn đơn vị của cán bộ tỉnh';
    if (form.password.length < 10) found.password = 'Mật khẩu cần ít nhất 10 ký tự';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      const user = await postJson('/api/v1/users', {
        email: form.email.trim(),
        fullName: form.fullName.trim(),
        role: form.role,
        password: form.password,
        ...(form.role === 'province_officer' ? { unitId: form.unitId } : {}),
      });
      setForm(empty);
      onCreated(user);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(error);
    }
  };
  const ids = { email: 'tao-email', fullName: 'tao-ho-ten', role: 'tao-vai-tro', unitId: 'tao-don-vi', password: 'tao-mat-khau' };
  return html`<details class="details">
    <summary>Tạo tài khoản mới</summary>
    <${ErrorSummary} items=${Object.entries(errors).map(([name, text]) => ({ href: `#${ids[name] ?? ids.email}`, text }))} />
    <${ErrorMessage} error=${Object.keys(errors).length === 0 ? failure : null} />
    <form onSubmit=${submit} novalidate>
      <${TextInput} id=${ids.email} label="Thư điện tử" type="email" autocomplete="off" value=${form.email} onInput=${set('email')} error=${errors.email} />
      <${TextInput} id=${ids.fullName} label="Họ tên" value=${form.fullName} onInput=${set('fullName')} error=${errors.fullName} />
      <${Select} id=${ids.role} label="Vai trò" value=${form.role} onChange=${set('role')} options=${Object.entries(ROLE_LABELS)} />
      ${form.role === 'province_officer' &&
      html`<${Select}
        id=${ids.unitId}
        label="Đơn vị"
        value=${form.unitId}
        onChange=${set('unitId')}
        error=${errors.unitId}
        options=${[['', '— Chọn đơn vị —'], ...units.map((unit) => [unit.id, `${unit.code} — ${unit.name}`])]}
      />`}
      <${TextInput} id=${ids.password} label="Mật khẩu ban đầu" hint="Ít nhất 10 ký tự; người dùng nên đổi sau lần đăng nhập đầu." type="password" autocomplete="new-password" value=${form.password} onInput=${set('password')} error=${errors.password} />
      <button type="submit" class="button">Tạo tài khoản</button>
    </form>
  </details>`;
}

/** One exception for many units in one action (loading a past quarter for 63 provinces): the units that owed the period's report. */
function LockExceptions({ obligations, unitName }) {
  const [code, setCode] = useState('');
  const [periods, setPeriods] = useState([]);
  const [period, setPeriod] = useState('');
  const [chosen, setChosen] = useState(new Set());
  const [filter, setFilter] = useState('');
  const [reason, setReason] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [granted, setGranted] = useState(null);
  const active = useLoad(() => getJson('/api/v1/lock-exceptions?active=true'), [granted]);
  const chosenPeriod = periods.find((p) => p.key === period);
  // A period expects the units that existed on its last day (the 63 provinces before 1 July 2025, the 34 after).
  const periodUnits = useLoad(() => (chosenPeriod ? getJson(`/api/v1/units?activeOn=${chosenPeriod.end}`) : Promise.resolve({ items: [] })), [chosenPeriod?.end]);
  const units = periodUnits.data?.items ?? [];
  useEffect(() => setChosen(new Set()), [chosenPeriod?.end]);

  useEffect(() => {
    if (!code && obligations.length > 0) setCode(obligations[0].code);
  }, [obligations]);
  useEffect(() => {
    if (!code) return;
    const today = todayInVietnam();
    let current = true;
    getJson(`/api/v1/obligations/${enc(code)}/periods?from=${Number(today.slice(0, 4)) - 3}-01-01&to=${today}`).then((list) => {
      if (!current) return;
      const items = [...list.items].reverse();
      setPeriods(items);
      setPeriod(items[0]?.key ?? '');
    }, setFailure);
    return () => {
      current = false;
    };
  }, [code]);

  const needle = filter.trim().toLocaleLowerCase('vi');
  const shown = units.filter((unit) => !needle || `${unit.code} ${unit.name} ${unit.nameAscii}`.toLocaleLowerCase('vi').includes(needle));
  const toggle = (id) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };
  const submit = async (event) => {
    event.preventDefault();
    const found = {};
    if (chosen.size === 0) found['ngoai-le-don-vi'] = 'Chọn ít nhất một đơn vị';
    if (!reason.trim()) found['ngoai-le-ly-do'] = 'Nhập lý do (ví dụ số công văn cho phép nộp lại)';
    const endDate = parseVietnameseDate(endsOn);
    if (!endDate) found['ngoai-le-het-han'] = 'Nhập ngày hết hạn dạng ngày/tháng/năm, ví dụ 30/04/2025';
    setErrors(found);
    setFailure(null);
    setGranted(null);
    if (Object.keys(found).length > 0) return;
    try {
      const result = await postJson('/api/v1/lock-exceptions/bulk', {
        obligationCode: code,
        periodKey: period,
        unitIds: [...chosen],
        reason: reason.trim(),
        endsAt: `${endDate}T23:59:59+07:00`,
      });
      setGranted(result.items);
      setChosen(new Set());
    } catch (error) {
      setFailure(error);
    }
  };
  return html`<section id="ngoai-le" aria-labelledby="ngoai-le-title" class="card">
    <h2 id="ngoai-le-title">Ngoại lệ khoá nhập liệu</h2>
    <p>Cho một hay nhiều đơn vị tải lên và nộp lại báo cáo của một kỳ đã khoá, đến hết một ngày.</p>
    ${granted &&
    html`<${Notice} kind="success" title="Đã cấp ngoại lệ">
      <p data-testid="granted">Đã cấp ngoại lệ cho ${granted.length} đơn vị: ${granted.map((item) => item.unitCode).sort().join(', ')}.</p>
    </${Notice}>`}
    <${ErrorSummary} items=${Object.entries(errors).map(([id, text]) => ({ href: `#${id}`, text }))} />
    <${ErrorMessage} error=${failure} />
    <form onSubmit=${submit} novalidate>
      <${Select} id="ngoai-le-nghia-vu" label="Nghĩa vụ báo cáo" value=${code} onChange=${setCode} options=${obligations.map((o) => [o.code, `${o.code} — ${o.title}`])} />
      <${Select} id="ngoai-le-ky" label="Kỳ báo cáo" value=${period} onChange=${setPeriod} options=${periods.map((p) => [p.key, `${p.label} (hạn ${formatDate(p.dueDate)})`])} />
      <fieldset class=${`units-picker${errors['ngoai-le-don-vi'] ? ' field--error' : ''}`}>
        <legend>Đơn vị được nộp lại (${chosen.size} đã chọn)</legend>
        ${chosenPeriod && html`<p class="field__hint">Các đơn vị báo cáo của ${chosenPeriod.label} (đơn vị còn tồn tại ngày ${formatDate(chosenPeriod.end)}).</p>`}
        ${errors['ngoai-le-don-vi'] && html`<p class="field__error">${errors['ngoai-le-don-vi']}</p>`}
        <${TextInput} id="ngoai-le-loc" label="Lọc đơn vị" hint="Gõ mã hoặc tên, có dấu hay không dấu" value=${filter} onInput=${setFilter} />
        <div class="actions">
          <button type="button" class="button button--secondary" onClick=${() => setChosen(new Set([...chosen, ...shown.map((unit) => unit.id)]))}>Chọn tất cả đơn vị đang hiện</button>
          <button type="button" class="button button--secondary" onClick=${() => setChosen(new Set())}>Bỏ chọn tất cả</button>
        </div>
        <ul class="checkboxes" id="ngoai-le-don-vi" tabindex="-1">
          ${shown.map(
            (unit) => html`<li>
              <input type="checkbox" id=${`dv-${unit.code}`} checked=${chosen.has(unit.id)} onChange=${() => toggle(unit.id)} />
              <label for=${`dv-${unit.code}`}>${unit.code} — ${unit.name}</label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <${TextArea} id="ngoai-le-ly-do" label="Lý do" hint="Ghi căn cứ, ví dụ số công văn." value=${reason} onInput=${setReason} error=${errors['ngoai-le-ly-do']} />
      <${TextInput} id="ngoai-le-het-han" label="Hết hạn vào cuối ngày" hint="Ngày/tháng/năm, ví dụ 30/04/2025" value=${endsOn} onInput=${setEndsOn} error=${errors['ngoai-le-het-han']} width="date" />
      <button type="submit" class="button">Cấp ngoại lệ cho ${chosen.size} đơn vị</button>
    </form>
    <h3>Ngoại lệ đang có hiệu lực</h3>
    <${Loaded} state=${active}>
      ${(data) =>
        data.items.length === 0
          ? html`<p>Không có ngoại lệ nào đang có hiệu lực.</p>`
          : html`<${TableScroll} label="Ngoại lệ đang có hiệu lực">
              <table class="table" data-testid="exceptions">
                <caption class="visually-hidden">Ngoại lệ đang có hiệu lực</caption>
                <thead><tr><th scope="col">Nghĩa vụ</th><th scope="col">Kỳ</th><th scope="col">Đơn vị</th><th scope="col">Hết hạn</th><th scope="col">Lý do</th></tr></thead>
                <tbody>${data.items.map((item) => html`<tr><td>${item.obligationCode}</td><td>${periodLabel(item.periodKey)}</td><td>${item.unitCode} — ${unitName(item.unitId)}</td><td>${formatDateTime(item.endsAt)}</td><td>${item.reason}</td></tr>`)}</tbody>
              </table>
            </${TableScroll}>`}
    </${Loaded}>
  </section>`;
}

function Calendar() {
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(String(thisYear));
  const calendar = useLoad(() => getJson(`/api/v1/calendar/${year}`), [year]);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState('day_off');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const save = async (event) => {
    event.preventDefault();
    const iso = parseVietnameseDate(date);
    const found = {};
    if (!iso) found['lich-ngay'] = 'Nhập ngày dạng ngày/tháng/năm, ví dụ 26/04/2025';
    if (reason.trim().length < 3) found['lich-ly-do'] = 'Nhập căn cứ (ví dụ thông báo của Bộ Nội vụ)';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      await call('PUT', `/api/v1/calendar/overrides/${iso}`, { kind, reason: reason.trim() });
      setDate('');
      setReason('');
      if (iso.slice(0, 4) === year) calendar.reload();
      else setYear(iso.slice(0, 4));
    } catch (error) {
      setFailure(error);
    }
  };
  const remove = async (iso) => {
    setFailure(null);
    try {
      await call('DELETE', `/api/v1/calendar/overrides/${iso}`);
      calendar.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  return html`<section id="lich" aria-labelledby="lich-title" class="card">
    <h2 id="lich-title">Lịch làm việc</h2>
    <p>Ngày nghỉ lễ, Tết được tính sẵn. Ghi thêm ở đây các ngày hoán đổi đã công bố: ngày nghỉ bù hoặc ngày làm bù; hạn nộp tính theo ngày làm việc sẽ theo lịch này.</p>
    <${Select} id="lich-nam" label="Năm" value=${year} onChange=${setYear} options=${[thisYear - 1, thisYear, thisYear + 1].map((y) => [String(y), String(y)])} />
    <${Loaded} state=${calendar}>
      ${(data) => html`
        <p>${data.workingDays} ngày làm việc trong năm ${data.year}.</p>
        ${data.overrides.length === 0
          ? html`<p>Chưa có ngày hoán đổi nào trong năm ${data.year}.</p>`
          : html`<ul class="plain" data-testid="overrides">
              ${data.overrides.map(
                (item) => html`<li>${formatDate(item.date)}: ${item.kind === 'day_off' ? 'nghỉ' : 'làm bù'} (${item.reason})
                  <button type="button" class="button button--link" onClick=${() => remove(item.date)}>Xoá<span class="visually-hidden"> ngày ${formatDate(item.date)}</span></button></li>`,
              )}
            </ul>`}
      `}
    </${Loaded}>
    <${ErrorSummary} items=${Object.entries(errors).map(([id, text]) => ({ href: `#${id}`, text }))} />
    <${ErrorMessage} error=${failure} />
    <form onSubmit=${save} novalidate>
      <${TextInput} id="lich-ngay" label="Ngày" hint="Ngày/tháng/năm" value=${date} onInput=${setDate} error=${errors['lich-ngay']} width="date" />
      <${Select} id="lich-loai" label="Loại" value=${kind} onChange=${setKind} options=${[['day_off', 'Ngày nghỉ (nghỉ bù, nghỉ hoán đổi)'], ['working_day', 'Ngày làm việc (làm bù)']]} />
      <${TextInput} id="lich-ly-do" label="Căn cứ" value=${reason} onInput=${setReason} error=${errors['lich-ly-do']} />
      <button type="submit" class="button">Lưu ngày hoán đổi</button>
    </form>
  </section>`;
}

function Obligations({ state }) {
  return html`<section id="nghia-vu" aria-labelledby="nghia-vu-title" class="card">
    <h2 id="nghia-vu-title">Nghĩa vụ báo cáo</h2>
    <${Loaded} state=${state}>
      ${(data) => html`<${TableScroll} label="Nghĩa vụ báo cáo">
        <table class="table" data-testid="obligations">
          <caption class="visually-hidden">Nghĩa vụ báo cáo</caption>
          <thead><tr><th scope="col">Mã</th><th scope="col">Tên báo cáo</th><th scope="col">Kỳ</th><th scope="col">Căn cứ</th><th scope="col">Biểu mẫu</th><th scope="col">Tình trạng</th></tr></thead>
          <tbody>
            ${data.items.map(
              (o) => html`<tr>
                <td>${o.code}</td>
                <td>${o.title}</td>
                <td>${PERIOD_TYPE_LABELS[o.periodType] ?? o.periodType}</td>
                <td>${o.legalDocument}</td>
                <td>${o.latestSchemaVersion ? `Phiên bản ${o.latestSchemaVersion}` : 'Chưa có'}</td>
                <td>${o.retiredAt ? `Đã thôi áp dụng từ ${formatDate(o.retiredAt)}` : `Áp dụng từ ${formatDate(o.activeFrom)}`}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </${TableScroll}>`}
    </${Loaded}>
  </section>`;
}
