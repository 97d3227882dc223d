import type { Entry } from "../knowledge/schema.js";
import { fold } from "../text/normalize.js";

/**
 * A process that just started answers its first questions while V8 is still compiling the search's rarer paths: at
 * 6,129 entries a fresh process read a p99 of 6.5–9.0 ms over its first 2,623 questions, 4.8–5.7 ms when it had first
 * answered 2,000 questions made from its own knowledge (docs/benchmarks.md, session 47). `serve` answers such questions
 * in the background after it starts listening, a few milliseconds at a time between real work.
 */

/** What a question may ask besides the name (facets), so the warm-up also runs the facet and story readings. */
const TAILS = ["", " lệ phí bao nhiêu", " ở đâu", " cần giấy tờ gì", " làm online được không", " mất bao lâu"];
const LEADS = ["", "cho em hỏi ", "ad ơi ", "tôi muốn "];

/**
 * Up to `count` questions built from the entries' titles, aliases and keywords, each with a lead and a facet tail, half
 * typed without accents (as half of the citizens type). Deterministic: the same knowledge, the same list.
 */
export function warmUpQuestions(entries: readonly Entry[], count: number): string[] {
  const names = entries.flatMap((e) => [e.title, ...e.aliases, ...e.keywords]);
  const out: string[] = [];
  for (let i = 0; out.length < count && names.length > 0; i++) {
    // Each round over the names shifts the lead and the tail; accents change every other round, apart from the tail.
    const k = i % names.length;
    const round = Math.floor(i / names.length);
    const q = `${LEADS[(k + 3 * round) % LEADS.length]}${names[k]!.toLowerCase()}${TAILS[(k + round) % TAILS.length]}`;
    out.push((k + Math.floor(round / 2)) % 2 === 1 ? fold(q) : q);
  }
  return out;
}

export interface WarmUp {
  /** Settles when the warm-up ends: how many questions were asked, how many threw, and whether it was stopped. */
  done: Promise<{ asked: number; failed: number; stopped: boolean }>;
  /** Asks no more questions (shutdown). */
  stop(): void;
}

/**
 * Asks `search` each of `questions`, for at most `sliceMs` of wall time per event-loop turn (at least one question),
 * yielding (setImmediate) between turns so webhooks and the admin keep being served; a question that throws is counted
 * and skipped. No timer keeps the process alive: with nothing else to do, it exits once the warm-up ends.
 */
export function warmSearch(search: (question: string) => unknown, questions: readonly string[], sliceMs = 2): WarmUp {
  let stopped = false;
  let asked = 0;
  let failed = 0;
  const done = new Promise<{ asked: number; failed: number; stopped: boolean }>((resolve) => {
    const step = () => {
      const start = performance.now();
      while (!stopped && asked < questions.length) {
        try {
          search(questions[asked]!);
        } catch {
          failed++;
        }
        asked++;
        if (performance.now() - start >= sliceMs) break;
      }
      if (stopped || asked >= questions.length) resolve({ asked, failed, stopped });
      else setImmediate(step);
    };
    setImmediate(step);
  });
  return { done, stop: () => void (stopped = true) };
}
