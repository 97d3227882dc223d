import type { Entry } from "../knowledge/schema.js";
import { fold } from "../text/normalize.js";

/**
 * A process that just started answers its first questions while V8 is still compiling the search's rarer paths: the
 * first few thousand answers take up to 3–6 ms at the 99th percentile instead of under 2 (docs/benchmarks.md, session
 * 47). `serve` answers questions made from its own knowledge first, in small slices between real work, so the first
 * citizens after a restart or a deploy meet compiled code.
 */

/** What a question may ask besides the name (facets), so the warm-up also runs the facet and story readings. */
const TAILS = ["", " lệ phí bao nhiêu", " ở đâu", " cần giấy tờ gì", " làm online được không", " mất bao lâu"];
const LEADS = ["", "cho em hỏi ", "ad ơi ", "tôi muốn "];

/**
 * Up to `count` questions built from the entries' titles, aliases and keywords, each with a lead and a facet tail, every
 * other one typed without accents (as half of the citizens type). Deterministic: the same knowledge, the same list.
 */
export function warmUpQuestions(entries: readonly Entry[], count: number): string[] {
  const names = entries.flatMap((e) => [e.title, ...e.aliases, ...e.keywords]);
  const out: string[] = [];
  for (let i = 0; out.length < count && names.length > 0; i++) {
    // Each round over the names shifts the lead, the tail and the accents, so every name comes in every form.
    const k = i % names.length;
    const round = Math.floor(i / names.length);
    const q = `${LEADS[(k + 3 * round) % LEADS.length]}${names[k]!.toLowerCase()}${TAILS[(k + round) % TAILS.length]}`;
    out.push((k + round) % 2 === 1 ? fold(q) : q);
  }
  return out;
}

export interface WarmUp {
  /** Settles with the number of questions answered (fewer when stopped). */
  done: Promise<number>;
  /** Answers no more questions (shutdown). */
  stop(): void;
}

/**
 * Answers `questions` with `search`, `slice` at a time, yielding to the event loop (setImmediate) between slices so
 * webhooks and the admin keep being served; a question that throws is skipped. The warm-up holds no timer that keeps
 * the process alive: a process with nothing else to do exits once it is done.
 */
export function warmSearch(search: (question: string) => unknown, questions: readonly string[], slice = 25): WarmUp {
  let stopped = false;
  let answered = 0;
  const done = new Promise<number>((resolve) => {
    const step = () => {
      for (let n = 0; n < slice && answered < questions.length && !stopped; n++) {
        try {
          search(questions[answered]!);
        } catch {
          // A question the search cannot read is no reason to stop warming.
        }
        answered++;
      }
      if (stopped || answered >= questions.length) resolve(answered);
      else setImmediate(step);
    };
    setImmediate(step);
  });
  return { done, stop: () => void (stopped = true) };
}
