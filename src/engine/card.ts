import type { Facet } from "../knowledge/analyze.js";
import { feesOn, linesOn, textOf } from "../knowledge/dated.js";
import type { DatedText, Entry, Fee, Guide, Procedure } from "../knowledge/schema.js";
import { AGENCY_WORDS, CHANNEL_TEXT, DATED, formatDate, formatMoney, LEVEL_TEXT, M, PORTAL_URL, SECTION, TIER_TEXT } from "./messages.js";
import type { Block } from "./types.js";
import { fold, textKey } from "../text/normalize.js";
import { NOT_FEE_WORDS, PAY_WORDS, RECEIVE_WORDS } from "../knowledge/language.js";

/**
 * Answer cards: the facet the citizen asked for first, then the rest briefly, then the official
 * link. A missing fee/time is said to be missing (never guessed) and the card points to the
 * procedure page. Facts with a period are read for `today` (a YYYY-MM-DD day in Vietnam): the
 * card states the rule in force, until when, and what follows.
 */

const BRIEF_DOCUMENTS = 3;

/** `message`: what the citizen typed, when it was text (a fee question about a benefit reads it; see `asksToPay`). */
export function entryCard(entry: Entry, facets: ReadonlySet<Facet>, today: string, message = ""): Block[] {
  return entry.kind === "procedure" ? procedureCard(onDay(entry, today), facets, today, asksToPay(message)) : guideCard(entry, today);
}

const PAY = PAY_WORDS.map((w) => textKey(w));
const RECEIVE = RECEIVE_WORDS.map((w) => textKey(w));
const NOT_FEE = NOT_FEE_WORDS.map((w) => textKey(w));
/** The message asks what filing costs, not what a benefit pays ("có mất phí không" vs "được bao nhiêu tiền"). */
export function asksToPay(message: string): boolean {
  let padded = ` ${textKey(message)} `;
  for (const p of NOT_FEE) padded = padded.split(` ${p} `).join(" ");
  const has = (phrases: readonly string[]) => phrases.some((p) => padded.includes(` ${p} `));
  return has(PAY) && !has(RECEIVE);
}

/** Facets this entry can answer (for follow-up buttons). */
export function availableFacets(entry: Entry, today: string): Facet[] {
  if (entry.kind !== "procedure") return [];
  const p = onDay(entry, today);
  const out: Facet[] = [];
  if (p.documents.length) out.push("documents");
  out.push("fee");
  if (p.times.length) out.push("time");
  out.push("where");
  if (p.steps.length) out.push("steps");
  return out;
}

/** The procedure as it stands on `today`: lines outside their period are gone (fees keep their timelines). */
function onDay(p: Procedure, today: string): Procedure {
  return {
    ...p,
    documents: linesOn(p.documents, today),
    benefit: linesOn(p.benefit, today),
    times: linesOn(p.times, today),
    steps: linesOn(p.steps, today),
    notes: linesOn(p.notes, today),
  };
}

/** A dated line says until when it holds. */
/**
 * A dated line says until when it holds — unless its text already names a date: "Từ 01/3/2027 luật
 * mới có hiệu lực" shown until 28/02/2027 would read as "the new law applies until 28/02/2027".
 */
const NAMES_A_DATE = /\b\d{1,2}\/\d{1,2}(?:\/\d{4})?\b/;
function lineText(item: DatedText): string {
  const text = textOf(item);
  return typeof item !== "string" && item.until && !NAMES_A_DATE.test(text) ? text + DATED.untilSuffix(formatDate(item.until)) : text;
}

