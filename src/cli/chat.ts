import { buildCore } from "../runtime/core.js";
import { createDispatcher } from "../runtime/dispatcher.js";
import { createStoreKeys } from "../runtime/store-keys.js";
import { runTerminalChat } from "../channels/terminal/routes.js";
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
  try {
    await runTerminalChat({ dispatcher, input: process.stdin, output: process.stdout });
  } finally {
    await store.close();
  }
}
