import { fileURLToPath } from "node:url";

/** Where one-shot commands keep their knowledge cache: the package's node_modules/.cache, by convention. */
export const CLI_CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/dvc-bot", import.meta.url));
