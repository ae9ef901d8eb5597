import { APP_ASSETS_PATH } from './web-assets';

/** The page for an address that leads nowhere: a sentence and a way back, no script needed. */
export function notFoundPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Không tìm thấy trang — Hệ thống báo cáo định kỳ</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${APP_ASSETS_PATH}/app.css">
</head>
<body>
  <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
  <header class="site-header"><div class="site-header__inner"><a class="site-name" href="/">Hệ thống báo cáo định kỳ</a></div></header>
  <main id="noi-dung" class="page" tabindex="-1">
    <h1>Không tìm thấy trang</h1>
    <p>Địa chỉ bạn mở không có trong hệ thống. Nếu bạn gõ địa chỉ, hãy kiểm tra lại chính tả; nếu bạn bấm một đường dẫn, đường dẫn đó có thể đã cũ.</p>
    <p><a href="/">Về trang chính của bạn</a></p>
  </main>
</body>
</html>
`;
}

/** GET requests outside the API and health checks are people's browsers: they get the page, not JSON. */
export function wantsNotFoundPage(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !/^\/(api|health)(\/|$)/.test(path);
}
