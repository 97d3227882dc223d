// Placeholder: this command is being built (see the open issues).
export async function runAsk(..._args: unknown[]): Promise<void> {
  console.error("dvc-bot ask: not available yet");
  process.exitCode = 2;
}