function feeText(f: Fee, then: Fee | undefined): string {
  // A note's closing full stop would sit before ", áp dụng đến hết…".
  const note = f.until ? f.note?.replace(/\.\s*$/, "") : f.note;
  const parts = [[f.amount !== undefined ? formatMoney(f.amount) : "", note].filter(Boolean).join(" — ")];
  if (f.until) parts.push(DATED.until(formatDate(f.until)) + (f.basis ? ` ${DATED.basis(f.basis)}` : ""));
  let text = parts.join(", ");
  if (then) text += `; ${DATED.then([then.amount !== undefined ? formatMoney(then.amount).toLowerCase() : "", then.note].filter(Boolean).join(" — "))}`;
  return text;
}

function feeLabel(f: Fee): string {
  // "Mọi hình thức" says nothing when it is the only kind of fee line.
  const head = [f.channel === "moi-kenh" ? "" : CHANNEL_TEXT[f.channel], f.case ?? ""].filter(Boolean).join(", ");
  return [head, f.condition ? `(${f.condition})` : ""].filter(Boolean).join(" ");
}

function procedureCard(p: Procedure, facets: ReadonlySet<Facet>, today: string, pays: boolean): Block[] {
  const level = LEVEL_TEXT[p.level];
  const blocks: Block[] = [{ type: "heading", text: p.title }, { type: "badge", text: level.badge, tone: level.tone }];
  const asked = [...facets].filter((f) => f !== "online" || facets.size === 1);
  const focused = asked.length > 0;

  // The entry's own level note is the specific form of the generic explanation (both start
  // "Nộp hồ sơ trực tuyến được…" for a partly-online procedure): say one, never both.
  if (facets.has("online")) blocks.push({ type: "text", text: p.level_note ?? level.explain });
  for (const facet of asked) blocks.push(...facetBlocks(p, facet, true, today, pays));

  if (!focused) {
    if (p.summary) blocks.push({ type: "text", text: p.summary });
    // The level note belongs with the whole card and the "online" answer; a reply about the fee
    // or the papers does not repeat it.
    if (!facets.has("online") && p.level_note) blocks.push({ type: "text", text: p.level_note });
    blocks.push(...facetBlocks(p, "where", false, today));
    blocks.push(...facetBlocks(p, "time", false, today));
    blocks.push(...benefitBlocks(p));
    blocks.push(...feeBlocks(p, false, today));
    blocks.push(...facetBlocks(p, "documents", false, today));
    if (p.notes.length) blocks.push({ type: "list", title: SECTION.notes, items: p.notes.map(lineText) });
  }
  if (p.needs_review) blocks.push({ type: "text", text: `⚠️ ${M.needsReview}` });
  blocks.push(linkBlock(p));
  return blocks;
}

function facetBlocks(p: Procedure, facet: Facet, full: boolean, today: string, pays = false): Block[] {
  switch (facet) {
    case "documents": {
      if (p.documents.length === 0) return full ? [{ type: "text", text: `${SECTION.documents}: ${M.missingFact}.` }] : [];
      const items = p.documents.map((d) =>
        typeof d === "string" ? d : [d.name, d.copies ? `(${d.copies})` : "", d.note ? `— ${d.note}` : ""].filter(Boolean).join(" ") + (d.until ? DATED.untilSuffix(formatDate(d.until)) : ""),
      );
      const shown = full ? items : items.slice(0, BRIEF_DOCUMENTS);
      if (!full && items.length > BRIEF_DOCUMENTS) shown.push(M.moreDocuments(items.length - BRIEF_DOCUMENTS));
      return [{ type: "list", title: SECTION.documents, items: shown }];
    }
    case "fee":
      // "Trợ cấp … được bao nhiêu tiền" asks what a benefit pays: that first, the fee briefly after; "có mất phí
      // không" asks the fee: that first.
      if (p.benefit.length === 0) return feeBlocks(p, full, today);
      return pays ? [...feeBlocks(p, full, today), ...benefitBlocks(p)] : [...benefitBlocks(p), ...feeBlocks(p, false, today)];
    case "time": {
      if (p.times.length === 0) return full ? [{ type: "text", text: `${SECTION.time}: ${M.missingFact}.` }] : [];
      const items = p.times.map((t) => {
        const text = t.until ? t.text + DATED.untilSuffix(formatDate(t.until)) : t.text;
        return t.channel === "moi-kenh" ? text : `${CHANNEL_TEXT[t.channel]}: ${text}`;
      });
      return items.length === 1 ? [{ type: "text", text: `${SECTION.time}: ${items[0]}` }] : [{ type: "list", title: SECTION.time, items }];
    }
    case "where": {
      const lines = [`${SECTION.where}: ${p.agency}${namesTier(p.agency) ? "" : ` (${TIER_TEXT[p.tier]})`}.`];
      if (full && p.reform_note) lines.push(`${SECTION.reform}: ${p.reform_note}`);
      if (full && p.level !== "khong-truc-tuyen") lines.push(M.submitOnline);
      return [{ type: "text", text: lines.join("\n") }];
    }
    case "steps": {
      if (p.steps.length === 0) return full ? [{ type: "text", text: `${SECTION.steps}: ${M.missingFact}.` }] : [];
      return [{ type: "list", title: SECTION.steps, items: p.steps.map(lineText), ordered: true }];
    }
    case "online":
      return p.steps.length > 0 && full ? [{ type: "list", title: SECTION.steps, items: p.steps.map(lineText), ordered: true }] : [];
  }
}

