/**
 * The example outputs quoted in docs/huong-dan-bien-tap.md, produced by running the real
 * `dvc-bot check` and `dvc-bot import` on small sample folders written here.
 *
 *   npm run build && npx tsx scripts/staff-guide-examples.ts           # rewrite the guide's examples
 *   npm run build && npx tsx scripts/staff-guide-examples.ts --check   # exit 1 if the guide is out of date
 *
 * In the guide each example sits between `<!-- example: NAME -->` and `<!-- /example -->`;
 * test/staff/guide-examples.test.ts fails when what the commands print no longer matches.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ACCEPTANCE_SHEET } from "./acceptance-sheet.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const GUIDE = join(ROOT, "docs/huong-dan-bien-tap.md");
const BIN = join(ROOT, "bin/dvc-bot.js");
/** The day the examples are run "on", so dated warnings read the same every time. */
const TODAY = "2026-12-02";

const procedure = (id: string, title: string, extra = "", reviewed = "2026-11-23") => `id: ${id}
kind: procedure
title: ${title}
field: Đăng ký, quản lý cư trú
tier: xa
agency: Công an cấp xã
level: toan-trinh
${extra}source: Cổng Dịch vụ công quốc gia
reviewed: ${reviewed}
`;

const GOOD: Record<string, string> = {
  "knowledge/procedures/dang-ky-thuong-tru.yaml": procedure("dang-ky-thuong-tru", "Đăng ký thường trú", "related:\n  - dang-ky-tam-tru\n"),
  "knowledge/procedures/dang-ky-tam-tru.yaml": procedure("dang-ky-tam-tru", "Đăng ký tạm trú"),
  "knowledge/guides/vneid-khong-nhan-duoc-otp.yaml": `id: vneid-khong-nhan-duoc-otp
kind: faq
title: VNeID không nhận được mã OTP
body: Kiểm tra sóng điện thoại, chờ vài phút rồi bấm gửi lại mã.
flow: vneid
source: Cổng Dịch vụ công quốc gia — hướng dẫn VNeID
reviewed: 2026-11-23
`,
  "flows/vneid.yaml": `id: vneid
title: Tài khoản VNeID
start: start
steps:
  start:
    say: Bạn cần hỗ trợ gì về tài khoản VNeID?
    choices:
      - { label: "Đăng ký thường trú", entry: dang-ky-thuong-tru }
      - { label: "Menu", menu: true }
`,
};

/** The usual mistakes, one per file, on top of the good folder. */
const MISTAKES: Record<string, string> = {
  // Copied from dang-ky-thuong-tru.yaml without changing the id.
  "knowledge/procedures/dang-ky-thuong-tru-online.yaml": procedure("dang-ky-thuong-tru", "Đăng ký thường trú trực tuyến"),
  "knowledge/procedures/cap-ban-sao.yaml": procedure(
    "Cap_Ban_Sao",
    "Cấp bản sao trích lục",
    'phi: 8000\nfees:\n  - channel: truc-tiep\n    amount: "8.000"\n  - channel: online\n    amount: 0\n',
    "23/11/2026",
  ),
  "knowledge/procedures/xac-nhan-cu-tru.yaml": procedure("xac-nhan-cu-tru", "Xác nhận thông tin về cư trú", "steps:\n  - Đăng nhập VNeID.\n\t- Chọn thủ tục.\n"),
  "knowledge/procedures/tach-ho.yaml": procedure("tach-ho", "Tách hộ", "related:\n  - dang-ky-thuong-tru-moi\n"),
  "knowledge/guides/huong-dan-moi.yaml": "id: huong-dan-moi\nkind: guide\nsource: Cổng Dịch vụ công quốc gia\nreviewed: 2026-11-23\n",
  "knowledge/procedures/ket-hon.yaml": procedure("ket-hon", "Đăng ký kết hôn", "summary: Lưu ý: nộp trước 23 giờ\n"),
  "knowledge/procedures/cap-giay-phep.yaml": procedure(
    "cap-giay-phep",
    "Cấp giấy phép",
    "link: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000001\nfees:\n  - channel: moi-kenh\n  - channel: truc-tuyen\n    amount: 0\n    from: 2026-08-15\n    until: 2026-02-28\n",
  ),
  "knowledge/guides/hoi-dap-trong.yaml": "id: hoi-dap-trong\nkind: faq\ntitle: Hỏi đáp chưa viết\nsource: Cổng Dịch vụ công quốc gia\nreviewed: 2026-11-23\n",
  "flows/vneid.yaml": GOOD["flows/vneid.yaml"]!.replace("entry: dang-ky-thuong-tru }", "entry: cap-the-can-cuoc }"),
};

/** Saved in the old Windows code page instead of UTF-8 (the "à" of "Đăng ký kết hôn" is one byte). */
const NOT_UTF8_FILE = { "knowledge/procedures/luu-sai-bang-ma.yaml": Buffer.from("id: luu-sai-bang-ma\nkind: faq\ntitle: L\xe0m l\u1ea1i\n", "latin1") };

const WARNINGS: Record<string, string> = {
  "knowledge/procedures/thu-tuc-cu.yaml": procedure("thu-tuc-cu", "Thủ tục cũ", "", "2024-01-01"),
  "knowledge/procedures/cap-doi-the-can-cuoc.yaml": procedure(
    "cap-doi-the-can-cuoc",
    "Cấp đổi thẻ căn cước",
    "fees:\n  - channel: moi-kenh\n    amount: 25000\n    until: 2026-12-31\n    basis: Thông tư 64/2025/TT-BTC\n  - channel: moi-kenh\n    amount: 50000\n",
  ),
  "knowledge/procedures/cap-ho-chieu.yaml": procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", "legal:\n  - Thông tư 25/2021/TT-BTC\n"),
  "knowledge/superseded.yaml": "- old: 25/2021/TT-BTC\n  new: Thông tư 28/2026/TT-BTC\n  from: 2026-04-01\n",
};

