import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/knowledge/loader.js";
import type { Entry, Procedure } from "../src/knowledge/schema.js";
import { addDays, feesOn } from "../src/knowledge/dated.js";
import { blocksToText } from "../src/engine/blocks-to-text.js";
import { entryCard } from "../src/engine/card.js";

/** The day the content was last re-checked against the law in force (issue: today's law). */
const RECHECK = "2026-12-02";
/** Reviewed dates are never after the real today (the machine clock, as staff would see it). */
const TODAY = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

/** The real knowledge base that staff maintain: these tests guard its content, not the loader. */
const KNOWLEDGE_DIR = fileURLToPath(new URL("../knowledge", import.meta.url));

const { knowledge, problems } = loadKnowledge(KNOWLEDGE_DIR);
const procedures = knowledge.entries.filter((e) => e.kind === "procedure");

/** Guide topics the bot must always be able to explain (ids are referenced by flows and menus). */
const REQUIRED_GUIDES = [
  "muc-do-dich-vu-cong-truc-tuyen",
  "cach-xem-muc-do-thu-tuc",
  "vneid-muc-1",
  "vneid-muc-2",
  "vneid-tre-em-duoi-14-tuoi",
  "vneid-khong-nhan-duoc-otp",
  "vneid-doi-dien-thoai",
  "vneid-sim-khong-chinh-chu",
  "vneid-khoa-tai-khoan",
  "dang-nhap-cong-dich-vu-cong",
  "thanh-toan-truc-tuyen",
  "thanh-toan-that-bai",
  "bien-lai-dien-tu",
  "paygov",
  "nop-ho-so-truc-tuyen",
  "tra-cuu-ho-so",
  "nhan-ket-qua-buu-chinh",
  "chung-thuc-ban-sao-dien-tu",
  "phan-anh-kien-nghi",
  "tong-dai-ho-tro",
  "chinh-quyen-hai-cap",
];

/** Procedures citizens file most; the issue lists them by name. */
const REQUIRED_PROCEDURES = [
  "dang-ky-khai-sinh",
  "dang-ky-khai-tu",
  "dang-ky-ket-hon",
  "xac-nhan-tinh-trang-hon-nhan",
  "cap-ban-sao-trich-luc-ho-tich",
  "dang-ky-thuong-tru",
  "dang-ky-tam-tru",
  "tach-ho",
  "xoa-dang-ky-thuong-tru",
  "thong-bao-luu-tru",
  "khai-bao-tam-vang",
  "cap-the-can-cuoc",
  "cap-doi-cap-lai-the-can-cuoc",
  "cap-the-can-cuoc-duoi-14-tuoi",
  "cap-ho-chieu-pho-thong",
  "cap-phieu-ly-lich-tu-phap",
  "doi-giay-phep-lai-xe",
  "cap-lai-giay-phep-lai-xe",
  "dang-ky-xe",
  "sang-ten-xe",
  "dang-ky-ho-kinh-doanh",
  "dang-ky-thanh-lap-doanh-nghiep",
  "cap-giay-phep-xay-dung-nha-o",
  "cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau",
  "dang-ky-bien-dong-dat-dai",
  "huong-tro-cap-that-nghiep",
  "cap-lai-doi-the-bhyt",
  "gia-han-the-bhyt-ho-gia-dinh",
  "huong-bhxh-mot-lan",
  "khai-nop-le-phi-truoc-ba",
  "nop-phat-vi-pham-giao-thong",
  "chung-thuc-ban-sao",
  "chung-thuc-chu-ky",
];

/** Every string a citizen may see, with its path for a readable failure. */
function userStrings(value: unknown, path: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => userStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) userStrings(v, `${path}.${k}`, out);
  }
  return out;
}