function feeBlocks(p: Procedure, full: boolean, today: string): Block[] {
  const lines = feesOn(p.fees, today);
  if (lines.length === 0) return [{ type: "text", text: `${SECTION.fee}: ${M.missingFact}.` }];
  const items = lines.map(({ fee, then }) => {
    const label = feeLabel(fee);
    const what = feeText(fee, then);
    return label ? `${label}: ${what}` : what;
  });
  return items.length === 1 && !full ? [{ type: "text", text: `${SECTION.fee}: ${items[0]}` }] : [{ type: "list", title: SECTION.fee, items }];
}

/** What a benefit pays (already read for the day by onDay). */
function benefitBlocks(p: Procedure): Block[] {
  return p.benefit.length > 0 ? [{ type: "list", title: SECTION.benefit, items: p.benefit.map(lineText) }] : [];
}

/**
 * Whether the agency text already says its level ("Công an cấp tỉnh", "UBND xã", "Sở Nội vụ",
 * "Bộ Công an"). The tier in brackets then adds nothing, and where a staff list gives another
 * tier it would contradict the agency ("Công an cấp tỉnh (Cấp xã)"): the agency's words win.
 */
function namesTier(agency: string): boolean {
  return AGENCY_WORDS.tier.test(fold(agency)) || AGENCY_WORDS.centralOrProvincialBody.test(agency);
}

function linkBlock(entry: Entry): Block {
  const url = entry.link ?? PORTAL_URL;
  const code = entry.kind === "procedure" ? entry.code : undefined;
  // Without the procedure's own page, the button must not promise it: name the portal, and the
  // code to search for there when it is known.
  const label = entry.link ? (code ? M.detailLinkCode(code) : M.detailLink) : code ? M.portalSearchCode(code) : M.portalLabel;
  return { type: "link", url, label };
}

function guideCard(g: Guide, today: string): Block[] {
  const blocks: Block[] = [{ type: "heading", text: g.title }];
  const steps = linesOn(g.steps, today);
  const notes = linesOn(g.notes, today);
  if (g.summary) blocks.push({ type: "text", text: g.summary });
  if (g.body) blocks.push({ type: "text", text: g.body.trim() });
  if (steps.length) blocks.push({ type: "list", items: steps.map(lineText), ordered: true });
  if (notes.length) blocks.push({ type: "list", title: SECTION.notes, items: notes.map(lineText) });
  if (g.needs_review) blocks.push({ type: "text", text: `⚠️ ${M.needsReview}` });
  if (g.link) blocks.push({ type: "link", url: g.link, label: M.moreLink });
  return blocks;
}
