import { html, type SafeHtml } from "../text/html.js";

/** The admin login's words (administrators read Vietnamese). */
export const ADMIN_M = {
  title: "Đăng nhập — Mức độ hài lòng",
  heading: "Báo cáo mức độ hài lòng",
  tokenLabel: "Mã truy cập quản trị",
  login: "Đăng nhập",
  disabled: "Trang quản trị đang tắt: chưa cấu hình ADMIN_TOKEN.",
  wrongToken: "Mã truy cập không đúng.",
  tooManyAttempts: (waitS: number) => `Nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(waitS / 60)} phút.`,
} as const;

/** The login page: a token form, or a notice that the dashboard is off without ADMIN_TOKEN. */
export function renderLogin(enabled: boolean, error?: string): string {
  const body: SafeHtml = enabled
    ? html`<form method="post" action="/admin/login">
<label for="token">${ADMIN_M.tokenLabel}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">${ADMIN_M.login}</button>
</form>`
    : html`<p>${ADMIN_M.disabled}</p>`;
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${ADMIN_M.title}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1b2631;display:flex;justify-content:center;padding-top:12vh;margin:0}
main{box-sizing:border-box;background:#fff;border-radius:10px;padding:24px 20px;box-shadow:0 1px 3px rgba(0,0,0,.1);width:min(360px,calc(100vw - 24px))}
h1{font-size:1.2rem;margin-top:0}label{display:block;margin-bottom:6px}
input{width:100%;box-sizing:border-box;font:inherit;padding:6px 8px;margin-bottom:12px}
button{font:inherit;padding:6px 16px}.error{color:#c0392b}
</style></head>
<body><main>
<h1>${ADMIN_M.heading}</h1>
${error && html`<p class="error">${error}</p>`}
${body}
</main></body></html>
`.value;
}