describe("knowledge content", () => {
  it("loads without problems", () => {
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it("has at least 40 procedures", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(40);
  });

  it("has the procedures citizens file most", () => {
    const missing = REQUIRED_PROCEDURES.filter((id) => knowledge.byId.get(id)?.kind !== "procedure");
    expect(missing).toEqual([]);
  });

  // `link` is optional (docs/huong-dan-bien-tap.md): without it the card points to the portal and
  // says so, which is better for a citizen than a "procedure page" button that opens the home page.
  it("gives every procedure a level and an agency, and every procedure card a link to follow", () => {
    for (const p of procedures) {
      if (p.kind !== "procedure") continue;
      expect(p.level, p.id).toBeTruthy();
      expect(p.agency.trim(), p.id).not.toBe("");
      const links = entryCard(p, new Set(), TODAY).filter((b) => b.type === "link");
      expect(links.map((b) => (b.type === "link" ? b.url : "")), p.id).toEqual([expect.stringMatching(/^https:\/\//)]);
    }
  });

  it("explains why a procedure is only partly online or not online", () => {
    const unexplained = procedures.filter((p) => p.kind === "procedure" && p.level !== "toan-trinh" && !p.level_note);
    expect(unexplained.map((p) => p.id)).toEqual([]);
  });

  it("gives every fee a channel and either an amount or a note", () => {
    for (const p of procedures) {
      if (p.kind !== "procedure") continue;
      for (const fee of p.fees) {
        expect(fee.channel, p.id).toBeTruthy();
        expect(fee.amount !== undefined || fee.note !== undefined, p.id).toBe(true);
      }
    }
  });

  it("links nowhere the relaunched national portal no longer opens", () => {
    // The old /p/home/…html pages open an empty shell since the portal's relaunch.
    const dead = knowledge.entries.filter((e) => /dichvucong\.gov\.vn\/p\/home\//.test(JSON.stringify(e))).map((e) => e.id);
    expect(dead).toEqual([]);
  });

  it("gives every entry a source and a reviewed date that is not in the future", () => {
    for (const e of knowledge.entries) {
      const sources = Array.isArray(e.source) ? e.source : [e.source];
      expect(sources.length, e.id).toBeGreaterThan(0);
      expect(e.reviewed, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.reviewed <= TODAY, e.id).toBe(true);
    }
  });

  it("names a document (number or law) or an official page in the sources of every entry reviewed in the 2026 re-check", () => {
    const vague = knowledge.entries
      .filter((e) => e.reviewed >= RECHECK)
      .filter((e) => {
        const sources = (Array.isArray(e.source) ? e.source : [e.source]).map((s) => (typeof s === "string" ? s : `${s.title} ${s.url ?? ""}`));
        return !sources.some((s) => /\d+(?:\.\d+)?\/\d{4}\/[A-ZĐ0-9-]+|Luật|https?:\/\//.test(s));
      })
      .map((e) => e.id);
    expect(vague).toEqual([]);
  });

  it("gives every time-bound fee its legal basis and a period in order", () => {
    for (const p of procedures) {
      if (p.kind !== "procedure") continue;
      for (const fee of p.fees) {
        if (!fee.from && !fee.until) continue;
        expect(fee.basis, `${p.id}: a dated fee line names its legal basis`).toBeTruthy();
        if (fee.from && fee.until) expect(fee.from <= fee.until, p.id).toBe(true);
      }
    }
  });

  it("cites the article of the law for what a citizen abroad is told about passports", () => {
    const procedure = (id: string) => procedures.find((p): p is Procedure => p.id === id && p.kind === "procedure");
    const basesOf = (p: Procedure | undefined) => [...(p?.notes ?? []), ...(p?.times ?? [])].flatMap((l) => (typeof l === "string" || !l.basis ? [] : [l.basis]));
    // Issuing an ordinary passport abroad: Điều 16; reporting a lost one abroad: Điều 28 (Luật 49/2019/QH14).
    expect(basesOf(procedure("cap-ho-chieu-pho-thong")).filter((b) => /49\/2019\/QH14.*Điều 16\b/.test(b)).length).toBeGreaterThanOrEqual(2);
    expect(basesOf(procedure("trinh-bao-mat-ho-chieu")).some((b) => /49\/2019\/QH14.*Điều 28\b/.test(b))).toBe(true);
  });

  it("names a document number or an article in the basis of every note and time line that has one", () => {
    for (const p of procedures) {
      if (p.kind !== "procedure") continue;
      for (const line of [...p.notes, ...p.times]) {
        if (typeof line === "string" || !line.basis) continue;
        expect(line.basis, p.id).toMatch(/\d+(?:\.\d+)?\/\d{4}\/[A-ZĐ0-9-]+|Điều \d+/);
      }
    }
  });

  it("offers the 'công dân số' waiver (Thông tư 117/2026) only on online filing, never at the counter", () => {
    // Bộ Công an's published procedure reads it as "miễn phí qua dịch vụ công trực tuyến với định
    // danh mức 2": a citizen told the counter is free would be asked to pay there.
    const waivers = procedures.flatMap((p) => (p.kind === "procedure" ? p.fees.filter((f) => /117\/2026\/TT-BTC/.test(f.basis ?? "") && f.amount === 0).map((f) => ({ id: p.id, f })) : []));
    expect(waivers.length).toBeGreaterThanOrEqual(8);
    for (const { id, f } of waivers) expect(f.channel, id).toBe("truc-tuyen");
  });

  it("shows each time-bound fee on its card while it lasts, with its end date, and never after", () => {
    const card = (p: Procedure, day: string) => blocksToText(entryCard(p, new Set(["fee"]), day));
    let dated = 0;
    for (const p of procedures) {
      if (p.kind !== "procedure") continue;
      for (const fee of p.fees) {
        if (!fee.until || !fee.basis) continue;
        const last = fee.until;
        const lastDay = card(p, last);
        if (!feesOn(p.fees, last).some((l) => l.fee === fee)) continue; // overridden by a more specific line
        dated++;
        expect(lastDay, `${p.id} on ${last}`).toContain(`đến hết ${last.split("-").reverse().join("/")}`);
        expect(lastDay, `${p.id} on ${last}`).toContain(fee.basis);
        const after = card(p, addDays(last, 1));
        expect(feesOn(p.fees, addDays(last, 1)).some((l) => l.fee === fee), `${p.id} after ${last}`).toBe(false);
        expect(after, `${p.id} after ${last}`).not.toContain(`đến hết ${last.split("-").reverse().join("/")}`);
        // The standard line the card announces ("sau đó …") is the one shown the day after.
        const then = feesOn(p.fees, last).find((l) => l.fee === fee)?.then;
        if (then) expect(feesOn(p.fees, addDays(last, 1)).some((l) => l.fee === then), `${p.id} after ${last}`).toBe(true);
      }
    }
    // The shipped knowledge carries the 2025–2026 reductions and waivers as dated lines.
    expect(dated).toBeGreaterThan(0);
  });

  it("keeps every user-facing string in NFC", () => {
    const notNfc = knowledge.entries
      .flatMap((e: Entry) => userStrings(e, e.id, []))
      .filter(([, s]) => s !== s.normalize("NFC"))
      .map(([path]) => path);
    expect(notNfc).toEqual([]);
    const synonymStrings = userStrings(knowledge.synonyms, "synonyms", []).filter(([, s]) => s !== s.normalize("NFC"));
    expect(synonymStrings).toEqual([]);
  });

  it("writes user-facing text with Vietnamese diacritics", () => {
    // A title without a single diacritic is almost always a typing slip (ids are ASCII, titles are not).
    const bare = knowledge.entries.filter((e) => e.title === e.title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d"));
    expect(bare.map((e) => e.id)).toEqual([]);
  });

  it("has the guide topics", () => {
    const missing = REQUIRED_GUIDES.filter((id) => {
      const kind = knowledge.byId.get(id)?.kind;
      return kind !== "guide" && kind !== "faq";
    });
    expect(missing).toEqual([]);
  });

  it("gives the portal hotline in the hotline entry", () => {
    const hotline = knowledge.byId.get("tong-dai-ho-tro");
    expect(JSON.stringify(hotline)).toContain("1800 1096");
  });

  it("offers next steps after a birth registration", () => {
    const birth = knowledge.byId.get("dang-ky-khai-sinh");
    expect(birth?.next).toEqual(expect.arrayContaining(["dang-ky-thuong-tru", "cap-the-bhyt-tre-em-duoi-6-tuoi"]));
  });

  it("keeps synonym groups free of duplicate phrases", () => {
    const seen = new Map<string, number>();
    knowledge.synonyms.groups.forEach((group, i) => {
      for (const phrase of group) {
        const key = phrase.normalize("NFC").toLowerCase();
        expect(seen.has(key), `"${phrase}" in groups ${seen.get(key)} and ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });
});