/** The acceptance sheet as staff paste it: an elided "..." row, and a code in the notes column. */
const SHEET = ACCEPTANCE_SHEET.replace("\nC,Cấp xã", "\n...,...,,,,\nC,Cấp xã").replace("truyền thống,x,,,\n", "truyền thống,x,,,Mã 1.000000\n");

const FLAT = `STT,Tên thủ tục,Mức độ 2,Mức độ 3
1,Cấp giấy phép đào đường đô thị,,x
2,Đăng ký hoạt động thư viện cơ sở,x,
`;

const COLUMNS = `STT,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ DVCTT
1,Cấp phép tổ chức hội chợ,Thương mại,Cấp tỉnh,Toàn trình
2,Xác nhận hộ nghèo,Bảo trợ xã hội,Cấp xã,Một phần
3,Đăng ký nuôi chim yến,Nông nghiệp,Cấp xã,3
`;

const BROKEN_SHEET = `STT,Lĩnh vực/DVCTT,Mức độ 2,Mức độ 3,Mức độ 4
A,Cấp tỉnh,,,
1,Thủ tục trước dòng lĩnh vực,,,x
I,Lĩnh vực Tư pháp,,,
2,Không đánh dấu mức độ,,,
3,Hai dấu,,x,x
4,,,,x
5,Chứng thực bản sao,,x,
6,Chứng thực bản sao,,x,
Z,Cấp gì đó,,,
`;

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

/** Runs the built CLI in `cwd` as a staff member would; stdout and stderr in the order a terminal shows them. */
function dvcBot(cwd: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    // stderr into stdout, like a terminal, so the summary line comes last.
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", KNOWLEDGE_DIR: "knowledge", FLOWS_DIR: "flows", DVC_TODAY: TODAY, LOG_LEVEL: "silent", ...env },
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return [r.stdout, r.stderr].map((s) => s.trimEnd()).filter(Boolean).join("\n");
}

/** Each named example: the command as typed and what it printed. */
export function generateExamples(): Map<string, string> {
  const out = new Map<string, string>();
  const scratch = mkdtempSync(join(tmpdir(), "dvc-guide-"));
  try {
    const fresh = (name: string, ...layers: Array<Record<string, string | Buffer>>) => {
      const dir = join(scratch, name);
      for (const l of layers) write(dir, l);
      return dir;
    };
    const show = (cwd: string, args: string[]) => `$ npx dvc-bot ${args.join(" ")}\n${dvcBot(cwd, args)}`;

    out.set("check-ok", show(fresh("ok", GOOD), ["check"]));

    const bad = fresh("bad", GOOD, MISTAKES, NOT_UTF8_FILE);
    // The copy is the newer file, as when someone copies a file and forgets the id.
    utimesSync(join(bad, "knowledge/procedures/dang-ky-thuong-tru.yaml"), new Date("2026-11-01"), new Date("2026-11-01"));
    out.set("check-errors", show(bad, ["check"]));

    out.set("check-warnings", show(fresh("warn", GOOD, WARNINGS), ["check"]));

    const imp = fresh("import", GOOD, { "danh-muc-2025.csv": SHEET, "danh-sach-xa.csv": FLAT, "danh-muc-cot.csv": COLUMNS, "danh-muc-loi.csv": BROKEN_SHEET });
    out.set("import-ok", [show(imp, ["import", "danh-muc-2025.csv", "--dry-run"]), show(imp, ["import", "danh-muc-2025.csv"])].join("\n\n"));
    out.set("import-flat", [show(imp, ["import", "danh-sach-xa.csv"]), show(imp, ["import", "danh-sach-xa.csv", "--tier", "xa"])].join("\n\n"));
    out.set("import-columns", show(imp, ["import", "danh-muc-cot.csv", "--dry-run"]));
    out.set("import-errors", show(imp, ["import", "danh-muc-loi.csv"]));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return out;
}

const BLOCK = /(<!-- example: ([a-z-]+) -->\n)([\s\S]*?)(<!-- \/example -->)/g;

/** The guide with every example block replaced by what the commands print now. */
export function withExamples(guide: string, examples: ReadonlyMap<string, string>): string {
  return guide.replace(BLOCK, (_m, open: string, name: string, _old: string, close: string) => {
    const text = examples.get(name);
    if (text === undefined) throw new Error(`staff-guide-examples: no example named "${name}"`);
    return `${open}\`\`\`console\n${text}\n\`\`\`\n${close}`;
  });
}

/** Names of the example blocks in the guide. */
export function exampleNames(guide: string): string[] {
  return [...guide.matchAll(BLOCK)].map((m) => m[2]!);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const guide = readFileSync(GUIDE, "utf8");
  const next = withExamples(guide, generateExamples());
  if (process.argv.includes("--check")) {
    if (next !== guide) {
      console.error("staff-guide-examples: docs/huong-dan-bien-tap.md is out of date; run npx tsx scripts/staff-guide-examples.ts");
      process.exitCode = 1;
    }
  } else if (next !== guide) {
    writeFileSync(GUIDE, next);
    console.log("staff-guide-examples: docs/huong-dan-bien-tap.md updated");
  } else console.log("staff-guide-examples: docs/huong-dan-bien-tap.md already up to date");
}
