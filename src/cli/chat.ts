import { createInterface } from "node:readline";
import { buildCore } from "../runtime/core.js";
import { createDispatcher } from "../runtime/dispatcher.js";
import { createStoreKeys } from "../runtime/store-keys.js";
import { replyToPlainText } from "../runtime/plain-text.js";
import { loadConfig } from "../config.js";
import { createRespondentEnricher, resolveRespondentSalt } from "../feedback/respondent.js";
import { formatProblem } from "../source/yaml-source.js";
import { createLogger } from "../log.js";
import { createStore } from "../store/create-store.js";

/** `dvc-bot chat`: the same engine and dispatcher as the channels, in the terminal. */
export async function runChat(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger(env.LOG_LEVEL ?? "warn");
  const { core, problems } = buildCore({ knowledgeDir: config.knowledgeDir, flowsDir: config.flowsDir, surveyOfferDays: config.surveyOfferDays, today: config.today });
  for (const p of problems) console.error(`warning: ${formatProblem(p)}`);
  const store = await createStore(config, logger);
  const dispatcher = createDispatcher({
    core: () => core!,
    store,
    logger,
    sessionTtlSeconds: config.sessionTtlSeconds,
    rateLimitPerMinute: 1000,
    enrichRecord: createRespondentEnricher(config),
    keys: createStoreKeys(resolveRespondentSalt(config)),
  });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const chatId = "terminal";
  let n = 0;
  const show = async (text: string) => {
    const replies = await dispatcher.process({ type: "text", text, channel: "terminal", chatId, userId: chatId, messageId: `t${Date.now()}-${n++}`, at: Date.now() });
    for (const r of replies ?? []) console.log(`\n${replyToPlainText(r)}\n`);
  };
  // Start reading before the first await: piped lines that arrive during start-up are kept.
  const lines = rl[Symbol.asyncIterator]();
  console.log("dvc-bot — gõ câu hỏi rồi Enter; gõ số để chọn; Ctrl+D để thoát.");
  await show("xin chào");
  rl.setPrompt("bạn> ");
  rl.prompt();
  try {
    // Iterating (not question()) keeps piped input lines that arrive before the prompt.
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (line.trim()) await show(line);
      rl.prompt();
    }
  } finally {
    rl.close();
    await store.close();
  }
}
